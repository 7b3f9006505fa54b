package clustersearch.http;

import static clustersearch.http.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.http.TestServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The faults the hostile probes of the server found, each reproduced against the real server. */
class ProbeFaultsTest {
  @TempDir static Path home;
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(home);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  static void assertError(Response r, int status, String code, String messagePart) {
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.body().get("error").get("status").asInt()).isEqualTo(status);
    assertThat(r.body().get("error").get("code").asText()).isEqualTo(code);
    assertThat(r.body().get("error").get("message").asText()).contains(messagePart);
  }

  // Fault 1: more than 1,024 filter values made Lucene throw TooManyClauses, answered as a 500.

  @ParameterizedTest
  @ValueSource(strings = {"search", "facets", "stats", "export"})
  void moreFilterValuesThanTheCapAreA400NamingTheCap(String endpoint) throws Exception {
    String many = IntStream.range(0, 1100).mapToObj(i -> "p" + i).collect(Collectors.joining(","));

    assertError(
        server.get("/api/" + endpoint + "?province=" + many), 400, "too_many_values", "at most 64");
    assertError(
        server.get("/api/" + endpoint + "?industry=" + many), 400, "too_many_values", "industry");
  }

  @Test
  void repeatedFilterParametersCountTowardsTheCapToo() throws Exception {
    String repeated = String.join("&", Collections.nCopies(1100, "province=" + enc("山东")));

    // The same value 1,100 times is one value: 山东.
    Response same = server.get("/api/search?" + repeated);
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.body().get("total").asInt()).isEqualTo(4);

    String distinct =
        IntStream.range(0, 65).mapToObj(i -> "province=p" + i).collect(Collectors.joining("&"));
    assertError(server.get("/api/search?" + distinct), 400, "too_many_values", "got 65");
  }

  @Test
  void sixtyFourFilterValuesAreStillServed() throws Exception {
    // Every province by its short and its full name: 64 distinct values, all known.
    List<String> values = new ArrayList<>(server.config.provinces().order());
    for (String p : server.config.provinces().order()) {
      if (values.size() < 64) {
        values.add(server.config.places().provinces().get(p).full());
      }
    }
    String joined = values.stream().map(TestServer::enc).collect(Collectors.joining(","));

    Response r = server.get("/api/search?province=" + joined);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("total").asInt()).isEqualTo(43);
  }

  // Fault 4: a CONNECT with a 60 KB target wrote the whole URL into a WARN line.

  @Test
  void hostileRequestsCannotMakeTheLogGrowFasterThanABoundedAmountPerRequest() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 100; i++) {
        try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
          socket.setSoTimeout(10_000);
          socket
              .getOutputStream()
              .write(
                  ("CONNECT /" + "a".repeat(60_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
          socket.getInputStream().read(new byte[1024]);
        }
      }
    } finally {
      System.setOut(original);
    }
    String text = log.toString(StandardCharsets.UTF_8);

    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(1_200));
    assertThat(log.size()).as("log bytes for 100 requests").isLessThan(100 * 400);
  }

  // Fault 6: CORS headers went on every response, and preflights admitted any origin and header.

  @Test
  void pagesCarryNoCorsHeaders() throws Exception {
    for (String page : new String[] {"/", "/dashboard", "/embed", "/app.js"}) {
      Response r = server.send(server.request(page).header("Origin", "http://portal.cn").build());
      assertThat(r.status()).as(page).isEqualTo(200);
      assertThat(r.header("Access-Control-Allow-Origin")).as(page).isNull();
    }
  }

  @Test
  void theGetApiCarriesCorsHeaders() throws Exception {
    Response r =
        server.send(server.request("/api/health").header("Origin", "http://portal.cn").build());

    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @Test
  void aPreflightFromTheNullOriginIsRefused() throws Exception {
    String answer =
        server.raw(
            "OPTIONS /api/search HTTP/1.1", "Origin: null", "Access-Control-Request-Method: GET");

    assertThat(answer).startsWith("HTTP/1.1 403").contains("\"code\":\"cors_refused\"");
    assertThat(answer).doesNotContain("Access-Control-Allow-Origin");
  }

  @Test
  void aPreflightAllowsOnlyGetAndTheListedHeaders() throws Exception {
    Response r =
        server.send(
            server
                .request("/api/search")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://portal.cn")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, cookie, x-request-id")
                .build());

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
    assertThat(r.header("Access-Control-Allow-Headers"))
        .doesNotContainIgnoringCase("authorization")
        .doesNotContainIgnoringCase("cookie")
        .containsIgnoringCase("X-Request-Id");
  }

  @Test
  void aPreflightForAnotherMethodIsRefused() throws Exception {
    String answer =
        server.raw(
            "OPTIONS /api/search HTTP/1.1",
            "Origin: http://portal.cn",
            "Access-Control-Request-Method: DELETE");

    assertThat(answer).startsWith("HTTP/1.1 403").contains("\"code\":\"cors_refused\"");
  }

  // Fault 7: errors outside the one error shape.

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "POST", "GET"})
  void aMalformedUrlIsA400OfTheOneShapeWhateverTheMethod(String method) throws Exception {
    String answer = server.raw(method + " /api/clusters/% HTTP/1.1", "Content-Length: 0");

    assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json");
    assertThat(answer).contains("{\"error\":{\"status\":400,\"code\":\"bad_request\"");
  }

  @Test
  void aRequestJettyRefusesSaysTheConnectionCloses() throws Exception {
    // Found by HostileRequestsTest: without the header, clients reused the closed connection and
    // their next POST or PUT got no answer at all.
    for (String line : new String[] {"PUT /api/x%zz", "GET /api/search?q=" + "a".repeat(70_000)}) {
      try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write((line + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).matches("(?s)HTTP/1\\.1 4\\d\\d .*").contains("Connection: close");
      }
    }
  }

  @Test
  void optionsStarIsAnsweredInTheOneShape() throws Exception {
    String answer = server.raw("OPTIONS * HTTP/1.1");

    assertThat(answer).contains("application/json").contains("{\"error\":{\"status\":");
  }

  @Test
  void headAnswersTheStatusGetWould() throws Exception {
    assertThat(server.raw("HEAD /api/clusters/2021-99 HTTP/1.1")).startsWith("HTTP/1.1 404");
    assertThat(server.raw("HEAD /api/search?size=1000 HTTP/1.1")).startsWith("HTTP/1.1 400");
    String found = server.raw("HEAD /api/clusters/2021-19 HTTP/1.1");
    assertThat(found).startsWith("HTTP/1.1 200").contains("application/json");
    assertThat(found.substring(found.indexOf("\r\n\r\n") + 4)).isEmpty();
  }

  @Test
  void postOnAGetRouteIsA405WithAllow() throws Exception {
    Response r =
        server.send(
            server
                .request("/api/search")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertError(r, 405, "method_not_allowed", "POST");
    assertThat(r.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
  }

  @Test
  void http09IsRefusedAsAnUnsupportedVersionNotAnInternalError() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answer).doesNotContain("internal_error");
      assertThat(answer).contains("\"code\":\"http_version_not_supported\"");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.2", "HTTP/1.9", "HTTP/3.1"})
  void anUnsupportedHttpVersionIsA400NotA505(String version) throws Exception {
    // Second probe (issue 17), fault 15: HTTP/1.2 got 505, a server error.
    String answer = server.raw("GET /api/health " + version);

    assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json");
    assertThat(answer)
        .contains("{\"error\":{\"status\":400,\"code\":\"http_version_not_supported\"");
  }

  // Fault 8: CSV cells starting with = + - @ tab or CR went out verbatim (formula injection).

  @Test
  void exportedCsvCellsCannotStartAFormula() throws Exception {
    for (String cell : new String[] {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
      assertThat(CsvExport.line(java.util.List.of(cell))).as(cell).matches("(?s)\"?'.*");
    }
    assertThat(CsvExport.line(java.util.List.of("=HYPERLINK(\"http://evil\")")))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(CsvExport.line(java.util.List.of("生物医药"))).isEqualTo("生物医药");
  }

  // Fault 10: security headers.

  @ParameterizedTest
  @ValueSource(strings = {"/", "/dashboard", "/api/search?q=x", "/app.js", "/api/nothing"})
  void everyAnswerForbidsSniffingAndSetsAReferrerPolicy(String path) throws Exception {
    Response r = server.get(path);

    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
  }

  @Test
  void theFaviconIsServed() throws Exception {
    Response icon = server.get("/favicon.ico");

    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.contentType()).contains("icon");
    assertThat(server.get("/").raw().body()).contains("<meta name=\"description\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/dashboard", "/index.html"})
  void pagesHaveACharsetAPolicyAndCannotBeFramed(String page) throws Exception {
    Response r = server.get(page);

    assertThat(r.contentType()).matches("(?i)text/html;\\s*charset=utf-8");
    assertThat(r.header("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-eval");
    assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void theEmbedPageMayBeFramedByTheCorsAllowList() throws Exception {
    Response r = server.get("/embed");

    assertThat(r.contentType()).matches("(?i)text/html;\\s*charset=utf-8");
    assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors *");
    assertThat(r.header("X-Frame-Options")).isNull();
  }

  // Second probe (issue 17), fault 9: the response cache sorted whole parameters, so ?q=A&q=B and
  // ?q=B&q=A shared an entry.

  @Test
  void repeatedParametersInAnotherOrderAreAnotherAnswer() throws Exception {
    String first =
        server
            .get("/api/search?q=" + enc("生物医药") + "&q=" + enc("煤化工"))
            .body()
            .get("query")
            .asText();
    String second =
        server
            .get("/api/search?q=" + enc("煤化工") + "&q=" + enc("生物医药"))
            .body()
            .get("query")
            .asText();

    assertThat(second).isNotEqualTo(first);
    int small = server.get("/api/search?size=1&size=50").body().get("size").asInt();
    int large = server.get("/api/search?size=50&size=1").body().get("size").asInt();
    assertThat(large).isNotEqualTo(small);
  }

  // Second probe (issue 17), fault 10: If-None-Match: * answered 304 before the handler could
  // refuse the request.

  @Test
  void ifNoneMatchStarNeverTurnsAnErrorIntoANotModified() throws Exception {
    Response missing =
        server.send(
            server.request("/api/clusters/does-not-exist").header("If-None-Match", "*").build());
    Response tooLarge =
        server.send(server.request("/api/search?size=1000").header("If-None-Match", "*").build());

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("error").get("code").asText()).isEqualTo("not_found");
    assertThat(tooLarge.status()).isEqualTo(400);
  }

  // Second probe (issue 17), fault 15: the 404 of a cluster echoed an id of any length.

  @Test
  void aHugeUnknownIdIsNamedShortened() throws Exception {
    String id = "x".repeat(60_000);
    Response r = server.get("/api/clusters/" + id);

    assertThat(r.status()).isEqualTo(404);
    String message = r.body().get("error").get("message").asText();
    assertThat(message.length()).isLessThan(300);
    assertThat(message).contains("xxxx…");
  }

  // Second probe (issue 17), fault 15: failed admin attempts were not limited.

  @Test
  void aClientThatKeepsSendingWrongAdminTokensIsRefusedForAWhile(@TempDir Path own)
      throws Exception {
    String token = "a".repeat(HttpApi.Admin.MIN_TOKEN_LENGTH);
    try (TestServer admin = TestServer.withAdmin(own, token)) {
      for (int i = 0; i < FailedAttempts.MAX_FAILURES; i++) {
        assertError(reload(admin, "Bearer wrong-" + i), 401, "unauthorized", "wrong");
      }

      // Locked now, even with the right token: guessing gains nothing.
      Response locked = reload(admin, "Bearer " + token);
      assertError(locked, 429, "too_many_attempts", "try again in");
      assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
    }
  }

  private static Response reload(TestServer admin, String authorization) throws Exception {
    return admin.send(
        admin
            .request("/api/admin/reload")
            .header("Authorization", authorization)
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
            .build());
  }

  // Second probe (issue 17), fault 15: swagger-ui's demo page and OAuth relay were served.

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/webjars/swagger-ui/5.34.1/index.html",
        "/webjars/swagger-ui/5.34.1/oauth2-redirect.html",
        "/webjars/swagger-ui/5.34.1/swagger-initializer.js",
        "/webjars/echarts/5.3.1/package.json"
      })
  void onlyTheWebjarFilesThePagesLoadAreServed(String path) throws Exception {
    assertError(server.get(path), 404, "not_found", "");
  }

  @Test
  void everyWebjarFileAPageLoadsIsServed() throws Exception {
    for (String page : List.of("/docs", "/dashboard")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("/webjars/[^\"' )]+")
              .matcher(server.get(page).raw().body() + server.get(page + ".js").raw().body());
      while (m.find()) {
        assertThat(server.get(m.group()).status()).as(m.group()).isEqualTo(200);
      }
    }
    for (String file : HttpApi.WEBJAR_FILES) {
      assertThat(server.get(file).status()).as(file).isEqualTo(200);
    }
  }

  // Second probe (issue 17), fault 7: explain=true&size=100 on a 32-word query cost 153 ms of CPU
  // and 300 KB.

  @Test
  void explainIsLimitedInHitsAndSize() throws Exception {
    String words = String.join(" ", Collections.nCopies(4, "生物医药 新材料 智能制造 光电 储能 锂电 氢能 集成电路 软件 航空"));
    assertError(
        server.get("/api/search?explain=true&size=100&q=" + enc(words)),
        400,
        "invalid_parameter",
        "at most 10");

    Response explained = server.get("/api/search?explain=true&size=10&q=" + enc(words));
    assertThat(explained.status()).isEqualTo(200);
    assertThat(explained.body().get("hits").get(0).get("explain")).isNotNull();
    assertThat(explained.raw().body().length()).isLessThan(100_000);
  }

  // Issue 18, strict requests: a misspelled parameter or a malformed escape was ignored, and the
  // answer covered every cluster with no warning.

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/search",
        "/api/facets",
        "/api/stats",
        "/api/export",
        "/api/suggest",
        "/api/clusters/2021-19",
        "/api/clusters/2021-19/similar",
        "/api/health",
        "/api/ready",
        "/api",
        "/metrics",
        "/openapi.json"
      })
  void everyEndpointRefusesAParameterItDoesNotKnow(String path) throws Exception {
    Response r = server.get(path + "?provnce=" + enc("山东"));

    assertError(r, 400, "unknown_parameter", "Unknown parameter 'provnce'");
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/search", "/api/facets", "/api/stats", "/api/export"})
  void aMisspelledFilterNamesTheOneMeant(String path) throws Exception {
    assertError(
        server.get(path + "?provnce=" + enc("山东")),
        400,
        "unknown_parameter",
        "did you mean 'province'?");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/search?province=%zz",
        "/api/search?province=%",
        "/api/search?size=%zz",
        "/api/search?q=%zz",
        "/api/search?q=%E7%94",
        "/api/facets?industry=%G1",
        "/api/stats?area=%",
        "/api/export?q=%zz",
        "/api/suggest?q=%zz",
        "/api/clusters/2021-21/similar?size=%zz",
        "/api/health?%zz"
      })
  void aMalformedEscapeAnywhereIsA400(String pathAndQuery) throws Exception {
    // Sent raw: Java's HTTP client refuses to send such a URL at all.
    String answer = server.raw("GET " + pathAndQuery + " HTTP/1.1");

    assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json");
    assertThat(answer).contains("\"code\":\"bad_request\"").contains("malformed");
  }

  @Test
  void knownParametersAndWellFormedEscapesStillPass() throws Exception {
    Response r =
        server.get(
            "/api/search?q="
                + enc("生物医药")
                + "&province="
                + enc("山东")
                + "&exact=true&size=5&page=1&sort=relevance&explain=false&year=2021&area="
                + enc("东部")
                + "&industry=");
    assertThat(r.status()).isEqualTo(200);
    assertThat(server.get("/api/stats?q=a+b&exact=false").status()).isEqualTo(200);
  }
}
