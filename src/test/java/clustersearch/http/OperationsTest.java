package clustersearch.http;

import static clustersearch.http.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.http.TestServer.Response;
import clustersearch.search.SearchStack;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator needs: metrics, the access log, readiness and HTTP caching. */
class OperationsTest {
  @TempDir static Path home;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static double metric(String scrape, String line) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(line) + " (\\S+)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  @Test
  void metricsCountRequestsByRouteAndStatusAndShowTheJvmAndTheIndex() throws Exception {
    server.get("/api/search?q=" + enc("生物医药"));
    server.get("/api/clusters/2021-99");

    Response r = server.get("/metrics");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
    String scrape = r.raw().body();
    assertThat(
            metric(
                scrape,
                "http_server_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"200\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            metric(
                scrape,
                "http_server_requests_seconds_count{method=\"GET\",route=\"/api/clusters/{id}\",status=\"404\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape)
        .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/search\"")
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_gc_")
        .contains("jvm_threads_live_threads")
        .contains("process_cpu_usage");
    assertThat(metric(scrape, "cluster_search_index_documents")).isEqualTo(43);
    assertThat(metric(scrape, "cluster_search_index_ready")).isEqualTo(1);
    String generation = server.stack.index().generation().getFileName().toString();
    assertThat(metric(scrape, "cluster_search_index_info{generation=\"" + generation + "\"}"))
        .isEqualTo(1);
    assertThat(metric(scrape, "cluster_search_index_build_timestamp_seconds"))
        .isBetween(System.currentTimeMillis() / 1000.0 - 600, System.currentTimeMillis() / 1000.0);
    assertThat(metric(scrape, "process_cpu_seconds_total")).isPositive();
    assertThat(metric(scrape, "cluster_search_index_age_seconds")).isBetween(0.0, 600.0);
    assertThat(metric(scrape, "cluster_search_index_reloads_total")).isZero();
    assertThat(metric(scrape, "cluster_search_index_failed_reloads_total")).isZero();
  }

  @Test
  void promtoolAcceptsTheMetricsAndEveryCacheCounterIsTrue() throws Exception {
    // Issue 18: promtool exited 3 (process_cpu_time_ns_total, system_cpu_count), and
    // cache_puts_total stayed 0 while the response cache held 25 answers.
    java.nio.file.Path promtool = java.nio.file.Path.of("/usr/bin/promtool");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isExecutable(promtool),
        "no promtool: apt-get install prometheus (.ci/run does)");
    String query = "/api/search?q=" + enc("新材料") + "&size=3";
    server.get(query);
    server.get(query);

    String scrape = server.get("/metrics").raw().body();

    assertThat(metric(scrape, "cache_puts_total{cache=\"responses\"}")).isGreaterThanOrEqualTo(1);
    assertThat(metric(scrape, "cache_puts_total{cache=\"responses\"}"))
        .isGreaterThanOrEqualTo(metric(scrape, "cache_size{cache=\"responses\"}"));
    assertThat(metric(scrape, "cache_gets_total{cache=\"responses\",result=\"hit\"}"))
        .isGreaterThanOrEqualTo(1);
    Process check =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    check.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
    check.getOutputStream().close();
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor()).as(said).isZero();
    assertThat(said).isEmpty();
  }

  @Test
  void unknownPathsShareOneMetricLabel() throws Exception {
    server.get("/no/such/path/1");
    server.get("/no/such/path/2");

    String scrape = server.get("/metrics").raw().body();

    assertThat(scrape).doesNotContain("/no/such/path");
    assertThat(scrape).contains("route=\"unmatched\"");
  }

