package clustersearch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a server's start-up time goes from main() on, printed once it serves: the command line and
 * the logging set-up (the first logger), then each stage {@code serve} names. The time before
 * main() (launcher, JVM, class data sharing) is the rest of what bench/harness.sh measures from
 * outside; the process's own start time is only known to the second here, too coarse to report.
 */
final class StartupStages {
  private final List<String> stages = new ArrayList<>();
  private long last = System.nanoTime();

  StartupStages() {
    stages.add(
        "command line and logging "
            + TimeUnit.NANOSECONDS.toMillis(last - Main.MAIN_NANOS)
            + " ms");
  }

  /** The stage that just ended. */
  void done(String stage) {
    long now = System.nanoTime();
    stages.add(stage + " " + TimeUnit.NANOSECONDS.toMillis(now - last) + " ms");
    last = now;
  }

  @Override
  public String toString() {
    return "started in "
        + TimeUnit.NANOSECONDS.toMillis(last - Main.MAIN_NANOS)
        + " ms from main(): "
        + String.join(", ", stages);
  }
}
