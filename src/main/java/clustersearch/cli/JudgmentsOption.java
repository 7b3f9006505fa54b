package clustersearch.cli;

import clustersearch.config.AppConfig;
import clustersearch.eval.Judgments;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --judgments} option that eval and bench share, and the loading of its file. */
final class JudgmentsOption {
  @Option(
      names = "--judgments",
      description = "Graded judgment file (default: HOME/${DEFAULT-VALUE}).",
      defaultValue = Judgments.DEFAULT_FILE)
  Path file;

  /** The judgment set, its path resolved against the project folder. */
  Judgments load(AppConfig config) throws IOException {
    return Judgments.load(config.home().resolve(file));
  }
}
