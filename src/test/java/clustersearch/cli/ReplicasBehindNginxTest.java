package clustersearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.index.IndexBuild;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two read-only replicas ({@code serve --index-from}) of one copied index behind Debian's nginx
 * with the documented configuration (deploy/nginx/cluster-search.conf, its ports replaced): one
 * replica is killed (kill -9) in the middle of a load of mixed GETs, and no request fails.
 */
class ReplicasBehindNginxTest {
  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static final Path SITE = Path.of("deploy/nginx/cluster-search.conf");
  static final List<String> REQUESTS =
      List.of(
          "/api/search?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF",
          "/api/search?q=%E6%99%BA%E8%83%BD%E5%88%B6%E9%80%A0&province=%E6%B9%96%E5%8D%97",
          "/api/facets?q=%E6%96%B0%E6%9D%90%E6%96%99",
          "/api/suggest?q=sw",
          "/api/stats?area=%E4%B8%9C%E9%83%A8",
          "/api/clusters/2021-19",
          "/api/clusters/2021-21/similar",
          "/api/export?format=json&province=%E5%B1%B1%E4%B8%9C",
          "/api/health");

  @Test
  void killingOneReplicaUnderLoadFailsNoRequest(@TempDir Path home) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(NGINX), "no nginx here: apt-get install nginx (.ci/run does)");
    IndexBuild.run(TestData.config(home));
    Path a = copy(home.resolve("index"), home.resolve("replica-a"));
    Path b = copy(home.resolve("index"), home.resolve("replica-b"));

    try (ServerProcess replicaA = replica(home, a);
        ServerProcess replicaB = replica(home, b)) {
      int portA = URI.create(replicaA.awaitServing()).getPort();
      int portB = URI.create(replicaB.awaitServing()).getPort();
      int port = freePort();
      Process nginx = nginx(home.resolve("nginx"), port, portA, portB);
      try {
        String base = "http://127.0.0.1:" + port;
        HttpClient client =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        awaitUp(client, base, nginx);

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
          int offset = c;
          Thread t =
              new Thread(
                  () -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                      String path = REQUESTS.get(i % REQUESTS.size());
                      try {
                        HttpResponse<String> r =
                            client.send(
                                HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                          failures.add(path + " → " + r.statusCode() + " " + r.body());
                        }
                      } catch (IOException | InterruptedException e) {
                        failures.add(path + " → " + e);
                      }
                      done.incrementAndGet();
                    }
                  });
          t.start();
          clients.add(t);
        }
        Thread.sleep(1_500);
        int beforeKill = done.get();
        replicaA.process.destroyForcibly(); // kill -9 in the middle of the load
        replicaA.process.waitFor(10, TimeUnit.SECONDS);
        for (Thread t : clients) {
          t.join();
        }

        assertThat(replicaA.process.isAlive()).isFalse();
        assertThat(beforeKill).isPositive();
        assertThat(done.get() - beforeKill).as("requests after the kill").isGreaterThan(50);
        assertThat(failures).as("failed requests of " + done.get()).isEmpty();
      } finally {
        nginx.destroy();
        nginx.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aReplicaWithoutAnIndexRefusesToStartAndBuildsNothing(@TempDir Path home) throws Exception {
    Path empty = Files.createDirectories(home.resolve("replica"));
    try (ServerProcess replica = replica(home, empty)) {
      replica.await("a replica serves a copied index/ folder and never builds one");
      assertThat(replica.waitForExit()).isEqualTo(1);
    }
    try (Stream<Path> files = Files.list(empty)) {
      assertThat(files).isEmpty();
    }
  }

  static ServerProcess replica(Path home, Path index) throws IOException {
    return ServerProcess.serveAsIs("128m", home, "--index-from", index.toString());
  }

  /** nginx in the foreground, one process, on {@code port}, with the documented site config. */
  static Process nginx(Path prefix, int port, int portA, int portB) throws IOException {
    Files.createDirectories(prefix.resolve("tmp"));
    String site =
        Files.readString(SITE)
            .replace("127.0.0.1:7071", "127.0.0.1:" + portA)
            .replace("127.0.0.1:7072", "127.0.0.1:" + portB)
            .replace("listen 127.0.0.1:8080", "listen 127.0.0.1:" + port);
    assertThat(site).contains(":" + portA).contains(":" + portB).contains(":" + port);
    Files.writeString(prefix.resolve("site.conf"), site);
    String tmp = prefix.resolve("tmp").toString();
    Files.writeString(
        prefix.resolve("nginx.conf"),
        "pid "
            + prefix.resolve("nginx.pid")
            + ";\nerror_log "
            + prefix.resolve("error.log")
            + " warn;\nevents {}\nhttp {\n  access_log off;\n"
            + "  client_body_temp_path "
            + tmp
            + "/body;\n  proxy_temp_path "
            + tmp
            + "/proxy;\n  fastcgi_temp_path "
            + tmp
            + "/fastcgi;\n  uwsgi_temp_path "
            + tmp
            + "/uwsgi;\n  scgi_temp_path "
            + tmp
            + "/scgi;\n  include "
            + prefix.resolve("site.conf")
            + ";\n}\n");
    return new ProcessBuilder(
            NGINX.toString(),
            "-p",
            prefix.toString(),
            "-c",
            prefix.resolve("nginx.conf").toString(),
            "-e",
            prefix.resolve("error.log").toString(),
            "-g",
            "daemon off; master_process off;")
        .redirectErrorStream(true)
        .redirectOutput(prefix.resolve("stdout.log").toFile())
        .start();
  }

  static void awaitUp(HttpClient client, String base, Process nginx) throws Exception {
    for (int i = 0; i < 100; i++) {
      try {
        if (client
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      assertThat(nginx.isAlive()).as("nginx is running").isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("nginx did not answer on " + base);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("build.lock")) {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
