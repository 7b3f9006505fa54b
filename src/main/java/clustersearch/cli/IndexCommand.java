package clustersearch.cli;

import clustersearch.config.AppConfig;
import clustersearch.index.IndexBuild;
import clustersearch.source.Cluster;
import clustersearch.source.DataFolder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code index}: builds a new index generation from the data folder and swaps it in. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Build the index from every *.txt list of the data folder into the index folder.",
      "A broken list stops the build with its file and line; the served index stays intact."
    })
final class IndexCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    AppConfig config = main.config();
    report(IndexBuild.run(config), config.home(), System.out);
    return 0;
  }

  /** Prints what a build read, what it classified as 其他, and how long it took. */
  static void report(IndexBuild.Report report, Path home, PrintStream out) {
    for (DataFolder.Read read : report.lists()) {
      out.printf(
          "read %s: %s, %d clusters%n",
          home.relativize(read.document().file().toAbsolutePath()),
          read.document().title(),
          read.clusters().size());
    }
    if (report.other().isEmpty()) {
      out.println("every cluster matched a sector rule of config/industries.yaml");
    } else {
      out.printf("classified as 其他 (no rule of config/industries.yaml matched):%n");
      for (Cluster c : report.other()) {
        out.printf("  %s %s (industry: %s)%n", c.id(), c.name(), c.industry());
      }
    }
    if (!report.untranslated().isEmpty()) {
      out.printf(
          "no English name in config/glossary.yaml (pinyin used instead) for: %s%n",
          String.join(", ", report.untranslated()));
    }
    out.printf(
        "indexed %d clusters into %s in %.2f s%n",
        report.clusters(),
        home.relativize(report.generation().toAbsolutePath()),
        report.took().toNanos() / 1e9);
  }
}