  @Test
  void everyRequestWritesOneAccessLogLineWithItsRequestId() throws Exception {
    String log =
        captured(
            () -> {
              Response r =
                  server.send(
                      server
                          .request("/api/search?q=" + enc("智能制造"))
                          .header("X-Request-Id", "portal-42")
                          .build());
              assertThat(r.header("X-Request-Id")).isEqualTo("portal-42");
            });

    assertThat(log.lines().filter(l -> l.contains("id=portal-42")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("INFO  access method=GET route=/api/search status=200 bytes=")
                    .containsPattern(" ms=\\d+\\.\\d\\d client=127\\.0\\.0\\.1 id=portal-42 ")
                    .contains("path=\"/api/search\""));
  }

  @Test
  void aRequestIdThatIsNotAShortTokenIsReplaced() throws Exception {
    Response r =
        server.send(server.request("/api/health").header("X-Request-Id", "x".repeat(100)).build());

    assertThat(r.header("X-Request-Id"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  /**
   * What the server logs while {@code action} runs (the access log is written after the answer).
   */
  static String captured(ThrowingRunnable action) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      action.run();
      Thread.sleep(200);
    } finally {
      System.setOut(original);
    }
    return log.toString(StandardCharsets.UTF_8);
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void readyAnswersWhenAVerifiedGenerationIsServed() throws Exception {
    Response r = server.get("/api/ready");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("status").asText()).isEqualTo("READY");
    assertThat(r.body().get("generation").asText()).startsWith("gen-");
    assertThat(r.body().get("warning").isNull()).isTrue();
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void beforeAnIndexIsOpenReadyAndSearchAre503AndHealthSaysStarting(@TempDir Path empty)
      throws Exception {
    SearchStack stack = SearchStack.create(TestData.config(empty));
    Javalin app = HttpApi.create(stack.service(), server.config.settings()).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + app.port();
      var client = java.net.http.HttpClient.newHttpClient();
      var ready =
          client.send(
              HttpRequest.newBuilder(java.net.URI.create(base + "/api/ready")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      var search =
          client.send(
              HttpRequest.newBuilder(java.net.URI.create(base + "/api/search?q=x")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      var health =
          client.send(
              HttpRequest.newBuilder(java.net.URI.create(base + "/api/health")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("\"code\":\"not_ready\"").contains("no verified index");
      assertThat(search.statusCode()).isEqualTo(503);
      assertThat(search.body()).contains("\"code\":\"not_ready\"");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"STARTING\"");
    } finally {
      app.stop();
      stack.close();
    }
  }

  @Test
  void getAnswersCarryAnEtagAndAMatchingIfNoneMatchGets304() throws Exception {
    String path = "/api/search?q=" + enc("生物医药");
    Response first = server.get(path);
    String etag = first.header("ETag");

    assertThat(etag).startsWith("W/\"gen-");
    assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");

    Response again = server.send(server.request(path).header("If-None-Match", etag).build());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.raw().body()).isEmpty();
    assertThat(again.header("ETag")).isEqualTo(etag);

    Response other = server.get("/api/search?q=" + enc("智能制造"));
    assertThat(other.header("ETag")).isNotEqualTo(etag);
    Response stale =
        server.send(server.request(path).header("If-None-Match", "W/\"gen-0.0.0\"").build());
    assertThat(stale.status()).isEqualTo(200);
  }

  @Test
  void errorsAndStateAreNotCached() throws Exception {
    Response error = server.get("/api/search?size=1000");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.header("ETag")).isNull();
    assertThat(error.header("Cache-Control")).isEqualTo("no-store");

    assertThat(server.get("/api/health").header("Cache-Control")).isEqualTo("no-store");
    assertThat(server.get("/metrics").header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void theDocsPageShowsSwaggerUiFromTheJar() throws Exception {
    Response docs = server.get("/docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.raw().body())
        .contains("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js")
        .contains("/docs.js");
    assertThat(server.get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").status())
        .isEqualTo(200);
    assertThat(server.get("/docs.js").raw().body()).contains("'/openapi.json'");

    Response openapi = server.get("/openapi.json");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body().get("openapi").asText()).isEqualTo("3.0.3");
  }

  @Test
  void withoutATokenTheAdminRoutesAreNotMounted() throws Exception {
    Response r =
        server.send(
            server.request("/api/admin/reindex").POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body().get("error").get("code").asText()).isEqualTo("not_found");
  }
}
