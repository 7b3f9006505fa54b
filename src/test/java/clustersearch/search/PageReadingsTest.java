package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.NamedMatches;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;

/**
 * A page's readings, found with one scorer per reading (MatchLevels.readings), are exactly those
 * Lucene's Matches API names for each hit, on every query of every judgment set (in the plan's
 * order).
 */
class PageReadingsTest extends OnTheRealList {

  @Test
  void everyHitOfEveryJudgedQueryReadsAsTheMatchesApiReadsIt() throws IOException {
    Set<String> queries = JudgedQueries.all();
    assertThat(queries).hasSizeGreaterThan(250);
    int compared = 0;
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      IndexSearcher searcher = lease.searcher();
      for (String q : queries) {
        QueryFactory.Parsed parsed =
            service.queries().build(q, false, searcher, lease.vocabulary());
        if (parsed.matchesAll()) {
          continue;
        }
        List<Integer> docs = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(parsed.wide(), 20).scoreDocs) {
          docs.add(hit.doc);
        }
        Map<Integer, List<String>> page = MatchLevels.readings(parsed, searcher, docs);
        Weight weight = searcher.createWeight(parsed.wide(), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (int doc : docs) {
          // The same readings; in the plan's order rather than the breadth-first order in which
          // Lucene's Matches tree happened to list them.
          assertThat(page.get(doc))
              .as(q + " doc " + doc)
              .doesNotHaveDuplicates()
              .containsExactlyInAnyOrderElementsOf(byMatches(weight, searcher, doc));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  /** The readings as Lucene's Matches API names them (how hits were read before). */
  private static List<String> byMatches(Weight weight, IndexSearcher searcher, int doc)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Matches m = weight.matches(leaf, doc - leaf.docBase);
    if (m == null) {
      return List.of();
    }
    return MatchLevels.withoutCoveredNeighbours(
        NamedMatches.findNamedMatches(m).stream().map(NamedMatches::getName).distinct().toList());
  }
}
