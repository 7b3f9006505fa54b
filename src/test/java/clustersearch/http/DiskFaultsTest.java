package clustersearch.http;

import static clustersearch.http.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import clustersearch.http.TestServer.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin reindex on a disk that refuses to be written (issue 17, fault 11): it answered 500 for
 * a read-only index folder (blaming a missing build.lock) and for a full disk. The index folder is
 * a small tmpfs mounted by the test, so the faults are the kernel's own; where the test cannot
 * mount (not root), it says so and is skipped — CI runs as root.
 */
class DiskFaultsTest {
  private static final String TOKEN = "disk-faults-test-token-0123456789abcdef";

  @Test
  void aReadOnlyOrFullIndexFolderIsA422AndTheServedIndexStays(@TempDir Path home) throws Exception {
    Path index = Files.createDirectories(home.resolve("index"));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", index.toString()) == 0,
        "mounting a tmpfs needs root");
    try (TestServer server = TestServer.withAdmin(home, TOKEN)) {
      assertThat(run("mount", "-o", "remount,ro", index.toString())).isZero();
      assertReindexRefused(server, "read-only file system");

      assertThat(run("mount", "-o", "remount,rw", index.toString())).isZero();
      fill(index.resolve("filler"));
      assertReindexRefused(server, "no space left on device");

      Files.delete(index.resolve("filler"));
      assertThat(reindex(server).status()).isEqualTo(200);
    } finally {
      run("umount", "-l", index.toString());
    }
  }

  @Test
  void aListThatCannotBeReadIsA422NamingIt(@TempDir Path home) throws Exception {
    try (TestServer server = TestServer.withAdmin(home, TOKEN)) {
      // A file every read of fails with EIO: the one unreadable file a test running as root can
      // make (permissions do not stop root).
      Files.createSymbolicLink(home.resolve("data/clusters-2022.txt"), Path.of("/proc/self/mem"));

      Response r = reindex(server);

      assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
      assertThat(r.body().get("error").get("code").asText()).isEqualTo("invalid_list");
      assertThat(r.body().get("error").get("message").asText())
          .contains("data/clusters-2022.txt")
          .doesNotContain(home.toAbsolutePath().toString())
          .contains("cannot be read (input/output error)")
          .contains("unchanged");
    }
  }

  @Test
  void aListOverTheLimitsIsA422NamingTheLimit(@TempDir Path home) throws Exception {
    // Issue 17, fault 12: a 138 MB CSV exhausted the server's memory in the admin reindex.
    try (TestServer server = TestServer.withAdmin(home, TOKEN)) {
      Path big = home.resolve("data/clusters-2022.csv");
      try (OutputStream out = Files.newOutputStream(big)) {
        byte[] line = "1,山东,济南高新区生物医药创新型产业集群,济南高新区管委会,山东省科技厅\n".getBytes("UTF-8");
        for (long written = 0; written <= 17L * 1024 * 1024; written += line.length) {
          out.write(line);
        }
      }

      Response r = reindex(server);

      assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
      assertThat(r.body().get("error").get("code").asText()).isEqualTo("invalid_list");
      assertThat(r.body().get("error").get("message").asText())
          .contains("data/clusters-2022.csv")
          .contains("settings.yaml lists.maxBytes")
          .contains("unchanged");
    }
  }

  private static void assertReindexRefused(TestServer server, String reason) throws Exception {
    String before = server.get("/api/ready").body().get("generation").asText();

    Response r = reindex(server);

    assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
    assertThat(r.body().get("error").get("code").asText()).isEqualTo("reindex_failed");
    assertThat(r.body().get("error").get("message").asText())
        .contains(reason)
        .contains("index/")
        .doesNotContain(server.config.home().toAbsolutePath().toString())
        .contains("unchanged");
    assertThat(server.get("/api/ready").body().get("generation").asText()).isEqualTo(before);
    var found = server.get("/api/search?q=" + enc("生物医药")).body();
    assertThat(found.get("total").asInt() + found.get("related").asInt()).isEqualTo(7);
  }

  private static Response reindex(TestServer server) throws Exception {
    return server.send(
        server
            .request("/api/admin/reindex")
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /** Writes {@code file} until the disk under it is full. */
  private static void fill(Path file) throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // The disk is full, as wanted.
    }
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }
}
