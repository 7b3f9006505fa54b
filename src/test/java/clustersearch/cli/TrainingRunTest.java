package clustersearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --training-run}, the launchers' run that writes the start-up archive: a server on a
 * free loopback port, whatever port is asked for, answers every request of the fixed set as it
 * answers a person (the pages and every API route with 200, the error paths with their 400 and 404,
 * nothing else), then stops by itself with status 0.
 */
class TrainingRunTest {

  @Test
  void theTrainingRunAnswersEveryRouteOnAFreeLoopbackPortAndStops(@TempDir Path home)
      throws Exception {
    try (ServerProcess server = ServerProcess.serve(home, "--host", "0.0.0.0", "--training-run")) {
      String listening = server.await("listening at ");
      assertThat(listening).contains("http://127.0.0.1:").doesNotEndWith(":0; opening the index");
      assertThat(server.await("training run: "))
          .isEqualTo("training run: answers by status {200=46, 400=2, 404=2}");
      assertThat(server.waitForExit()).isZero();
      assertThat(String.join("\n", server.output)).doesNotContain("status=5");
    }
    assertThat(TrainingRun.paths()).hasSize(50).doesNotHaveDuplicates();
  }
}
