package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.index.IndexBuild;
import clustersearch.source.SyntheticLists;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two passes of a large index (matches counted without scores, then the top k collected with
 * Lucene free to skip what cannot make the page) give what the one exhaustive pass gives: the same
 * total, the same facet counts, the same hits in the same order with the same scores, for every
 * query of every judgment set, on the 2021 list and on 5,000 synthetic clusters (one segment each
 * since a generation is merged; CollapsedReadingsTest and LabelledFacetStateTest cover three).
 */
class TopKTest {

  @Test
  void theTwoPassesAnswerAsTheExhaustivePassDoes(@TempDir Path home) throws IOException {
    Set<String> queries = JudgedQueries.all();
    assertThat(queries).hasSizeGreaterThan(250);
    Path data = home.resolve("synthetic/data");
    SyntheticLists.write(
        TestData.config(home.resolve("synthetic"), data),
        5_000,
        List.of(2021, 2022, 2023, 2024, 2025),
        3,
        data);
    IndexBuild.run(TestData.config(home.resolve("synthetic"), data));
    IndexBuild.run(TestData.config(home.resolve("real")));
    int compared = 0;
    for (var config :
        List.of(
            TestData.config(home.resolve("real")),
            TestData.config(home.resolve("synthetic"), data))) {
      try (SearchStack stack = SearchStack.open(config).orElseThrow();
          ClusterIndex.Lease lease = stack.index().acquire()) {
        SearchService service = stack.service();
        IndexSearcher searcher = lease.searcher();
        MatchLevels levels = new MatchLevels(config.weights());
        for (String q : queries) {
          QueryFactory.Parsed parsed =
              service.queries().build(q, false, searcher, lease.vocabulary());
          var ranking = levels.matching(parsed, "", lease, x -> x).ranking();
          for (int window : new int[] {10, 30}) {
            SearchService.Ranked one =
                service.drillSideways(SearchRequest.of(q, window), ranking, window, lease);
            SearchService.Ranked two = service.topK(searcher, ranking, window, lease);
            assertThat(two.found()).as(q).isEqualTo(one.found());
            assertThat(two.facets().getAllDims(100).toString())
                .as(q)
                .isEqualTo(one.facets().getAllDims(100).toString());
            assertThat(page(two.docs())).as(q).isEqualTo(page(one.docs()));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  /** Each hit as "doc:score". */
  private static List<String> page(ScoreDoc[] docs) {
    return java.util.Arrays.stream(docs).map(d -> d.doc + ":" + ((FieldDoc) d).fields[0]).toList();
  }
}
