package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.search.SearchResult.FacetCounts;
import clustersearch.search.SearchResult.FacetValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.javalin.json.JavalinJackson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  /** The records' own JSON: Javalin's mapper without the fragment serializers. */
  private static final ObjectMapper RECORDS =
      JavalinJackson.defaultMapper().registerModule(new BlackbirdModule());

  @Test
  void facetValuesReadAsTheRecordsWriteThemWhenTheirLabelsComeFromFragments() throws Exception {
    FacetCounts counts =
        new FacetCounts(
            List.of(
                new FacetValue("山东", "370000", "Shandong", null, 2, null),
                new FacetValue("云南", "530000", "Yunnan", null, 1, null)),
            List.of(
                new FacetValue(
                    "生物产业",
                    "4",
                    "Biological Industry",
                    null,
                    7,
                    List.of(
                        new FacetValue("生物医药", null, "Biomedicine", null, 2, null),
                        new FacetValue("现代中药和民族药（彝族药）\"引号\"", 1))),
                new FacetValue("新一代信息技术产业", 3, List.of())),
            List.of(new FacetValue("长江经济带", "yangtze-river-economic-belt", null, null, 0, null)),
            List.of(new FacetValue("2021", "2021", null, 2021, 43, null)));

    for (int round = 0; round < 3; round++) { // after the first, every label from its fragment
      // Counts change from answer to answer while the labels stay.
      FacetCounts answer = round == 2 ? recount(counts) : counts;
      assertThat(new String(Json.bytes(answer), StandardCharsets.UTF_8))
          .isEqualTo(RECORDS.writeValueAsString(answer));
    }
  }

  private static FacetCounts recount(FacetCounts c) {
    return new FacetCounts(
        c.province().stream().map(JsonTest::recount).toList(),
        c.industry().stream().map(JsonTest::recount).toList(),
        c.area().stream().map(JsonTest::recount).toList(),
        c.year().stream().map(JsonTest::recount).toList());
  }

  private static FacetValue recount(FacetValue v) {
    return new FacetValue(
        v.value(),
        v.code(),
        v.labelEn(),
        v.year(),
        v.count() * 10 + 1,
        v.children() == null ? null : v.children().stream().map(JsonTest::recount).toList());
  }
}
