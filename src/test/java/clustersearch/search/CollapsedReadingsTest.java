package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A query whose term-table readings are collapsed finds the same clusters with the same scores, bit
 * for bit, as the query Lucene rewrote, for every query of every judgment set: ranking, wide and
 * match-level queries, on the 2021 list in one segment and in three.
 */
class CollapsedReadingsTest extends OnTheRealList {

  @Test
  void collapsedQueriesScoreAsTheQueriesTheyCollapse() throws IOException {
    Set<String> queries = JudgedQueries.all();
    assertThat(queries).hasSizeGreaterThan(250);
    PlanCompiler compiler = compiler();
    try (ClusterIndex.Lease lease = stack.index().acquire();
        ByteBuffersDirectory dir = threeSegments()) {
      try (DirectoryReader segmented = DirectoryReader.open(dir)) {
        assertThat(segmented.leaves()).hasSize(3);
        int collapsed = 0;
        int compared = 0;
        for (IndexSearcher searcher : List.of(lease.searcher(), new IndexSearcher(segmented))) {
          for (String q : queries) {
            QueryPlan plan = service.queries().plan(q, false, lease.vocabulary());
            PlanCompiler.Compiled compiled =
                compiler.compile(plan, new TermLookup(searcher), lease.vocabulary());
            List<Query> all = new ArrayList<>(List.of(compiled.query(), compiled.wide()));
            all.addAll(compiled.levels());
            for (Query query : all) {
              Query rewritten = searcher.rewrite(query);
              Query collapsedQuery = CollapsedReadings.collapse(rewritten);
              if (holdsCollapsed(collapsedQuery)) {
                collapsed++;
              }
              assertThat(hits(searcher, collapsedQuery))
                  .as(q + ": " + rewritten)
                  .isEqualTo(hits(searcher, rewritten));
              TopDocs top = searcher.search(collapsedQuery, 3);
              for (ScoreDoc d : top.scoreDocs) {
                assertThat(searcher.explain(collapsedQuery, d.doc).getValue().floatValue())
                    .as(q)
                    .isEqualTo(d.score);
              }
              compared++;
            }
          }
        }
        assertThat(compared).isGreaterThan(1000);
        // Most queries name a concept, a synonym or a reading found in the phrases.
        assertThat(collapsed).isGreaterThan(compared / 4);
      }
    }
  }

  @Test
  void aPartsTermReadingsAreCollapsedAndKeepTheirLabels() throws IOException {
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      Query query =
          service.queries().build("生物医药", false, lease.searcher(), lease.vocabulary()).query();
      assertThat(holdsCollapsed(query)).isTrue();
      // Its readings' labels are still there for the page's readings and explain.
      assertThat(Labelled.in(query).keySet())
          .contains("生物医药 → as typed", "生物医药 → related 医药 ×0.50");
    }
  }

  /** Every hit as "doc:score" in rank order (ties by document). */
  private static List<String> hits(IndexSearcher searcher, Query query) throws IOException {
    TopDocs top = searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()));
    List<String> hits = new ArrayList<>();
    for (ScoreDoc d : top.scoreDocs) {
      hits.add(d.doc + ":" + d.score);
    }
    return hits;
  }

  private static boolean holdsCollapsed(Query query) {
    if (query instanceof CollapsedReadings) {
      return true;
    }
    boolean[] found = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            if (parent instanceof CollapsedReadings) {
              found[0] = true;
            }
            return this;
          }
        });
    return found[0];
  }
}
