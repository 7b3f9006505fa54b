package clustersearch.index;

import clustersearch.config.AppConfig;
import clustersearch.config.IndustryRules;
import clustersearch.source.Classifier;
import clustersearch.source.Cluster;
import clustersearch.source.DataFolder;
import clustersearch.source.ListDocument;
import clustersearch.source.ListReader;
import clustersearch.source.ListReaders;
import clustersearch.source.ListRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One full build: read every list of the data folder, classify it, write a new generation and
 * publish it. A broken list stops the build before anything is written.
 */
public final class IndexBuild {
  private IndexBuild() {}

  /**
   * What a build read and wrote.
   *
   * @param lists each list read (its rows not kept) and how many clusters it gave
   * @param other the clusters no sector rule matched (其他), for the operator to review
   * @param untranslated industry phrases config/glossary.yaml has no English for (their English
   *     name falls back to pinyin), for the operator to add
   * @param reading how long reading and classifying the lists took, on the thread that read them
   *     while others wrote the index
   */
  public record Report(
      List<Listed> lists,
      List<Unsorted> other,
      List<String> untranslated,
      Path generation,
      Duration reading,
      Duration took) {
    public int clusters() {
      return lists.stream().mapToInt(Listed::clusters).sum();
    }
  }

  /** A cluster no sector rule matched: what the report names of it (not the whole record). */
  public record Unsorted(String id, String name, String industry) {}

  /** A list read: its document without the rows, and the clusters it gave. */
  public record Listed(ListDocument document, int clusters) {}

  /** Gives each list of a build in turn. */
  @FunctionalInterface
  private interface Lists {
    void each(ListConsumer consumer) throws IOException;
  }

  @FunctionalInterface
  private interface ListConsumer {
    void accept(ListStream list) throws IOException;
  }

  /** Reads one list into a sink, row by row; returns its title, year and category. */
  @FunctionalInterface
  private interface ListStream {
    ListDocument into(ListReader.RowSink sink) throws IOException;
  }

  /** Builds and publishes the index of {@code config}'s data folder. */
  public static Report run(AppConfig config) throws IOException {
    return run(config, DataFolder.sources(config.dataDir(), config.settings().lists()));
  }

  /**
   * Builds and publishes the index of {@code sources}, reading one list at a time while the one
   * before is written. A broken list stops the build; the generation being written is deleted and
   * the served one stays.
   */
  public static Report run(AppConfig config, List<DataFolder.Source> sources) throws IOException {
    return build(
        config,
        each -> {
          for (DataFolder.Source source : sources) {
            each.accept(sink -> ListReaders.stream(source.file(), source.options(), sink));
          }
        });
  }

  /** Builds and publishes the index of lists already read (a data folder with a list added). */
  public static Report runRead(AppConfig config, List<ListDocument> documents) throws IOException {
    return build(
        config,
        each -> {
          for (ListDocument document : documents) {
            each.accept(
                sink -> {
                  sink.header(document.withoutRows());
                  for (ListRow row : document.rows()) {
                    sink.row(row);
                  }
                  return document.withoutRows();
                });
          }
        });
  }

  private static Report build(AppConfig config, Lists lists) throws IOException {
    long start = System.nanoTime();
    Classifier classifier = Classifier.of(config);
    Fields fields = Fields.of(config);
    List<Listed> listed = new ArrayList<>();
    List<Unsorted> other = new ArrayList<>();
    Set<String> untranslated = new LinkedHashSet<>();
    Set<String> translated = new HashSet<>();
    Map<Integer, Path> years = new HashMap<>();
    long[] handing = {0}; // time the reading thread waited for the indexing threads
    long[] readingNanos = {0};
    Path generation =
        new Indexer(new IndexLayout(config.indexDir()), fields)
            .rebuild(
                sink -> {
                  lists.each(
                      list -> {
                        ListDocument[] header = {null};
                        int[] n = {0};
                        ListDocument read =
                            list.into(
                                new ListReader.RowSink() {
                                  @Override
                                  public void header(ListDocument document) {
                                    DataFolder.checkYear(years, document);
                                    header[0] = document;
                                  }

                                  @Override
                                  public void row(ListRow row) throws IOException {
                                    Cluster c = classifier.classify(header[0], row);
                                    if (IndustryRules.OTHER.equals(c.sector())) {
                                      other.add(new Unsorted(c.id(), c.name(), c.industry()));
                                    }
                                    if (!translated.contains(c.industry())
                                        && !untranslated.contains(c.industry())) {
                                      (classifier.translates(c.industry())
                                              ? translated
                                              : untranslated)
                                          .add(c.industry());
                                    }
                                    long t = System.nanoTime();
                                    sink.add(c);
                                    handing[0] += System.nanoTime() - t;
                                    n[0]++;
                                  }
                                });
                        listed.add(new Listed(read, n[0]));
                      });
                  readingNanos[0] = System.nanoTime() - start - handing[0];
                });
    return new Report(
        List.copyOf(listed),
        List.copyOf(other),
        List.copyOf(untranslated),
        generation,
        Duration.ofNanos(readingNanos[0]),
        Duration.ofNanos(System.nanoTime() - start));
  }
}
