package clustersearch.cli;

import clustersearch.config.AppConfig;
import clustersearch.config.ConfigException;
import clustersearch.search.InvalidRequestException;
import clustersearch.search.SearchStack;
import clustersearch.source.EditDistance;
import clustersearch.source.ListFormatException;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The one entry point: {@code cluster-search index|serve|search|eval|bench|generate}. */
@Command(
    name = "cluster-search",
    mixinStandardHelpOptions = true,
    version = "cluster-search 0.1.0",
    description = "Search over China's innovative industrial cluster lists (创新型产业集群).",
    subcommands = {
      IndexCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      GenerateCommand.class
    })
public final class Main implements Runnable {

  @Option(
      names = "--home",
      description =
          "Project folder that data/, config/ and index/ resolve against (default: ${DEFAULT-VALUE}).",
      defaultValue = "${sys:cluster.home:-.}",
      scope = CommandLine.ScopeType.INHERIT)
  Path home;

  @Option(
      names = "--config",
      description = "Configuration folder (default: HOME/config).",
      scope = CommandLine.ScopeType.INHERIT)
  Path configDir;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Loads the configuration once, for a subcommand. */
  AppConfig config() {
    Path root = home.toAbsolutePath().normalize();
    return AppConfig.load(root, configDir == null ? root.resolve("config") : configDir);
  }

  /** The served index of {@code config}, or a clear error when none was built yet. */
  static SearchStack openIndex(AppConfig config) throws IOException {
    return SearchStack.open(config)
        .orElseThrow(
            () -> new IllegalStateException("no index yet: run 'cluster-search index' first"));
  }

  /** When main() began, for the start-up stages {@code serve} reports. */
  static final long MAIN_NANOS = System.nanoTime();

  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("serve")) {
      ServeCommand.stopCleanlyWhileStarting();
    }
    ServeCommand serve = ServeFastPath.read(args);
    System.exit(serve != null ? serveWithoutPicocli(serve) : commandLine().execute(args));
  }

  /** Runs a plain {@code serve} read by {@link ServeFastPath}, failing as picocli's path does. */
  private static int serveWithoutPicocli(ServeCommand serve) {
    try {
      return serve.call();
    } catch (Exception e) {
      java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
      Integer code = failure(e, err);
      if (code == null) {
        e.printStackTrace();
        return 1;
      }
      return code;
    }
  }

  /**
   * The exit code of a command that failed with {@code e}, having said why on {@code err}; null for
   * a fault that should show its stack trace.
   */
  static Integer failure(Exception e, java.io.PrintWriter err) {
    if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      // A file that cannot be read or written: which and why, relative to here.
      err.println("error: " + clustersearch.config.IoErrors.describe(e, Path.of("")));
      return 1;
    }
    if (e instanceof ListFormatException
        || e instanceof ConfigException
        || e instanceof InvalidRequestException
        || e instanceof IllegalStateException) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    return null;
  }

  /**
   * A mistyped command or option: one line that names it and the closest known one, then where to
   * look, instead of picocli's "Unmatched arguments from index 0".
   */
  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    java.io.PrintWriter err = cli.getErr();
    if (e instanceof CommandLine.UnmatchedArgumentException u
        && !u.getUnmatched().isEmpty()
        && cli.getCommandSpec().parent() == null) {
      String word = u.getUnmatched().get(0);
      String closest =
          cli.getSubcommands().keySet().stream()
              .min(java.util.Comparator.comparingInt(name -> EditDistance.between(name, word)))
              .orElse(null);
      err.println(
          "error: unknown command '"
              + word
              + "'"
              + (closest != null && EditDistance.between(closest, word) <= 2
                  ? "; did you mean '" + closest + "'?"
                  : "; the commands are " + String.join(", ", cli.getSubcommands().keySet())));
    } else {
      err.println("error: " + e.getMessage());
    }
    err.println("see: cluster-search " + qualified(cli) + "--help");
    return 2;
  }

  /** "search " for the search subcommand, "" for the top level. */
  private static String qualified(CommandLine cli) {
    return cli.getCommandSpec().parent() == null ? "" : cli.getCommandName() + " ";
  }

  /** The command line with the error handling every subcommand shares. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler(Main::badArguments);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          Integer code = failure(e, commandLine.getErr());
          if (code == null) {
            throw e;
          }
          return code;
        });
    return cli;
  }
}
