package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.index.Fields;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Term statistics shared by the queries of one reader: the same answers, bounded, and dropped. */
class TermLookupTest extends OnTheRealList {

  @Test
  void aSharedLookUpGivesWhatItsOwnLookUpGives() throws IOException {
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      IndexSearcher searcher = lease.searcher();
      Map<Term, TermStates> shared = new ConcurrentHashMap<>();
      Term present = new Term(Fields.gram(Fields.INDUSTRY), "医药");
      Term absent = new Term(Fields.gram(Fields.INDUSTRY), "火星");
      TermQuery first = (TermQuery) new TermLookup(searcher, shared).query(present);
      TermQuery again = (TermQuery) new TermLookup(searcher, shared).query(present);
      TermQuery own = (TermQuery) new TermLookup(searcher).query(present);

      assertThat(again.getTermStates()).isSameAs(first.getTermStates());
      assertThat(again.getTermStates().docFreq())
          .isEqualTo(own.getTermStates().docFreq())
          .isEqualTo(searcher.getIndexReader().docFreq(present))
          .isPositive();
      assertThat(searcher.count(again)).isEqualTo(searcher.count(own));
      assertThat(new TermLookup(searcher, shared).query(absent))
          .isInstanceOf(MatchNoDocsQuery.class);
      assertThat(shared).containsKeys(present, absent);
    }
  }

  @Test
  void theSharedStatisticsStopGrowingAtTheirBound() throws IOException {
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      Map<Term, TermStates> shared = new ConcurrentHashMap<>();
      TermLookup lookup = new TermLookup(lease.searcher(), shared);
      for (int i = 0; i < TermLookup.MAX_SHARED + 500; i++) {
        lookup.query(new Term(Fields.gram(Fields.NAME), "x" + i));
      }
      assertThat(shared).hasSize(TermLookup.MAX_SHARED);
    }
  }

  @Test
  void aReadersStatisticsGoWhenItCloses() throws IOException {
    ParsedQueryCache cache = new ParsedQueryCache();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
        Document doc = new Document();
        doc.add(new StringField("f", "v", Field.Store.NO));
        writer.addDocument(doc);
      }
      DirectoryReader reader = DirectoryReader.open(dir);
      Map<Term, TermStates> states = cache.termStates(reader);
      new TermLookup(new IndexSearcher(reader), states).query(new Term("f", "v"));
      assertThat(states).hasSize(1);
      assertThat(cache.termStates(reader)).isSameAs(states);
      assertThat(cache.termStateReaders()).isEqualTo(1);

      reader.close();

      assertThat(cache.termStateReaders()).isZero();
    }
  }
}
