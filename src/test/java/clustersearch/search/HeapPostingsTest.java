package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * A small index served through {@link HeapPostings} holds the same postings as Lucene's, term by
 * term, and every judged query finds the same clusters with the same scores, bit for bit, on the
 * 2021 list in one segment and in three.
 */
class HeapPostingsTest extends OnTheRealList {

  @Test
  void theServedListIsWrappedAndALargeIndexIsNot() throws IOException {
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      assertThat(lease.searcher().getIndexReader()).isInstanceOf(HeapPostings.class);
    }
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < ClusterIndex.QUERY_CACHE_FROM; i++) {
          Document doc = new Document();
          doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader large = DirectoryReader.open(dir)) {
        assertThat(HeapPostings.wrap(large)).isSameAs(large);
      }
    }
  }

  @Test
  void aSeekByTextAfterASeekByStateIsOnTheNewTerm() throws IOException {
    // A seek by state is remembered until something needs the enumerator; a later seek by text
    // replaces it whole, its state too.
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      LeafReaderContext leaf = lease.searcher().getIndexReader().leaves().get(0);
      LeafReaderContext ownLeaf =
          ((FilterDirectoryReader) lease.searcher().getIndexReader()).getDelegate().leaves().get(0);
      TermsEnum own = ownLeaf.reader().terms(Fields.gram(Fields.INDUSTRY)).iterator();
      BytesRef first = BytesRef.deepCopyOf(own.next());
      TermState firstState = own.termState();
      BytesRef second = BytesRef.deepCopyOf(own.next());
      TermState secondState = own.termState();

      TermsEnum served = leaf.reader().terms(Fields.gram(Fields.INDUSTRY)).iterator();
      served.seekExact(first, firstState);
      assertThat(served.seekExact(second)).isTrue();

      assertThat(served.term()).isEqualTo(second);
      assertThat(served.termState()).hasToString(secondState.toString());
    }
  }

  @Test
  void everyTermHasLucenesDocumentsAndFrequenciesWhicheverWayItIsSought() throws IOException {
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      IndexReader served = lease.searcher().getIndexReader();
      IndexReader own = ((FilterDirectoryReader) served).getDelegate();
      int terms = 0;
      for (int round = 0; round < 2; round++) { // the second from the arrays the first read
        for (LeafReaderContext leaf : served.leaves()) {
          LeafReaderContext ownLeaf = own.leaves().get(leaf.ord);
          for (FieldInfo field : leaf.reader().getFieldInfos()) {
            Terms ownTerms = ownLeaf.reader().terms(field.name);
            if (ownTerms == null) {
              continue;
            }
            TermsEnum expected = ownTerms.iterator();
            TermsEnum byText = leaf.reader().terms(field.name).iterator();
            for (BytesRef term = expected.next(); term != null; term = expected.next()) {
              List<String> postings = postings(expected.postings(null, PostingsEnum.FREQS));
              TermState state = expected.termState();
              assertThat(byText.seekExact(term)).isTrue();
              assertThat(byText.docFreq()).isEqualTo(expected.docFreq());
              PostingsEnum served1 = byText.postings(null, PostingsEnum.FREQS);
              assertThat(served1).isInstanceOf(HeapPostings.ArrayPostings.class);
              assertThat(postings(served1)).as(field.name + ":" + term).isEqualTo(postings);
              // As TermQuery seeks: by term and state, on a new enumerator.
              TermsEnum byState = leaf.reader().terms(field.name).iterator();
              byState.seekExact(BytesRef.deepCopyOf(term), state);
              assertThat(byState.term()).isEqualTo(term);
              assertThat(postings(byState.postings(null, PostingsEnum.NONE)))
                  .as(field.name + ":" + term)
                  .isEqualTo(postings);
              assertThat(advanced(byState, 0)).isEqualTo(advanced(expected, 0));
              terms++;
            }
          }
        }
      }
      assertThat(terms).isGreaterThan(2_000);
    }
  }

  @Test
  void everyJudgedQueryScoresAsOnLucenesPostings() throws IOException {
    Set<String> queries = JudgedQueries.all();
    PlanCompiler compiler = compiler();
    try (ClusterIndex.Lease lease = stack.index().acquire();
        ByteBuffersDirectory dir = threeSegments()) {
      IndexReader served = lease.searcher().getIndexReader();
      try (DirectoryReader segmented = DirectoryReader.open(dir)) {
        DirectoryReader wrapped = HeapPostings.wrap(segmented);
        assertThat(wrapped.leaves()).hasSize(3);
        int compared = 0;
        for (IndexReader[] pair :
            List.of(
                new IndexReader[] {((FilterDirectoryReader) served).getDelegate(), served},
                new IndexReader[] {segmented, wrapped})) {
          IndexSearcher lucene = new IndexSearcher(pair[0]);
          IndexSearcher heap = new IndexSearcher(pair[1]);
          for (String q : queries) {
            QueryPlan plan = service.queries().plan(q, false, lease.vocabulary());
            List<Query> onLucene = queries(compiler, plan, lucene, lease);
            List<Query> onHeap = queries(compiler, plan, heap, lease);
            for (int i = 0; i < onLucene.size(); i++) {
              assertThat(hits(heap, onHeap.get(i)))
                  .as(q + ": " + onLucene.get(i))
                  .isEqualTo(hits(lucene, onLucene.get(i)));
              compared++;
            }
          }
        }
        assertThat(compared).isGreaterThan(1000);
      }
    }
  }

  /** The ranking, wide and level queries of {@code plan}, as a search runs them. */
  private static List<Query> queries(
      PlanCompiler compiler, QueryPlan plan, IndexSearcher searcher, ClusterIndex.Lease lease)
      throws IOException {
    PlanCompiler.Compiled compiled =
        compiler.compile(plan, new TermLookup(searcher), lease.vocabulary());
    List<Query> all = new ArrayList<>(List.of(compiled.query(), compiled.wide()));
    all.addAll(compiled.levels());
    List<Query> run = new ArrayList<>();
    for (Query q : all) {
      run.add(CollapsedReadings.collapse(searcher.rewrite(q)));
    }
    return run;
  }

  /** Every hit as "doc:score" in rank order, and the first hit's explained score. */
  private static List<String> hits(IndexSearcher searcher, Query query) throws IOException {
    TopDocs top = searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()));
    List<String> hits = new ArrayList<>();
    for (ScoreDoc d : top.scoreDocs) {
      hits.add(d.doc + ":" + d.score);
    }
    if (top.scoreDocs.length > 0) {
      hits.add("explained " + searcher.explain(query, top.scoreDocs[0].doc).getValue());
    }
    return hits;
  }

  private static List<String> postings(PostingsEnum p) throws IOException {
    List<String> all = new ArrayList<>();
    for (int doc = p.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = p.nextDoc()) {
      all.add(doc + "×" + p.freq());
    }
    return all;
  }

  /** The documents an enumerator's postings reach by advancing past every second one. */
  private static List<Integer> advanced(TermsEnum terms, int from) throws IOException {
    PostingsEnum p = terms.postings(null, PostingsEnum.NONE);
    List<Integer> reached = new ArrayList<>();
    for (int doc = p.advance(from);
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = p.advance(doc + 2)) {
      reached.add(doc);
    }
    return reached;
  }
}
