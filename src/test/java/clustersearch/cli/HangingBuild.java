package clustersearch.cli;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.index.Fields;
import clustersearch.index.IndexLayout;
import clustersearch.index.Indexer;
import clustersearch.source.Cluster;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;

/**
 * A build that stops for good halfway through writing its documents (after printing HALFWAY), so
 * that a test can kill -9 it where a real build dies: generation folder created, files written,
 * nothing committed. Args: the home folder.
 */
public final class HangingBuild {
  private HangingBuild() {}

  public static void main(String[] args) throws Exception {
    AppConfig config = TestData.config(Path.of(args[0]));
    List<Cluster> real = TestData.clusters2021(config);
    List<Cluster> hanging =
        new AbstractList<>() {
          @Override
          public Cluster get(int i) {
            if (i == real.size() / 2) {
              System.out.println("HALFWAY");
              System.out.flush();
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return real.get(i);
          }

          @Override
          public int size() {
            return real.size();
          }
        };
    new Indexer(new IndexLayout(config.indexDir()), Fields.of(config)).rebuild(hanging);
  }
}
