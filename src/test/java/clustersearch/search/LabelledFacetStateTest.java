package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.index.Fields;
import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The facet state that names ordinals from memory answers as Lucene's own does. */
class LabelledFacetStateTest extends OnTheRealList {

  @Test
  void everyOrdinalAndTermIsNamedAsTheIndexNamesIt() throws IOException {
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      SortedSetDocValuesReaderState plain =
          new DefaultSortedSetDocValuesReaderState(
              lease.searcher().getIndexReader(), Fields.facetsConfig());
      SortedSetDocValues index = plain.getDocValues();
      SortedSetDocValues memory = new LabelledFacetState(plain).getDocValues();

      assertThat(memory.getValueCount()).isEqualTo(index.getValueCount()).isGreaterThan(50);
      for (long ord = 0; ord < index.getValueCount(); ord++) {
        BytesRef label = BytesRef.deepCopyOf(index.lookupOrd(ord));
        assertThat(memory.lookupOrd(ord)).isEqualTo(label);
        assertThat(memory.lookupTerm(label)).isEqualTo(ord);
      }
      for (String absent : new String[] {"", "province\u001f火星", "\uffff"}) {
        BytesRef key = new BytesRef(absent);
        assertThat(memory.lookupTerm(key)).as(absent).isEqualTo(index.lookupTerm(key));
      }
    }
  }

  @Test
  void facetCountsAreTheSameThroughEitherState() throws IOException {
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      SortedSetDocValuesReaderState plain =
          new DefaultSortedSetDocValuesReaderState(
              lease.searcher().getIndexReader(), Fields.facetsConfig());
      for (FacetsCollector hits : sameCountsEitherWay(lease.searcher(), plain)) {
        for (String sector : new String[] {"生物产业", "新材料产业"}) {
          assertThat(
                  String.valueOf(
                      new SortedSetDocValuesFacetCounts(new LabelledFacetState(plain), hits)
                          .getTopChildren(100, Fields.DIM_INDUSTRY, sector)))
              .isEqualTo(
                  String.valueOf(
                      new SortedSetDocValuesFacetCounts(plain, hits)
                          .getTopChildren(100, Fields.DIM_INDUSTRY, sector)));
        }
      }
    }
  }

  /**
   * On an index of several segments Lucene counts through the reader's ordinal map; a state that
   * hid it counted each segment's own ordinals as the reader's (the 2021 list in three segments:
   * every dimension's counts were wrong).
   */
  @Test
  void facetCountsAreTheSameOnAnIndexOfSeveralSegments(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws IOException {
    var config = clustersearch.TestData.config(home);
    Fields fields = Fields.of(config);
    var clusters = clustersearch.TestData.clusters2021(config);
    try (var dir = new org.apache.lucene.store.ByteBuffersDirectory()) {
      try (var writer =
          new org.apache.lucene.index.IndexWriter(
              dir,
              new org.apache.lucene.index.IndexWriterConfig(fields.indexAnalyzer())
                  .setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
        // the later clusters first, so each segment has ordinals of its own
        for (int from : new int[] {30, 15, 0}) {
          for (var c : clusters.subList(from, Math.min(from + 15, clusters.size()))) {
            writer.addDocument(clustersearch.index.ClusterDocuments.toDocument(c, fields));
          }
          writer.commit();
        }
      }
      try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(3);
        var searcher = new org.apache.lucene.search.IndexSearcher(reader);
        SortedSetDocValuesReaderState plain =
            new DefaultSortedSetDocValuesReaderState(reader, Fields.facetsConfig());
        sameCountsEitherWay(searcher, plain);
        String all = new SortedSetDocValuesFacetCounts(plain).getAllDims(100).toString();
        assertThat(
                new SortedSetDocValuesFacetCounts(new LabelledFacetState(plain))
                    .getAllDims(100)
                    .toString())
            .isEqualTo(all);
      }
    }
  }

  /**
   * Asserts that every cluster's and Shandong's facet counts are the same through Lucene's state
   * and through ours; the two hit sets, for more checks.
   */
  private static java.util.List<FacetsCollector> sameCountsEitherWay(
      org.apache.lucene.search.IndexSearcher searcher, SortedSetDocValuesReaderState plain)
      throws IOException {
    org.apache.lucene.facet.DrillDownQuery shandong =
        new org.apache.lucene.facet.DrillDownQuery(Fields.facetsConfig());
    shandong.add(Fields.DIM_PROVINCE, "山东");
    java.util.List<FacetsCollector> all = new java.util.ArrayList<>();
    for (var query : new org.apache.lucene.search.Query[] {new MatchAllDocsQuery(), shandong}) {
      FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
      String lucene = new SortedSetDocValuesFacetCounts(plain, hits).getAllDims(100).toString();
      String ours =
          new SortedSetDocValuesFacetCounts(new LabelledFacetState(plain), hits)
              .getAllDims(100)
              .toString();
      assertThat(ours).as(query.toString()).isEqualTo(lucene).contains("山东");
      all.add(hits);
    }
    return all;
  }
}
