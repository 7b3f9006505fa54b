package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Facet ordinals served through {@link HeapOrdinals} are Lucene's, document by document, and every
 * judged query's facet and statistics counts are the same, on the 2021 list in one segment (as
 * served) and in three.
 */
class HeapOrdinalsTest extends OnTheRealList {

  @Test
  void everyDocumentHasLucenesOrdinalsAndLabels() throws IOException {
    try (ByteBuffersDirectory dir = threeSegments()) {
      try (DirectoryReader own = DirectoryReader.open(dir)) {
        DirectoryReader served = HeapOrdinals.wrap(own);
        assertThat(served.leaves()).hasSize(3);
        int documents = 0;
        for (int round = 0; round < 2; round++) { // the second from the arrays the first read
          for (LeafReaderContext leaf : served.leaves()) {
            LeafReaderContext ownLeaf = own.leaves().get(leaf.ord);
            for (String field : HeapOrdinals.FIELDS) {
              SortedSetDocValues expected = ownLeaf.reader().getSortedSetDocValues(field);
              SortedSetDocValues iterated = leaf.reader().getSortedSetDocValues(field);
              SortedSetDocValues exact = leaf.reader().getSortedSetDocValues(field);
              assertThat(iterated.getValueCount()).isEqualTo(expected.getValueCount());
              for (long ord = 0; ord < expected.getValueCount(); ord++) {
                assertThat(iterated.lookupOrd(ord)).isEqualTo(expected.lookupOrd(ord));
              }
              for (int d = expected.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; ) {
                List<Long> ords = ords(expected);
                assertThat(iterated.nextDoc()).isEqualTo(d);
                assertThat(ords(iterated)).as(field + " of " + d).isEqualTo(ords);
                assertThat(exact.advanceExact(d)).isTrue();
                assertThat(ords(exact)).isEqualTo(ords);
                documents++;
                d = expected.nextDoc();
              }
              assertThat(iterated.nextDoc()).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
            }
          }
        }
        assertThat(documents).isEqualTo(2 * 2 * 43);
      }
    }
  }

  @Test
  void everyJudgedQueryCountsAsOnLucenesOrdinals() throws IOException {
    PlanCompiler compiler = compiler();
    try (ClusterIndex.Lease lease = stack.index().acquire();
        ByteBuffersDirectory dir = threeSegments()) {
      IndexReader served = lease.searcher().getIndexReader();
      assertThat(served.leaves().get(0).reader().getSortedSetDocValues(Fields.STATS_FACETS))
          .isNotInstanceOf(ownClass(served));
      try (DirectoryReader own = DirectoryReader.open(dir)) {
        int compared = 0;
        IndexSearcher lucene = new IndexSearcher(own);
        IndexSearcher heap = new IndexSearcher(HeapOrdinals.wrap(own));
        List<String> queries = new ArrayList<>(JudgedQueries.all());
        for (String q : queries) {
          QueryPlan plan = service.queries().plan(q, false, lease.vocabulary());
          Query query =
              q.isBlank()
                  ? new MatchAllDocsQuery()
                  : compiler.compile(plan, new TermLookup(lucene), lease.vocabulary()).query();
          for (String field : HeapOrdinals.FIELDS) {
            assertThat(counts(heap, query, field)).as(q).isEqualTo(counts(lucene, query, field));
            compared++;
          }
        }
        assertThat(compared).isGreaterThan(500);
        assertThat(counts(heap, new MatchAllDocsQuery(), Fields.STATS_FACETS)).contains("=43");
      }
    }
  }

  /** The class of Lucene's own doc values of the served reader's segment. */
  private static Class<?> ownClass(IndexReader served) throws IOException {
    IndexReader own = served;
    while (own instanceof org.apache.lucene.index.FilterDirectoryReader f) {
      own = f.getDelegate();
    }
    return own.leaves().get(0).reader().getSortedSetDocValues(Fields.STATS_FACETS).getClass();
  }

  private static List<Long> ords(SortedSetDocValues values) throws IOException {
    List<Long> ords = new ArrayList<>();
    for (int i = 0; i < values.docValueCount(); i++) {
      ords.add(values.nextOrd());
    }
    return ords;
  }

  /**
   * Every dimension's counts of {@code field}, two levels deep, over the matches of {@code query}.
   */
  private static String counts(IndexSearcher searcher, Query query, String field)
      throws IOException {
    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(
            new DefaultSortedSetDocValuesReaderState(
                searcher.getIndexReader(), field, Fields.facetsConfig()),
            hits);
    StringBuilder all = new StringBuilder();
    for (FacetResult dim : counts.getAllDims(1_000)) {
      all.append(dim).append('\n');
      if (Fields.facetsConfig().getDimConfig(dim.dim).hierarchical) {
        for (var value : dim.labelValues) { // a level down: province × sector, sector / industry
          FacetResult below = counts.getAllChildren(dim.dim, value.label);
          all.append(below == null ? "" : below + "\n");
        }
      }
    }
    return all.toString();
  }
}
