package clustersearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.index.IndexBuild;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two read-only replicas ({@code serve --index-from}) of one copied index behind Debian's nginx
 * with the documented configuration (deploy/nginx/cluster-search.conf, its ports replaced): one
 * replica is killed (kill -9) or stopped (SIGSTOP) in the middle of a load of mixed GETs, and no
 * request fails or waits long; a burst from one client is limited.
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

  /** Two replicas of one index behind nginx with the documented configuration, started. */
  record Site(ServerProcess a, ServerProcess b, Process nginx, String base, HttpClient client)
      implements AutoCloseable {
    static Site start(Path home) throws Exception {
      Assumptions.assumeTrue(
          Files.isExecutable(NGINX), "no nginx here: apt-get install nginx (.ci/run does)");
      IndexBuild.run(TestData.config(home));
      ServerProcess a = replica(home, copy(home.resolve("index"), home.resolve("replica-a")));
      ServerProcess b = replica(home, copy(home.resolve("index"), home.resolve("replica-b")));
      int portA = URI.create(a.awaitServing()).getPort();
      int portB = URI.create(b.awaitServing()).getPort();
      int port = freePort();
      Process nginx = ReplicasBehindNginxTest.nginx(home.resolve("nginx"), port, portA, portB);
      String base = "http://127.0.0.1:" + port;
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
      awaitUp(client, base, nginx);
      return new Site(a, b, nginx, base, client);
    }

    @Override
    public void close() throws Exception {
      nginx.destroy();
      nginx.waitFor(10, TimeUnit.SECONDS);
      try (a;
          b) {
        signal("CONT", a.process); // in case a test stopped it
      }
    }
  }

  /** What a load of mixed GETs met: failures, answers, and the slowest answer. */
  static final class Load {
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final AtomicInteger done = new AtomicInteger();

    /** The slowest answer but of an export (whose read timeout is long: an XLSX comes whole). */
    final AtomicLong slowestNanos = new AtomicLong();

    private final List<Thread> clients = new ArrayList<>();

    /** Starts {@code threads} clients sending {@link #REQUESTS} in turn for {@code seconds}. */
    Load(Site site, int threads, int seconds) {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      for (int c = 0; c < threads; c++) {
        int offset = c;
        Thread t =
            new Thread(
                () -> {
                  for (int i = offset; System.nanoTime() < end; i++) {
                    String path = REQUESTS.get(i % REQUESTS.size());
                    long start = System.nanoTime();
                    try {
                      HttpResponse<String> r =
                          site.client()
                              .send(
                                  HttpRequest.newBuilder(URI.create(site.base() + path))
                                      .timeout(Duration.ofSeconds(90))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofString());
                      if (r.statusCode() != 200) {
                        failures.add(path + " → " + r.statusCode() + " " + r.body());
                      }
                    } catch (IOException | InterruptedException e) {
                      failures.add(path + " → " + e);
                    }
                    if (!path.startsWith("/api/export")) {
                      slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    }
                    done.incrementAndGet();
                  }
                });
        t.start();
        clients.add(t);
      }
    }

    void await() throws InterruptedException {
      for (Thread t : clients) {
        t.join();
      }
    }
  }

  @Test
  void killingOneReplicaUnderLoadFailsNoRequest(@TempDir Path home) throws Exception {
    try (Site site = Site.start(home)) {
      Load load = new Load(site, 4, 5);
      Thread.sleep(1_500);
      int beforeKill = load.done.get();
      site.a().process.destroyForcibly(); // kill -9 in the middle of the load
      site.a().process.waitFor(10, TimeUnit.SECONDS);
      load.await();

      assertThat(site.a().process.isAlive()).isFalse();
      assertThat(beforeKill).isPositive();
      assertThat(load.done.get() - beforeKill).as("requests after the kill").isGreaterThan(50);
      assertThat(load.failures).as("failed requests of " + load.done.get()).isEmpty();
    }
  }

  @Test
  void aHungReplicaCostsARequestAtMostTheShortReadTimeout(@TempDir Path home) throws Exception {
    // Issue 17, fault 14: with proxy_read_timeout 30s, a replica stopped (SIGSTOP) for 14 s held
    // requests for up to 13.7 s. A hung replica accepts connections (the kernel does) but never
    // answers: only the read timeout finds it.
    try (Site site = Site.start(home)) {
      Load load = new Load(site, 2, 10);
      Thread.sleep(1_500);
      int beforeStop = load.done.get();
      signal("STOP", site.a().process);
      Thread.sleep(7_000);
      signal("CONT", site.a().process);
      load.await();

      assertThat(beforeStop).isPositive();
      assertThat(load.done.get() - beforeStop).as("requests after the stop").isGreaterThan(50);
      assertThat(load.failures).as("failed requests of " + load.done.get()).isEmpty();
      // The documented read timeout is 2 s; the stop lasted 7 s.
      assertThat(Duration.ofNanos(load.slowestNanos.get()))
          .as("the slowest request")
          .isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aBurstFromOneClientIsLimitedInTheApiErrorShape(@TempDir Path home) throws Exception {
    // Issue 17: nginx limits requests per client (limit_req). The host's own address is exempt
    // (its monitoring, and the loads above), so the burst comes from 127.0.0.2, another loopback
    // address.
    try (Site site = Site.start(home)) {
      int port = URI.create(site.base()).getPort();
      Map<Integer, Integer> statuses = new TreeMap<>();
      String limited = null;
      for (int i = 0; i < 120; i++) {
        try (Socket socket = new Socket()) {
          socket.bind(new InetSocketAddress("127.0.0.2", 0));
          socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
          socket.setSoTimeout(5_000);
          socket
              .getOutputStream()
              .write(
                  "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
          String answer =
              new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          int status = Integer.parseInt(answer.substring(9, 12));
          statuses.merge(status, 1, Integer::sum);
          if (status == 429) {
            limited = answer;
          }
        }
      }

      assertThat(statuses.keySet()).as(statuses.toString()).containsExactly(200, 429);
      // The first request and a burst of 40 pass at once; then 20 a second.
      assertThat(statuses.get(200)).as(statuses.toString()).isGreaterThanOrEqualTo(41);
      assertThat(limited)
          .contains("Content-Type: application/json")
          .contains("Retry-After: 1")
          .contains("{\"error\":{\"status\":429,\"code\":\"too_many_requests\"");
    }
  }

  /** Sends {@code kill -SIGNAL} to a process. */
  static void signal(String signal, Process process) throws Exception {
    if (process.isAlive()) {
      new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
          .inheritIO()
          .start()
          .waitFor(10, TimeUnit.SECONDS);
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
