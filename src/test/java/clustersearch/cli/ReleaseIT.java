package clustersearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball that {@code ./mvnw package} builds, unpacked into a folder outside the
 * checkout and started from there: it builds its index from its own data/, serves 生物医药, and stops
 * cleanly. Run by failsafe in {@code verify}, after {@code package}.
 */
class ReleaseIT {

  @Test
  void theReleaseRunsFromAFolderOutsideTheCheckout(@TempDir Path outside) throws Exception {
    Path tarball = Path.of(System.getProperty("release.tarball"));
    assertThat(tarball).exists();
    assertThat(outside.toAbsolutePath().startsWith(Path.of("").toAbsolutePath())).isFalse();
    Process tar =
        new ProcessBuilder("tar", "xzf", tarball.toAbsolutePath().toString())
            .directory(outside.toFile())
            .inheritIO()
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).isZero();
    Path release;
    try (var list = Files.list(outside)) {
      release = list.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertThat(release.getFileName().toString()).startsWith("cluster-search-");
    assertThat(release.resolve("bin/cluster-search")).isExecutable();
    assertThat(release.resolve("lib/cluster-search.jar")).exists();
    assertThat(release.resolve("config/settings.yaml")).exists();
    assertThat(release.resolve("data/clusters-2021.txt")).exists();
    assertThat(release.resolve("README.md")).exists();
    assertThat(release.resolve("systemd/cluster-search.service")).exists();
    // Issue 17, fault 13: a stop during start-up (exit 143) is not a failure to restart from.
    assertThat(java.nio.file.Files.readString(release.resolve("systemd/cluster-search.service")))
        .contains("SuccessExitStatus=143");

    try (ServerProcess server =
        ServerProcess.run(
            outside,
            List.of(release.resolve("bin/cluster-search").toString(), "serve", "--port", "0"))) {
      String base = server.awaitServing();
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(base + "/api/search?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body())
          .contains("\"total\":3,\"related\":4")
          .contains("\"id\":\"2021-19\"");
      assertThat(answer.body().indexOf("2021-19")).isLessThan(answer.body().indexOf("2021-21"));
      assertThat(release.resolve("index/CURRENT")).exists();
      // Issue 19: the launcher's training run wrote the start-up archive before the server
      // started, and the server maps it (the launcher execs the JVM: the same process).
      Path archive = release.resolve("index/.start-up.jsa");
      assertThat(archive).isNotEmptyFile();
      assertThat(Files.readString(release.resolve("index/.start-up.jsa.log")))
          .contains("training run: answers by status {200=46, 400=2, 404=2}");
      assertThat(Files.readString(Path.of("/proc", server.process.pid() + "", "maps")))
          .contains(archive.toRealPath().toString());

      server.process.destroy();
      assertThat(server.waitForExit()).isZero();
    }
  }
}
