package clustersearch.cli;

import clustersearch.config.AppConfig;
import clustersearch.eval.Judgments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --judgments} option that eval and bench share, and the loading of its file. */
final class JudgmentsOption {
  @Option(
      names = "--judgments",
      split = ",",
      description = "Graded judgment files, comma-separated (default: ${DEFAULT-VALUE}).",
      defaultValue = Judgments.DEFAULT_FILES)
  List<Path> files;

  /** True when no --judgments was given (eval then reports the untuned set too). */
  boolean isDefault() {
    return String.join(",", files.stream().map(Path::toString).toList())
        .equals(Judgments.DEFAULT_FILES);
  }

  /** The judgment set, its paths resolved against the project folder. */
  Judgments load(AppConfig config) throws IOException {
    return Judgments.load(files.stream().map(f -> config.home().resolve(f)).toList());
  }
}
