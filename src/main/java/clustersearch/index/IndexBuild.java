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
 * publish it, streaming (one list at a time, row by row). A broken list stops the build where it
 * is: the generation being written is deleted, and the served one stays.
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
        sources.stream()
            .map(s -> (ListStream) sink -> ListReaders.stream(s.file(), s.options(), sink))
            .toList());
  }

  /** Builds and publishes the index of lists already read (a data folder with a list added). */
  public static Report runRead(AppConfig config, List<ListDocument> documents) throws IOException {
    return build(
        config,
        documents.stream().map(d -> (ListStream) sink -> ListReader.replay(d, sink)).toList());
  }

  private static Report build(AppConfig config, List<ListStream> lists) throws IOException {
    long start = System.nanoTime();
    Reading reading = new Reading(Classifier.of(config));
    Path generation =
        new Indexer(new IndexLayout(config.indexDir()), Fields.of(config))
            .rebuild(
                sink -> {
                  reading.sink = sink;
                  for (ListStream list : lists) {
                    reading.listed.add(new Listed(list.into(reading), reading.end()));
                  }
                  reading.nanos = System.nanoTime() - start - reading.handing;
                });
    return new Report(
        List.copyOf(reading.listed),
        List.copyOf(reading.other),
        List.copyOf(reading.untranslated),
        generation,
        Duration.ofNanos(reading.nanos),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * The reading side of a build: each list's rows classified and handed to the indexer as they
   * come, with what the report says of them.
   */
  private static final class Reading implements ListReader.RowSink {
    final Classifier classifier;
    final List<Listed> listed = new ArrayList<>();
    final List<Unsorted> other = new ArrayList<>();
    final Set<String> untranslated = new LinkedHashSet<>();
    final Set<String> translated = new HashSet<>();
    final Map<Integer, Path> years = new HashMap<>();
    Indexer.Sink sink;
    ListDocument header;
    int rows;

    /** Time spent waiting for the indexing threads, and reading and classifying in all. */
    long handing;

    long nanos;

    Reading(Classifier classifier) {
      this.classifier = classifier;
    }

    @Override
    public void header(ListDocument document) {
      DataFolder.checkYear(years, document);
      header = document;
      rows = 0;
    }

    @Override
    public void row(ListRow row) throws IOException {
      Cluster c = classifier.classify(header, row);
      if (IndustryRules.OTHER.equals(c.sector())) {
        other.add(new Unsorted(c.id(), c.name(), c.industry()));
      }
      if (!translated.contains(c.industry()) && !untranslated.contains(c.industry())) {
        (classifier.translates(c.industry()) ? translated : untranslated).add(c.industry());
      }
      long t = System.nanoTime();
      sink.add(c);
      handing += System.nanoTime() - t;
      rows++;
    }

    /** The rows of the list just read. */
    int end() {
      return rows;
    }
  }
}
