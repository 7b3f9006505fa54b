package clustersearch.http;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.config.Settings;
import clustersearch.index.IndexBuild;
import clustersearch.search.IndexAdmin;
import clustersearch.search.SearchStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The real server on 127.0.0.1 and a free port, over a temporary index of the real list. */
final class TestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  final AppConfig config;
  final SearchStack stack;
  final Javalin app;
  final String base;

  private TestServer(AppConfig config, SearchStack stack, Javalin app) {
    this.config = config;
    this.stack = stack;
    this.app = app;
    this.base = "http://127.0.0.1:" + app.port();
  }

  /** Indexes the real list under {@code home} and serves it with the project's settings. */
  static TestServer start(Path home) throws IOException {
    return start(home, s -> s);
  }

  /** As {@link #start(Path)}, with settings changed by {@code tweak}. */
  static TestServer start(Path home, UnaryOperator<Settings> tweak) throws IOException {
    return start(home, tweak, null);
  }

  /**
   * As {@link #start(Path)}, over a copy of the real list in {@code home/data} (a test may break
   * it), with the admin routes mounted under {@code adminToken}.
   */
  static TestServer withAdmin(Path home, String adminToken) throws IOException {
    Path data = Files.createDirectories(home.resolve("data"));
    Files.copy(TestData.LIST_2021, data.resolve("clusters-2021.txt"));
    return start(TestData.config(home, data), s -> s, adminToken);
  }

  private static TestServer start(Path home, UnaryOperator<Settings> tweak, String adminToken)
      throws IOException {
    return start(TestData.config(home), tweak, adminToken);
  }

  /** The server of {@code config} (its own data and config folders), with admin routes. */
  static TestServer withAdmin(AppConfig config, String adminToken) throws IOException {
    return start(config, s -> s, adminToken);
  }

  private static TestServer start(AppConfig real, UnaryOperator<Settings> tweak, String adminToken)
      throws IOException {
    AppConfig config = real.with(tweak.apply(real.settings()));
    IndexBuild.run(config);
    SearchStack stack = SearchStack.open(config).orElseThrow();
    HttpApi.Admin admin =
        adminToken == null ? null : new HttpApi.Admin(new IndexAdmin(config, stack), adminToken);
    Javalin app = HttpApi.create(stack.service(), config.settings(), admin).start("127.0.0.1", 0);
    return new TestServer(config, stack, app);
  }

  record Response(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Response get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
  }

  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery));
  }

  Response send(HttpRequest request) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String text = response.body();
    JsonNode body =
        text.isEmpty() || !response.headers().firstValue("Content-Type").orElse("").contains("json")
            ? null
            : JSON.readTree(text);
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        body,
        response);
  }

  /** Sends a request line (and optional headers) no URI class would build; returns the answer. */
  String raw(String requestLine, String... headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: x\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    app.stop();
    stack.close();
  }
}
