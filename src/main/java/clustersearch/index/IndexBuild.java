package clustersearch.index;

import clustersearch.config.AppConfig;
import clustersearch.config.IndustryRules;
import clustersearch.source.Classifier;
import clustersearch.source.Cluster;
import clustersearch.source.DataFolder;
import clustersearch.source.ListDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One full build: read every list of the data folder, classify it, write a new generation and
 * publish it. A broken list stops the build before anything is written.
 */
public final class IndexBuild {
  private IndexBuild() {}

  /**
   * What a build read and wrote.
   *
   * @param other the clusters no sector rule matched (其他), for the operator to review
   * @param untranslated industry phrases config/glossary.yaml has no English for (their English
   *     name falls back to pinyin), for the operator to add
   * @param reading how long reading and classifying the lists took (the rest is indexing)
   */
  public record Report(
      List<DataFolder.Read> lists,
      List<Cluster> other,
      List<String> untranslated,
      Path generation,
      Duration reading,
      Duration took) {
    public int clusters() {
      return lists.stream().mapToInt(r -> r.clusters().size()).sum();
    }
  }

  /** Builds and publishes the index of {@code config}'s data folder. */
  public static Report run(AppConfig config) throws IOException {
    return run(config, DataFolder.sources(config.dataDir(), config.settings().lists()));
  }

  /** Builds and publishes the index of {@code sources}. */
  public static Report run(AppConfig config, List<DataFolder.Source> sources) throws IOException {
    long start = System.nanoTime();
    Classifier classifier = Classifier.of(config);
    return build(config, classifier, DataFolder.readAll(sources, classifier), start);
  }

  /** Builds and publishes the index of lists already read (a data folder with a list added). */
  public static Report runRead(AppConfig config, List<ListDocument> documents) throws IOException {
    long start = System.nanoTime();
    Classifier classifier = Classifier.of(config);
    return build(config, classifier, DataFolder.classifyAll(documents, classifier), start);
  }

  private static Report build(
      AppConfig config, Classifier classifier, List<DataFolder.Read> lists, long start)
      throws IOException {
    Duration reading = Duration.ofNanos(System.nanoTime() - start);
    List<Cluster> clusters = lists.stream().flatMap(r -> r.clusters().stream()).toList();
    Fields fields = Fields.of(config);
    Path generation = new Indexer(new IndexLayout(config.indexDir()), fields).rebuild(clusters);
    List<Cluster> other =
        clusters.stream().filter(c -> IndustryRules.OTHER.equals(c.sector())).toList();
    List<String> untranslated =
        clusters.stream()
            .map(Cluster::industry)
            .distinct()
            .filter(industry -> !classifier.translates(industry))
            .toList();
    return new Report(
        lists,
        other,
        untranslated,
        generation,
        reading,
        Duration.ofNanos(System.nanoTime() - start));
  }
}
