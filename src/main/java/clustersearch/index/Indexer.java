package clustersearch.index;

import clustersearch.source.Cluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Builds a new index generation from clusters and publishes it once it is complete. */
public final class Indexer {
  private final IndexLayout layout;
  private final Fields fields;

  public Indexer(IndexLayout layout, Fields fields) {
    this.layout = layout;
    this.fields = fields;
  }

  /**
   * Writes {@code clusters} into a fresh generation, checks it, and swaps it in. On any failure the
   * new generation is deleted and the served one stays as it was.
   *
   * @return the published generation's folder
   */
  public Path rebuild(List<Cluster> clusters) throws IOException {
    Path generation = layout.newGeneration();
    try {
      IndexWriterConfig config =
          new IndexWriterConfig(fields.indexAnalyzer())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      try (Directory dir = FSDirectory.open(generation);
          IndexWriter writer = new IndexWriter(dir, config)) {
        for (Cluster cluster : clusters) {
          writer.addDocument(ClusterDocuments.toDocument(cluster, fields));
        }
        writer.commit();
      }
      try (Directory dir = FSDirectory.open(generation);
          DirectoryReader reader = DirectoryReader.open(dir)) {
        if (reader.numDocs() != clusters.size()) {
          throw new IOException(
              "the new index holds "
                  + reader.numDocs()
                  + " documents, expected "
                  + clusters.size());
        }
      }
    } catch (IOException | RuntimeException e) {
      try {
        IndexLayout.deleteRecursively(generation);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    layout.publish(generation);
    layout.prune(generation);
    return generation;
  }
}
