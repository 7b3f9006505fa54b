package clustersearch.http;

import static clustersearch.http.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.search.SearchStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
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
          SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(DOC_URI, HttpApi.OPENAPI)));
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

  /** Sends the request and checks its answer against the document. */
  private void check(String base, String template, String method, String url, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + url))
            .method(
                method,
                method.equals("POST")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String status = Integer.toString(response.statusCode());
    String where = method + " " + url + " → " + status;
    JsonNode documented = doc.path("paths").path(template).path(method.toLowerCase());
    if (documented.isMissingNode()) {
      failures.add(where + ": " + method + " " + template + " is not in the document");
      return;
    }
    JsonNode answer = documented.path("responses").path(status);
    if (answer.isMissingNode()) {
      failures.add(where + ": status " + status + " is not documented");
      return;
    }
    met.add(template + " " + method.toLowerCase() + " " + status);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    JsonNode content = answer.path("content");
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
        "/paths/"
            + template.replace("~", "~0").replace("/", "~1")
            + "/"
            + method.toLowerCase()
            + "/responses/"
            + status
            + "/content/application~1json/schema";
    Schema schema = registry.getSchema(SchemaLocation.of(DOC_URI + "#" + pointer));
    var errors = schema.validate(response.body(), InputFormat.JSON);
    if (!errors.isEmpty()) {
      failures.add(where + ": " + errors + "\n  body: " + cut(response.body()));
    }
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
