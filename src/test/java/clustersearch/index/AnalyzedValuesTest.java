package clustersearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.source.Cluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values analysed once and replayed write the index analysis writes: every term of every text field
 * with its document and term frequencies, and every document's norm (BM25's field length), over the
 * 2021 list written twice over (so that every shared value is replayed).
 */
class AnalyzedValuesTest {

  private static final List<String> TEXT_FIELDS =
      List.of(
          Fields.INDUSTRY,
          Fields.gram(Fields.INDUSTRY),
          Fields.gram(Fields.NAME),
          Fields.gram(Fields.PLACE),
          Fields.gram(Fields.BUILDER),
          Fields.gram(Fields.RECOMMENDER),
          Fields.ENGLISH);

  @Test
  void replayedValuesIndexExactlyAsAnalysisDoes(@TempDir Path home) throws IOException {
    AppConfig config = TestData.config(home);
    Fields fields = Fields.of(config);
    List<Cluster> list = TestData.clusters2021(config);
    List<Cluster> twice = new ArrayList<>(list);
    twice.addAll(list);
    AnalyzedValues analysed = new AnalyzedValues(fields.indexAnalyzer());
    try (Directory plain = write(twice, fields, null);
        Directory replayed = write(twice, fields, analysed);
        DirectoryReader a = DirectoryReader.open(plain);
        DirectoryReader b = DirectoryReader.open(replayed)) {
      for (String field : TEXT_FIELDS) {
        assertThat(postings(b, field)).as(field).isEqualTo(postings(a, field)).isNotEmpty();
        assertThat(norms(b, field)).as(field).isEqualTo(norms(a, field));
      }
    }
  }

  private static Directory write(List<Cluster> clusters, Fields fields, AnalyzedValues analysed)
      throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(fields.indexAnalyzer()))) {
      for (Cluster c : clusters) {
        w.addDocument(ClusterDocuments.toDocument(c, fields, analysed));
      }
    }
    return dir;
  }

  /** Each term of the field: "docFreq/totalTermFreq". */
  private static TreeMap<String, String> postings(DirectoryReader reader, String field)
      throws IOException {
    TreeMap<String, String> all = new TreeMap<>();
    LeafReader leaf = reader.leaves().get(0).reader();
    Terms terms = leaf.terms(field);
    TermsEnum e = terms.iterator();
    for (BytesRef t = e.next(); t != null; t = e.next()) {
      all.put(t.utf8ToString(), e.docFreq() + "/" + e.totalTermFreq());
    }
    return all;
  }

  /** Each document's norm in the field, by its position and id. */
  private static List<String> norms(DirectoryReader reader, String field) throws IOException {
    List<String> all = new ArrayList<>();
    LeafReader leaf = reader.leaves().get(0).reader();
    NumericDocValues norms = leaf.getNormValues(field);
    StoredFields stored = leaf.storedFields();
    for (int doc = 0; doc < leaf.maxDoc(); doc++) {
      all.add(
          stored.document(doc).get(Fields.ID)
              + "="
              + (norms.advanceExact(doc) ? norms.longValue() : "none"));
    }
    return all;
  }
}
