package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.IndustryRules;
import clustersearch.index.IndexBuild;
import clustersearch.source.Cluster;
import clustersearch.source.SyntheticLists;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /api/stats counts from facets; its every number equals counting the matching records one by one,
 * on the real list and on 5,000 synthetic records over five years, for queries and filters.
 */
class StatsFromFacetsTest extends OnTheRealList {
  @TempDir static Path syntheticHome;
  static SearchStack synthetic;

  @BeforeAll
  static void indexTheSyntheticLists() throws IOException {
    Path data = syntheticHome.resolve("data");
    SyntheticLists.write(
        TestData.config(syntheticHome, data),
        5_000,
        List.of(2021, 2022, 2023, 2024, 2025),
        3,
        data);
    IndexBuild.run(TestData.config(syntheticHome, data));
    synthetic = SearchStack.open(TestData.config(syntheticHome, data)).orElseThrow();
  }

  @AfterAll
  static void closeTheSyntheticLists() throws IOException {
    synthetic.close();
  }

  static SearchRequest request(String spec) {
    String[] parts = spec.split("\\|", -1);
    return new SearchRequest(
        parts[0],
        parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")),
        parts[2].isEmpty() ? List.of() : List.of(parts[2].split(",")),
        parts[3].isEmpty() ? List.of() : List.of(parts[3].split(",")),
        parts[4].isEmpty() ? List.of() : List.of(parts[4].split(",")),
        1,
        1,
        false,
        false,
        SearchRequest.Order.RELEVANCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "||||",
        "生物医药||||",
        "|山东,湖南|||",
        "|||长三角|",
        "智能制造||高端装备制造产业||",
        "|||东部|2021",
        "火星||||"
      })
  void everyCountEqualsCountingTheRecords(String spec) throws IOException {
    for (SearchStack stack : List.of(stack, synthetic)) {
      SearchRequest request = request(spec);
      if (stack == synthetic && spec.contains("2021")) {
        continue; // the same filters, minus the year the synthetic lists share with the real one
      }
      Stats stats = stack.service().stats(request);
      List<Cluster> records = stack.service().matching(request);
      List<String> provinces = stats.matrix().provinces();
      List<String> sectors = stats.matrix().sectors();

      assertThat(stats.total()).as(spec).isEqualTo(records.size());
      for (int p = 0; p < provinces.size(); p++) {
        for (int s = 0; s < sectors.size(); s++) {
          String province = provinces.get(p);
          String sector = sectors.get(s);
          long counted =
              records.stream()
                  .filter(c -> c.province().equals(province) && c.sector().equals(sector))
                  .count();
          assertThat(stats.matrix().counts()[p][s])
              .as(spec + " " + province + " " + sector)
              .isEqualTo(counted);
        }
      }
      for (SearchResult.FacetValue area : stats.areas()) {
        assertThat(area.count())
            .as(spec + " " + area.value())
            .isEqualTo(records.stream().filter(c -> c.areas().contains(area.value())).count());
      }
      List<String> all = new ArrayList<>(IndustryRules.SECTORS);
      all.add(IndustryRules.OTHER);
      assertThat(stats.sectors())
          .extracting(SearchResult.FacetValue::value)
          .containsExactlyElementsOf(all);
    }
  }
}
