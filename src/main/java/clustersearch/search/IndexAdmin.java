package clustersearch.search;

import clustersearch.config.AppConfig;
import clustersearch.config.IoErrors;
import clustersearch.config.Synonyms;
import clustersearch.index.IndexBuild;
import java.io.IOException;
import java.util.List;

/**
 * What the admin routes do to a running server: rebuild the index from the lists and swap it in, or
 * re-read the query-time configuration. No HTTP in here.
 */
public final class IndexAdmin {
  private final AppConfig config;
  private final SearchStack stack;

  public IndexAdmin(AppConfig config, SearchStack stack) {
    this.config = config;
    this.stack = stack;
  }

  /**
   * What a reindex built.
   *
   * @param lists each list read: file, title and clusters
   * @param other the clusters no sector rule matched (其他), to review
   */
  public record Reindexed(
      String generation, int clusters, List<ListRead> lists, List<Other> other, double tookMs) {}

  /** One list a reindex read. */
  public record ListRead(
      String file, String format, String title, int year, String category, int clusters) {}

  /** A cluster classified as 其他. */
  public record Other(String id, String name, String industry) {}

  /** A reindex that failed reading or writing files (not a broken list): said in one line. */
  public static final class ReindexFailedException extends RuntimeException {
    ReindexFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What a reload re-read. */
  public record Reloaded(String synonyms, int rules, String generation) {}

  /**
   * Builds a new generation from the data folder aside (the served one is untouched until the new
   * one is complete and verified), swaps it in, and re-reads the synonyms. A broken list throws
   * {@link clustersearch.source.ListFormatException} with file and line, a file that cannot be read
   * or written (a read-only or full disk) {@link ReindexFailedException}, and nothing changes.
   */
  public Reindexed reindex() {
    IndexBuild.Report report;
    try {
      report = IndexBuild.run(config);
      stack.index().reloadIfChanged();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ReindexFailedException(IoErrors.describe(e, config.home()), e);
    }
    stack.service().setSynonyms(config.synonyms());
    return new Reindexed(
        report.generation().getFileName().toString(),
        report.clusters(),
        report.lists().stream().map(IndexAdmin::listRead).toList(),
        report.other().stream().map(c -> new Other(c.id(), c.name(), c.industry())).toList(),
        report.took().toNanos() / 1e6);
  }

  /** The project folder, which messages name paths relative to. */
  public java.nio.file.Path home() {
    return config.home();
  }

  /** Re-reads synonyms.txt, the query-time configuration; the index is not touched. */
  public Reloaded reload() {
    Synonyms synonyms = config.synonyms();
    stack.service().setSynonyms(synonyms);
    return new Reloaded(
        config.configDir().resolve(Synonyms.FILE).toString(),
        synonyms.size(),
        stack.index().status().generation());
  }

  private static ListRead listRead(IndexBuild.Listed read) {
    return new ListRead(
        read.document().file().getFileName().toString(),
        read.document().format(),
        read.document().title(),
        read.document().year(),
        read.document().category(),
        read.clusters());
  }
}
