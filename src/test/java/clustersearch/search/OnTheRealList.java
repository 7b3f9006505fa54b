package clustersearch.search;

import clustersearch.TestData;
import clustersearch.index.ClusterDocuments;
import clustersearch.index.Fields;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A search service over a temporary index of the bundled 2021 list, built once per test class. */
abstract class OnTheRealList {
  @TempDir static Path home;
  static SearchStack stack;
  static SearchService service;

  @BeforeAll
  static void buildTheIndex() throws IOException {
    stack = TestData.indexAndOpen(home);
    service = stack.service();
  }

  @AfterAll
  static void close() throws IOException {
    stack.close();
  }

  /** The plan compiler of the bundled configuration, as the service builds it. */
  static PlanCompiler compiler() {
    var config = TestData.config(home);
    return new PlanCompiler(Fields.of(config), config.weights(), config.settings().search());
  }

  /**
   * The 2021 list written into a new in-memory directory as three segments (rows 31–43, 16–30,
   * 1–15), for checks that a query reads the same across segments as in one.
   */
  static ByteBuffersDirectory threeSegments() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    Fields fields = Fields.of(TestData.config(home));
    try (IndexWriter writer =
        new IndexWriter(
            dir,
            new IndexWriterConfig(fields.indexAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
      var clusters = TestData.clusters2021(TestData.config(home));
      for (int from : new int[] {30, 15, 0}) {
        for (var c : clusters.subList(from, Math.min(from + 15, clusters.size()))) {
          writer.addDocument(ClusterDocuments.toDocument(c, fields));
        }
        writer.commit();
      }
    }
    return dir;
  }
}
