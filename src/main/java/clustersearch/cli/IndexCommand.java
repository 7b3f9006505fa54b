package clustersearch.cli;

import clustersearch.config.AppConfig;
import clustersearch.index.IndexBuild;
import clustersearch.index.ListAddition;
import clustersearch.source.Classifier;
import clustersearch.source.ListCheck;
import clustersearch.source.ListDocument;
import clustersearch.source.ReadOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code index}: builds a new index generation from the data folder and swaps it in; {@code --check
 * FILE…} reads and classifies lists without indexing; {@code --add FILE} adds a list to the data
 * folder and rebuilds.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    header =
        "Build the index from every list in the data folder (txt, csv, json, xlsx, xls, docx, pdf).",
    description = {
      "Build the index from every list of the data folder (formats: .txt, .csv, .json, .xlsx,"
          + " .xls, .docx, .pdf).",
      "--check FILE… reads and classifies lists and reports, without indexing; --add FILE adds a"
          + " checked list to the data folder and rebuilds.",
      "A broken list stops with its file and where in it; the served index and the data folder"
          + " stay intact."
    })
final class IndexCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @ArgGroup(exclusive = true)
  Mode mode;

  static final class Mode {
    @Option(
        names = "--check",
        description = "Read and classify the FILEs and report; index nothing. Exit 1 on an error.")
    boolean check;

    @Option(
        names = "--add",
        paramLabel = "FILE",
        description = "Check FILE, rebuild the index with it, and copy it into the data folder.")
    Path add;
  }

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Lists to --check.")
  List<Path> files = List.of();

  @Option(
      names = "--year",
      description = "The list's year, for a file without a title that says it (CSV, JSON).")
  Integer year;

  @Option(
      names = "--replace",
      description = "With --add: replace the data folder's list of the same year.")
  boolean replace;

  @Override
  public Integer call() throws Exception {
    AppConfig config = main.config();
    if (mode != null && mode.check) {
      if (files.isEmpty()) {
        throw new IllegalStateException("--check needs at least one FILE");
      }
      return check(config);
    }
    if (!files.isEmpty()) {
      throw new IllegalStateException("FILE arguments go with --check (or one with --add)");
    }
    if (mode != null && mode.add != null) {
      ListAddition.Added added = ListAddition.add(config, mode.add, year, replace);
      System.out.printf(
          "added %s (%s, %d records) as %s%s%n",
          mode.add,
          describe(added.document()),
          added.document().rows().size(),
          config.home().relativize(added.stored().toAbsolutePath()),
          added.replaced() == null
              ? ""
              : ", replacing " + config.home().relativize(added.replaced().toAbsolutePath()));
      report(added.build(), config.home(), System.out);
      return 0;
    }
    if (replace || year != null) {
      throw new IllegalStateException("--replace and --year go with --add or --check");
    }
    report(IndexBuild.run(config), config.home(), System.out);
    return 0;
  }

  private int check(AppConfig config) throws Exception {
    Classifier classifier = Classifier.of(config);
    boolean failed = false;
    for (Path file : files) {
      ListCheck.Result result =
          ListCheck.check(file, ReadOptions.year(year, config.settings().lists()), classifier);
      print(result, System.out);
      failed |= result.failed();
    }
    return failed ? 1 : 0;
  }

  /** The report of one checked file. */
  static void print(ListCheck.Result r, PrintStream out) {
    out.printf("%s%n", r.file());
    if (r.error() != null) {
      out.printf("  error: %s%n", r.error());
      return;
    }
    ListDocument d = r.document();
    out.printf("  read as: %s%n", d.format());
    out.printf(
        "  title: %s (year %d%s)%n",
        d.title().isEmpty() ? "none" : d.title(),
        d.year(),
        d.category().isEmpty() ? "" : ", category " + d.category());
    out.printf("  records read: %d, classified: %d%n", d.rows().size(), r.clusters().size());
    section(out, "provinces not recognised (config/provinces.yaml)", r.unrecognised());
    section(out, "classified as 其他 (no rule of config/industries.yaml)", r.other());
    section(out, "anomalies", r.anomalies());
    out.printf("  %s%n", r.failed() ? "error: not indexable as it is" : "ok");
  }

  private static void section(PrintStream out, String title, List<ListCheck.Anomaly> items) {
    out.printf("  %s: %s%n", title, items.isEmpty() ? "none" : items.size());
    for (ListCheck.Anomaly a : items) {
      out.printf("    %s: %s%n", a.at(), a.what());
    }
  }

  private static String describe(ListDocument d) {
    return d.format() + ", " + (d.title().isEmpty() ? "year " + d.year() : d.title());
  }

  /** Prints what a build read, what it classified as 其他, and how long it took. */
  static void report(IndexBuild.Report report, Path home, PrintStream out) {
    for (IndexBuild.Listed read : report.lists()) {
      out.printf(
          "read %s (%s): %s, %d clusters%n",
          home.relativize(read.document().file().toAbsolutePath()),
          read.document().format(),
          read.document().title().isEmpty()
              ? "year " + read.document().year()
              : read.document().title(),
          read.clusters());
    }
    if (report.other().isEmpty()) {
      out.println("every cluster matched a sector rule of config/industries.yaml");
    } else {
      out.printf("classified as 其他 (no rule of config/industries.yaml matched):%n");
      for (IndexBuild.Unsorted c : report.other()) {
        out.printf("  %s %s (industry: %s)%n", c.id(), c.name(), c.industry());
      }
    }
    if (!report.untranslated().isEmpty()) {
      out.printf(
          "no English name in config/glossary.yaml (pinyin used instead) for: %s%n",
          String.join(", ", report.untranslated()));
    }
    double seconds = report.took().toNanos() / 1e9;
    out.printf(
        "indexed %d clusters into %s in %.2f s (reading and classifying %.2f s; %.0f clusters/s)%n",
        report.clusters(),
        home.relativize(report.generation().toAbsolutePath()),
        seconds,
        report.reading().toNanos() / 1e9,
        report.clusters() / Math.max(seconds, 1e-9));
  }
}
