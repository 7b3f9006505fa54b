package clustersearch.index;

import clustersearch.source.Cluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;

/** Builds a new index generation from clusters and publishes it once it is complete. */
public final class Indexer {
  private final IndexLayout layout;
  private final Fields fields;

  public Indexer(IndexLayout layout, Fields fields) {
    this.layout = layout;
    this.fields = fields;
  }

  /**
   * Writes {@code clusters} into a fresh generation, checks it (document count, every checksum),
   * marks it complete and swaps it in, holding the build lock throughout. On any failure the new
   * generation is deleted and the served one stays as it was; a build killed midway leaves an
   * unmarked folder that the next build removes.
   *
   * @return the published generation's folder
   */
  public Path rebuild(List<Cluster> clusters) throws IOException {
    try (Lock lock = layout.lockForBuild()) {
      Optional<Path> previous = layout.current();
      Path generation = layout.newGeneration();
      try {
        write(generation, clusters);
        verify(generation, clusters.size());
        layout.markComplete(generation);
      } catch (IOException | RuntimeException e) {
        try {
          IndexLayout.deleteRecursively(generation);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
        if (e instanceof IOException io && !(io instanceof java.nio.file.FileSystemException)) {
          // Lucene's write failures (a full disk) name no file: say which generation it was.
          throw new IOException(
              "writing " + generation + ": " + clustersearch.config.IoErrors.reason(io), io);
        }
        throw e;
      }
      lock.ensureValid();
      layout.publish(generation);
      layout.prune(generation, previous);
      return generation;
    }
  }

  private void write(Path generation, List<Cluster> clusters) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(fields.indexAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (Directory dir = FSDirectory.open(generation);
        IndexWriter writer = new IndexWriter(dir, config)) {
      for (Cluster cluster : clusters) {
        writer.addDocument(ClusterDocuments.toDocument(cluster, fields));
      }
      writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, fields.stamp()).entrySet());
      writer.commit();
    }
  }

  /** Reads the new generation back: every document there, every file's checksum right. */
  private static void verify(Path generation, int expected) throws IOException {
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      if (reader.numDocs() != expected) {
        throw new IOException(
            "the new index holds " + reader.numDocs() + " documents, expected " + expected);
      }
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().checkIntegrity();
      }
    }
  }
}
