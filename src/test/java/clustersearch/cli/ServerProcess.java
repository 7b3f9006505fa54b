package clustersearch.cli;

import clustersearch.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own running a main class of the project (or of the tests) on the test class path,
 * with its output read line by line: for what only a process shows (signals, kill -9, binding).
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving \\d+ clusters at (http://\\S+)");

  final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  output.add(line);
                  lines.add(line);
                }
              } catch (IOException e) {
                // The process ended.
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Runs {@code command} (a launcher script, say) in {@code dir}. */
  static ServerProcess run(Path dir, List<String> command) throws IOException {
    return new ServerProcess(
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start());
  }

  /** Starts {@code mainClass} with {@code args} in a new JVM of 128 MB. */
  static ServerProcess start(String mainClass, String... args) throws IOException {
    return startWithHeap("128m", mainClass, args);
  }

  /** Starts {@code mainClass} with {@code args} in a new JVM whose heap is at most {@code heap}. */
  static ServerProcess startWithHeap(String heap, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** {@code cluster-search serve --port 0} over a copy of the real list in {@code home}. */
  static ServerProcess serve(Path home, String... extra) throws IOException {
    Path data = home.resolve("data");
    if (!Files.exists(data)) {
      Files.createDirectories(data);
      Files.copy(TestData.LIST_2021, data.resolve("clusters-2021.txt"));
    }
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--home", home.toString(), "--config", TestData.CONFIG.toString()));
    args.addAll(List.of("serve", "--port", "0"));
    args.addAll(List.of(extra));
    return start(Main.class.getName(), args.toArray(String[]::new));
  }

  /**
   * {@code cluster-search serve --port 0 EXTRA…} over {@code home} as it is (its index built
   * already), in a JVM whose heap is at most {@code heap}.
   */
  static ServerProcess serveAsIs(String heap, Path home, String... extra) throws IOException {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--home", home.toString(), "--config", TestData.CONFIG.toString()));
    args.addAll(List.of("serve", "--port", "0"));
    args.addAll(List.of(extra));
    return startWithHeap(heap, Main.class.getName(), args.toArray(String[]::new));
  }

  /** Waits for a line containing {@code text}; fails with the output so far after a minute. */
  String await(String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.contains(text)) {
        return line;
      }
      if (line == null && !process.isAlive() && lines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("no line with '" + text + "' in:\n" + String.join("\n", output));
  }

  /** Waits for the start-up line and returns the base URL it names. */
  String awaitServing() throws InterruptedException {
    Matcher m = SERVING.matcher(await("clusters at "));
    if (!m.find()) {
      throw new AssertionError("unexpected start-up line in:\n" + String.join("\n", output));
    }
    return m.group(1);
  }

  int waitForExit() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the process did not stop:\n" + String.join("\n", output));
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
