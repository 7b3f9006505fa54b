package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import clustersearch.TestData;
import clustersearch.index.IndexBuild;
import clustersearch.source.Cluster;
import clustersearch.source.ListDocument;
import clustersearch.source.ListFixtures;
import clustersearch.source.TextListReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The XLSX, DOCX or PDF form of the 2021 list dropped into an empty data folder gives the same 43
 * records and the same search results as the text form.
 */
class ListFormsIndexTest {
  static final List<String> QUERIES =
      List.of("生物医药", "智能制造", "新材料", "锂电", "山东的集群", "中药", "Shandong", "长三角 电子");

  @TempDir static Path textHome;
  static List<Cluster> textRecords;
  static List<List<String>> textResults;

  @BeforeAll
  static void indexTheTextForm() throws IOException {
    try (SearchStack stack = TestData.indexAndOpen(textHome)) {
      textRecords = all(stack);
      textResults = results(stack);
    }
  }

  static List<Cluster> all(SearchStack stack) throws IOException {
    return stack.service().matching(SearchRequest.of("", 1));
  }

  static List<List<String>> results(SearchStack stack) throws IOException {
    List<List<String>> results = new java.util.ArrayList<>();
    for (String q : QUERIES) {
      results.add(
          stack.service().search(SearchRequest.of(q, 20)).hits().stream()
              .map(h -> h.cluster().id())
              .toList());
    }
    return results;
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls", "docx", "pdf"})
  void anotherFormInAnEmptyDataFolderIndexesTheSame(String form, @TempDir Path home)
      throws IOException {
    if (form.equals("pdf")) {
      assumeThat(ListFixtures.CJK_FONT).as("fonts-wqy-zenhei (.ci/run installs it)").exists();
    }
    ListDocument text = TextListReader.parse(TestData.LIST_2021);
    Path data = Files.createDirectories(home.resolve("data"));
    Path file = data.resolve("clusters-2021." + form);
    switch (form) {
      case "xlsx", "xls" ->
          ListFixtures.spreadsheet(file, text.title(), text.rows(), form.equals("xls"));
      case "docx" -> ListFixtures.docx(file, text.title(), text.rows());
      default -> ListFixtures.pdf(file, text.title(), text.rows());
    }

    IndexBuild.Report report = IndexBuild.run(TestData.config(home, data));
    try (SearchStack stack = SearchStack.open(TestData.config(home, data)).orElseThrow()) {
      assertThat(report.clusters()).isEqualTo(43);
      assertThat(all(stack)).isEqualTo(textRecords);
      assertThat(results(stack)).isEqualTo(textResults);
    }
  }

  @Test
  void aListOf20000RowsIndexesAndServes(@TempDir Path home) throws IOException {
    ListDocument text = TextListReader.parse(TestData.LIST_2021);
    long biomedicineRows = 0; // rows copied from one the text form finds for 生物医药
    for (int i = 1; i <= 20_000; i++) {
      biomedicineRows +=
          textResults.get(0).contains("2021-" + text.rows().get(i % 43).seq()) ? 1 : 0;
    }
    Path data = Files.createDirectories(home.resolve("data"));
    Files.writeString(
        data.resolve("clusters-2030.txt"), ListFixtures.longTextList(2030, text.rows(), 20_000));

    IndexBuild.Report report = IndexBuild.run(TestData.config(home, data));
    try (SearchStack stack = SearchStack.open(TestData.config(home, data)).orElseThrow()) {
      SearchResult biomedicine = stack.service().search(SearchRequest.of("生物医药", 10));
      SearchResult.FacetsOnly facets = stack.service().facets(SearchRequest.of("", 1));

      assertThat(report.clusters()).isEqualTo(20_000);
      assertThat(stack.service().get("2030-20000")).isPresent();
      assertThat(biomedicine.total() + biomedicine.related())
          .isEqualTo(biomedicineRows)
          .isGreaterThan(3_000);
      assertThat(facets.total()).isEqualTo(20_000);
      assertThat(biomedicine.hits()).hasSize(10);
    }
  }

  @Test
  void theTextFormItselfFindsWhatTheQueriesAskFor() {
    assertThat(textRecords).hasSize(43);
    assertThat(textResults).allSatisfy(ids -> assertThat(ids).isNotEmpty());
  }
}
