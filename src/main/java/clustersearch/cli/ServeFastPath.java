package clustersearch.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code serve} without picocli. picocli is Java 5 bytecode, which the class-data-sharing archive
 * cannot hold, so reading the command line with it took 370–460 ms of every server start
 * (StartupStages). A plain serve command line (the global {@code --home} and {@code --config}, then
 * {@code serve} with {@code --port}, {@code --host} and {@code --index-from}, as {@code --name
 * value} or {@code --name=value}) is read here; anything else (help, a mistake, another command)
 * goes to picocli as before, so its messages stay the one source of usage and errors.
 * CommandLineTest checks that both read every plain serve line the same.
 */
final class ServeFastPath {
  private ServeFastPath() {}

  /** The commands of a plain serve line, or null when picocli should read it. */
  static ServeCommand read(String[] args) {
    Main main = new Main();
    main.home = Path.of(System.getProperty("cluster.home", "."));
    ServeCommand serve = new ServeCommand();
    serve.main = main;
    boolean served = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("serve") && !served) {
        served = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      if (!List.of("--home", "--config", "--port", "--host", "--index-from").contains(name)) {
        return null;
      }
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
        value = args[++i];
      } else {
        return null;
      }
      if (value.isEmpty()) {
        return null;
      }
      switch (name) {
        case "--home" -> main.home = Path.of(value);
        case "--config" -> main.configDir = Path.of(value);
        default -> {
          if (!served) {
            return null; // a serve option before serve: picocli says what is wrong
          }
          switch (name) {
            case "--port" -> {
              if (!value.matches("\\d{1,5}")) {
                return null;
              }
              serve.port = Integer.valueOf(value);
            }
            case "--host" -> serve.host = value;
            default -> serve.indexFrom = Path.of(value);
          }
        }
      }
    }
    return served ? serve : null;
  }
}
