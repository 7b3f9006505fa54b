package clustersearch.http;

import static clustersearch.http.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.search.SearchStack;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi30;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written OpenAPI document cannot drift from the code: real answers of every endpoint and
 * every error case are validated against the schema the document gives for their path, method,
 * status and content type, and every response the document lists is met at least once.
 */
class OpenApiTest {
  private static final String DOC_URI = "https://cluster-search.invalid/openapi.json";
  private static final String TOKEN = "openapi-test-token-0123456789abcdef0123";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final JsonNode doc = readDoc();
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          OpenApi30.getInstance(), b -> b.schemas(Map.of(DOC_URI, HttpApi.OPENAPI)));

  /** Atlassian's validator over the same document: a second opinion nobody here wrote. */
  private final OpenApiInteractionValidator atlassian =
      OpenApiInteractionValidator.createForInlineApiSpecification(HttpApi.OPENAPI)
          .withLevelResolver(
              LevelResolver.create()
                  .withLevel(
                      "validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                  .build())
          .build();

  private final Set<String> met = new TreeSet<>();
  private final List<String> failures = new ArrayList<>();

  private static JsonNode readDoc() {
    try {
      return TestServer.JSON.readTree(HttpApi.OPENAPI);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An authorized admin POST, checked against the document. */
  private void admin(String base, String path) throws Exception {
    check(base, path, "POST", path, "Authorization", "Bearer " + TOKEN);
  }

  /** The same GET again with the ETag it answered: a 304, checked against the document. */
  private void notModified(TestServer server, String template, String url) throws Exception {
    String etag = server.get(url).header("ETag");
    check(server.base, template, "GET", url, "If-None-Match", etag);
  }

  /**
   * Sends the request and checks its answer against the document; a GET is sent again as HEAD,
   * checked against the document's HEAD operation.
   */
  private void check(String base, String template, String method, String url, String... headers)
      throws Exception {
    checkAs(base, template, method, method, url, headers);
    if (method.equals("GET")) {
      checkAs(base, template, "HEAD", "HEAD", url, headers);
    }
  }

  /**
   * Sends {@code method} and checks its answer against the document's {@code documentedAs}
   * operation of the path: a method the path does not take is answered 405, documented on the
   * operations the path has.
   */
  private void checkAs(
      String base,
      String template,
      String method,
      String documentedAs,
      String url,
      String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + url))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String status = Integer.toString(response.statusCode());
    String where = method + " " + cut(url) + " → " + status;
    secondOpinion(where, method, documentedAs, url, headers, response);
    JsonNode documented = doc.path("paths").path(template).path(documentedAs.toLowerCase());
    if (documented.isMissingNode()) {
      failures.add(where + ": " + method + " " + template + " is not in the document");
      return;
    }
    JsonNode answer = documented.path("responses").path(status);
    JsonNode resolved =
        answer.has("$ref") ? doc.at(answer.path("$ref").asText().substring(1)) : answer;
    if (answer.isMissingNode()) {
      failures.add(where + ": status " + status + " is not documented");
      return;
    }
    met.add(template + " " + documentedAs.toLowerCase() + " " + status);
    if (method.equals("HEAD")) {
      if (!response.body().isEmpty()) {
        failures.add(where + ": a body came in answer to HEAD");
      }
      return;
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    JsonNode content = resolved.path("content");
    if (content.isMissingNode()) {
      if (!response.body().isEmpty()) {
        failures.add(where + ": documented without a body, but one came");
      }
      return;
    }
    String mediaType = contentType.split(";")[0].strip();
    if (!content.has(mediaType)) {
      failures.add(where + ": content type " + contentType + " is not documented");
      return;
    }
    if (!mediaType.equals("application/json")) {
      return;
    }
    String pointer =
        answer.has("$ref")
            ? answer.path("$ref").asText().substring(1) + "/content/application~1json/schema"
            : "/paths/"
                + template.replace("~", "~0").replace("/", "~1")
                + "/"
                + documentedAs.toLowerCase()
                + "/responses/"
                + status
                + "/content/application~1json/schema";
    Schema schema = registry.getSchema(SchemaLocation.of(DOC_URI + "#" + pointer));
    var errors = schema.validate(response.body(), InputFormat.JSON);
    if (!errors.isEmpty()) {
      failures.add(where + ": " + errors + "\n  body: " + cut(response.body()));
    }
  }

  /**
   * The exchange through Atlassian's validator: a request it finds against the document must be
   * refused with a 4xx, one it accepts must not be refused for its form, and the answer must match
   * the document.
   */
  private void secondOpinion(
      String where,
      String method,
      String documentedAs,
      String url,
      String[] headers,
      HttpResponse<String> response) {
    Request.Method as = Request.Method.valueOf(documentedAs);
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    SimpleRequest.Builder request = new SimpleRequest.Builder(as, path);
    boolean readable = true;
    if (url.contains("?")) {
      Map<String, List<String>> query = new java.util.LinkedHashMap<>();
      for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        try {
          query
              .computeIfAbsent(decode(kv[0]), k -> new ArrayList<>())
              .add(kv.length > 1 ? decode(kv[1]) : "");
        } catch (IllegalArgumentException malformed) {
          readable = false; // a malformed escape: no validator can read the request either
        }
      }
      query.forEach(request::withQueryParam);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.withHeader(headers[i], headers[i + 1]);
    }
    int code = response.statusCode();
    if (method.equals(documentedAs) && readable && code != 414 && code != 431) {
      ValidationReport asked = atlassian.validateRequest(request.build());
      boolean refused = code >= 400 && code < 500;
      if (asked.hasErrors() && !refused) {
        failures.add(where + ": Atlassian's validator finds the request invalid: " + asked);
      } else if (!asked.hasErrors() && SYNTAX_ERRORS.contains(errorCode(response.body()))) {
        failures.add(where + ": Atlassian's validator finds nothing wrong with the request");
      }
    }
    SimpleResponse.Builder answer = new SimpleResponse.Builder(code);
    response
        .headers()
        .map()
        .forEach((name, values) -> answer.withHeader(name, values.toArray(String[]::new)));
    if (!method.equals("HEAD") && !response.body().isEmpty()) {
      answer.withBody(response.body());
    }
    String template =
        doc.path("paths").has(path)
            ? path
            : path.replaceFirst("^/api/clusters/[^/]+", "/api/clusters/{id}");
    if (method.equals("HEAD") && !documentedAs.equals("HEAD")) {
      return; // HEAD answers without the body the document gives the other method's answer
    }
    ValidationReport answered = atlassian.validateResponse(template, as, answer.build());
    if (answered.hasErrors()) {
      failures.add(where + ": Atlassian's validator finds the answer invalid: " + answered);
    }
  }

  /**
   * The 400s about the request's form, which the document's parameters describe; the others (a
   * value that names nothing, too many values, a page past the result window) are about the data
   * and the limits, which the document says in words.
   */
  private static final Set<String> SYNTAX_ERRORS =
      Set.of("bad_request", "unknown_parameter", "invalid_parameter");

  private static String errorCode(String body) {
    try {
      return TestServer.JSON.readTree(body).path("error").path("code").asText("");
    } catch (Exception notJson) {
      return "";
    }
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Every path of the document, as a URL that reaches it (a cluster's id for {id}). */
  private Map<String, String> routes() {
    Map<String, String> routes = new java.util.LinkedHashMap<>();
    doc.path("paths")
        .fieldNames()
        .forEachRemaining(t -> routes.put(t, t.replace("{id}", "2021-19")));
    return routes;
  }

  /**
   * What every route answers beyond its own operation: OPTIONS plain and as CORS preflights
   * (admitted and refused), a method it does not take (405), a request line or headers over the
   * limit (414, 431).
   */
  private void everyRouteAnswers(String base, String template, String url) throws Exception {
    String own = doc.path("paths").path(template).has("get") ? "GET" : "POST";
    check(base, template, "OPTIONS", url);
    check(base, template, "OPTIONS", url, "Origin", "null", "Access-Control-Request-Method", "GET");
    check(
        base,
        template,
        "OPTIONS",
        url,
        "Origin",
        "https://portal.example",
        "Access-Control-Request-Method",
        own);
    checkAs(base, template, "PUT", own, url);
    checkAs(base, template, "DELETE", own, url);
    if (own.equals("POST")) {
      checkAs(base, template, "HEAD", own, url);
    }
    String filler = "x".repeat(HttpApi.MAX_URL_BYTES);
    check(base, template, own, url + "?q=" + filler);
    check(base, template, own, url, "X-Filler", filler);
  }

  private static String cut(String body) {
    return body.length() > 400 ? body.substring(0, 400) + "…" : body;
  }

  @Test
  void everyAnswerOfEveryEndpointMatchesTheDocumentAndEveryDocumentedAnswerIsMet(
      @TempDir Path home, @TempDir Path config, @TempDir Path empty) throws Exception {
    for (Path file : Files.list(TestData.CONFIG).toList()) {
      Files.copy(file, config.resolve(file.getFileName()));
    }
    Path data = Files.createDirectories(home.resolve("data"));
    Files.copy(TestData.LIST_2021, data.resolve("clusters-2021.txt"));
    AppConfig real = TestData.config(home, data);
    AppConfig ownConfig = real.withConfigDir(config);
    String bio = enc("生物医药");
    String many = IntStream.range(0, 70).mapToObj(i -> "p" + i).collect(Collectors.joining(","));

    try (TestServer server = TestServer.withAdmin(ownConfig, TOKEN)) {
      String b = server.base;
      check(b, "/api/search", "GET", "/api/search?q=" + bio);
      check(
          b,
          "/api/search",
          "GET",
          "/api/search?q=x&province=" + enc("山东") + "&industry=" + enc("生物产业/生物医药"));
      check(b, "/api/search", "GET", "/api/search?q=" + enc("江苏有哪些电子元器件集群") + "&explain=true");
      check(b, "/api/search", "GET", "/api/search?q=" + enc("富西") + "&area=" + enc("西部"));
      check(b, "/api/search", "GET", "/api/search?province=" + enc("火星"));
      check(b, "/api/search", "GET", "/api/search?year=2021&area=" + enc("东部"));
      check(b, "/api/search", "GET", "/api/search?year=1999");
      check(b, "/api/search", "GET", "/api/search?explain=maybe");
      check(b, "/api/search", "GET", "/api/search?size=1000");
      check(b, "/api/search", "GET", "/api/search?page=abc");
      check(b, "/api/search", "GET", "/api/search?page=2000&size=10");
      check(b, "/api/search", "GET", "/api/search?province=" + many);
      check(b, "/api/search", "GET", "/api/search?industry=a/b/c");
      notModified(server, "/api/search", "/api/search?q=" + bio);
      check(b, "/api/facets", "GET", "/api/facets?industry=" + enc("生物产业"));
      check(b, "/api/facets", "GET", "/api/facets?province=" + many);
      check(b, "/api/facets", "GET", "/api/facets?format=csv");
      notModified(server, "/api/facets", "/api/facets");
      check(b, "/api/suggest", "GET", "/api/suggest?q=swy");
      check(b, "/api/suggest", "GET", "/api/suggest?q=x&size=99");
      notModified(server, "/api/suggest", "/api/suggest?q=swy");
      check(b, "/api/stats", "GET", "/api/stats?q=" + bio);
      check(b, "/api/stats", "GET", "/api/stats?industry=" + many);
      check(b, "/api/stats", "GET", "/api/stats?format=csv&q=" + bio);
      notModified(server, "/api/stats", "/api/stats");
      check(b, "/api/export", "GET", "/api/export?format=json&province=" + enc("山东"));
      check(b, "/api/export", "GET", "/api/export?format=csv");
      check(b, "/api/export", "GET", "/api/export?format=xlsx");
      check(b, "/api/export", "GET", "/api/export?format=xml");
      notModified(server, "/api/export", "/api/export");
      check(b, "/api/clusters/{id}", "GET", "/api/clusters/2021-19");
      check(b, "/api/clusters/{id}", "GET", "/api/clusters/2021-99");
      notModified(server, "/api/clusters/{id}", "/api/clusters/2021-19");
      check(b, "/api/clusters/{id}/similar", "GET", "/api/clusters/2021-21/similar");
      check(b, "/api/clusters/{id}/similar", "GET", "/api/clusters/2021-99/similar");
      check(b, "/api/clusters/{id}/similar", "GET", "/api/clusters/2021-21/similar?size=99");
      notModified(server, "/api/clusters/{id}/similar", "/api/clusters/2021-21/similar");
      for (String path :
          List.of("/api/health", "/api/ready", "/api", "/metrics", "/openapi.json")) {
        check(b, path, "GET", path + "?provnce=x");
      }
      check(b, "/api/clusters/{id}", "GET", "/api/clusters/2021-19?size=3");
      check(b, "/api/search", "GET", "/api/search?provnce=x");
      check(b, "/api/health", "GET", "/api/health");
      check(b, "/api/ready", "GET", "/api/ready");
      check(b, "/api", "GET", "/api");
      check(b, "/metrics", "GET", "/metrics");
      check(b, "/openapi.json", "GET", "/openapi.json");
      for (Map.Entry<String, String> route : routes().entrySet()) {
        everyRouteAnswers(b, route.getKey(), route.getValue());
      }
      check(b, "/api/admin/reindex", "POST", "/api/admin/reindex");
      admin(b, "/api/admin/reindex");
      check(b, "/api/admin/reload", "POST", "/api/admin/reload", "Authorization", "Bearer x");
      admin(b, "/api/admin/reload");
      try (FSDirectory dir = FSDirectory.open(server.config.indexDir());
          Lock held = dir.obtainLock("build.lock")) {
        admin(b, "/api/admin/reindex");
      }
      Files.writeString(config.resolve("synonyms.txt"), "a => b => c\n");
      admin(b, "/api/admin/reload");
      Path list = data.resolve("clusters-2021.txt");
      Files.writeString(
          list, Files.readString(list).replace("\t淄博高新区\n管委会\n", ""), StandardCharsets.UTF_8);
      admin(b, "/api/admin/reindex");
      // Last: after ten wrong tokens this client is locked out of both routes (429).
      for (int i = 0; i < FailedAttempts.MAX_FAILURES; i++) {
        check(b, "/api/admin/reload", "POST", "/api/admin/reload", "Authorization", "Bearer x");
      }
      check(b, "/api/admin/reindex", "POST", "/api/admin/reindex", "Authorization", "Bearer x");
    }

    try (TestServer server = TestServer.start(home.resolve("no-admin"))) {
      check(server.base, "/api/admin/reindex", "POST", "/api/admin/reindex");
      check(server.base, "/api/admin/reload", "POST", "/api/admin/reload");
      check(server.base, "/api/admin/reindex", "OPTIONS", "/api/admin/reindex");
      check(server.base, "/api/admin/reload", "OPTIONS", "/api/admin/reload");
    }

    SearchStack notReady = SearchStack.create(TestData.config(empty));
    Javalin app = HttpApi.create(notReady.service(), real.settings()).start("127.0.0.1", 0);
    try {
      String b = "http://127.0.0.1:" + app.port();
      check(b, "/api/search", "GET", "/api/search?q=x");
      check(b, "/api/facets", "GET", "/api/facets");
      check(b, "/api/suggest", "GET", "/api/suggest?q=x");
      check(b, "/api/stats", "GET", "/api/stats");
      check(b, "/api/export", "GET", "/api/export");
      check(b, "/api/clusters/{id}", "GET", "/api/clusters/2021-1");
      check(b, "/api/clusters/{id}/similar", "GET", "/api/clusters/2021-1/similar");
      check(b, "/api/ready", "GET", "/api/ready");
      for (String path :
          List.of("/api/health", "/api/ready", "/api", "/metrics", "/openapi.json")) {
        check(b, path, "GET", path + "?provnce=x");
      }
      check(b, "/api/clusters/{id}", "GET", "/api/clusters/2021-19?size=3");
      check(b, "/api/search", "GET", "/api/search?provnce=x");
      check(b, "/api/health", "GET", "/api/health");
    } finally {
      app.stop();
      notReady.close();
    }

    assertThat(failures).isEmpty();
    assertThat(met).containsExactlyInAnyOrderElementsOf(documentedResponses());
  }

  @Test
  void theSchemasRejectAnswersThatDoNotMatch() {
    Schema search =
        registry.getSchema(
            SchemaLocation.of(
                DOC_URI
                    + "#/paths/~1api~1search/get/responses/200/content/application~1json/schema"));
    Schema error = registry.getSchema(SchemaLocation.of(DOC_URI + "#/components/schemas/Error"));

    assertThat(search.validate("{\"query\":\"x\"}", InputFormat.JSON)).isNotEmpty();
    assertThat(
            search.validate(
                "{\"query\":\"x\",\"total\":0,\"page\":1,\"size\":10,\"tookMs\":0.1,"
                    + "\"hits\":[{\"id\":\"2021-1\"}],\"facets\":{\"province\":[],\"industry\":[]}}",
                InputFormat.JSON))
        .as("a hit without its fields")
        .isNotEmpty();
    assertThat(error.validate("{\"error\":{\"status\":400,\"code\":\"x\"}}", InputFormat.JSON))
        .as("an error without a message")
        .isNotEmpty();
    assertThat(
            error.validate(
                "{\"error\":{\"status\":400,\"code\":\"bad_request\",\"message\":\"m\"}}",
                InputFormat.JSON))
        .isEmpty();
  }

  @Test
  void atlassiansValidatorRefusesWhatTheDocumentDoesNotAllow() {
    assertThat(
            atlassian
                .validateResponse(
                    "/api/search",
                    Request.Method.GET,
                    SimpleResponse.Builder.ok()
                        .withContentType("application/json")
                        .withBody("{\"query\":\"x\"}")
                        .build())
                .hasErrors())
        .as("a search answer without its fields")
        .isTrue();
    assertThat(
            atlassian
                .validateRequest(
                    SimpleRequest.Builder.get("/api/search").withQueryParam("provnce", "x").build())
                .hasErrors())
        .as("an unknown parameter")
        .isTrue();
    assertThat(
            atlassian
                .validateRequest(
                    SimpleRequest.Builder.get("/api/search").withQueryParam("page", "abc").build())
                .hasErrors())
        .as("a page that is not a number")
        .isTrue();
    assertThat(
            atlassian
                .validateRequest(
                    SimpleRequest.Builder.get("/api/search")
                        .withQueryParam("province", "山东", "江苏")
                        .withQueryParam("industry", "生物产业/生物医药")
                        .build())
                .hasErrors())
        .as("filters as the document gives them")
        .isFalse();
  }

  /** Every "path method status" the document lists. */
  private Set<String> documentedResponses() {
    Set<String> all = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fields()
          .forEachRemaining(
              op ->
                  op.getValue()
                      .path("responses")
                      .fieldNames()
                      .forEachRemaining(
                          status -> all.add(path.getKey() + " " + op.getKey() + " " + status)));
    }
    return all;
  }
}
