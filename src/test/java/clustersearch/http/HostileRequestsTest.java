package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded generator of hostile requests over every endpoint: random Unicode, invalid
 * percent-encodings, huge and repeated parameters, overflowing numbers, Lucene syntax, traversal,
 * every method. Not one may get a 5xx, and every {@code /api} error must have the one shape.
 */
class HostileRequestsTest {
  private static final long SEED = 20261130L;
  private static final int REQUESTS = 10_000;

  private static final String[] PATHS = {
    "/api/search",
    "/api/facets",
    "/api/suggest",
    "/api/stats",
    "/api/export",
    "/api/clusters/",
    "/api/health",
    "/api/ready",
    "/api",
    "/api/admin/reindex",
    "/api/admin/reload",
    "/metrics",
    "/openapi.json",
    "/",
    "/dashboard",
    "/embed",
    "/docs",
    "/app.js",
    "/api/nothing",
    "/nope",
    "/api/../etc/passwd",
    "/webjars/../../etc/passwd",
    "/api/clusters/..%2f..%2fetc%2fpasswd",
    "/api/search/",
    "//api//search",
    "/API/SEARCH",
    "/api/search;jsessionid=x",
    "/favicon.ico"
  };
  private static final String[] PARAMS = {
    "q", "province", "industry", "page", "size", "format", "sort", "q[]", "", "%00"
  };
  private static final String[] METHODS = {
    "GET", "GET", "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
    "TRACE", "FOO"
  };
  private static final String[] NASTY = {
    "99999999999999999999",
    "2147483648",
    "-2147483649",
    "-1",
    "0",
    "1e9",
    "NaN",
    "0x10",
    " 7",
    "title:(a OR b)~2^3",
    "\"unclosed",
    "*",
    "?",
    "\\",
    "a AND OR NOT",
    "/regex/",
    "{!lucene}x",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "生物产业/生物医药/x",
    "/",
    ",,,",
    "生物产业//",
    "\u0000",
    "\uD800",
    "\uFFFF",
    "\u202Etxt",
    "😀😀",
    "ｓｈａｎｄｏｎｇ",
    "null",
    "undefined",
    "${jndi:ldap://x}",
    "%s%n%x",
    "json",
    "csv",
    "xml"
  };

  private final Random random = new Random(SEED);
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  record Answer(int status, String contentType, String body) {}

  @Test
  void tenThousandHostileRequestsGetNo5xxAndEveryApiErrorHasTheOneShape(@TempDir Path home)
      throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    try (TestServer server =
        TestServer.withAdmin(home, "hostile-test-token-0123456789abcdef0123")) {
      for (int i = 0; i < REQUESTS; i++) {
        String method = METHODS[random.nextInt(METHODS.length)];
        // Methods other than GET and HEAD go on a fresh connection of their own: the JDK client
        // would send them on a pooled connection the server may have closed as idle, and it
        // retries only GET and HEAD when that happens.
        boolean raw = random.nextInt(6) == 0 || !(method.equals("GET") || method.equals("HEAD"));
        String path = PATHS[random.nextInt(PATHS.length)];
        if (path.endsWith("/clusters/")) {
          path += raw ? rawValue() : encode(value());
        }
        String target = path + "?" + (raw ? rawQuery() : query());
        Answer answer;
        try {
          answer = raw ? sendRaw(server, method, target) : send(server, method, target);
        } catch (IllegalArgumentException e) {
          continue; // a URI the HTTP client itself refuses: the raw branch covers those
        } catch (IOException e) {
          failures.add(method + " " + cut(target) + " → no answer: " + e.getMessage());
          continue;
        }
        statuses.merge(answer.status(), 1, Integer::sum);
        String problem = problem(method, path, answer);
        if (problem != null && failures.size() < 20) {
          failures.add(method + " " + cut(target) + " → " + problem);
        }
      }
    }
    System.out.println("hostile requests by status: " + statuses);

    assertThat(failures).isEmpty();
    assertThat(statuses.keySet()).allSatisfy(s -> assertThat(s).isLessThan(500));
    assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(REQUESTS * 9 / 10);
    assertThat(statuses).containsKeys(200, 400, 404, 405);
  }

  /** What is wrong with an answer, or null. */
  private static String problem(String method, String path, Answer answer) throws IOException {
    if (answer.status() >= 500) {
      return "status " + answer.status() + ": " + cut(answer.body());
    }
    if (answer.body().contains("\tat ") || answer.body().contains("Exception")) {
      return "a stack trace: " + cut(answer.body());
    }
    boolean api = path.startsWith("/api") || path.startsWith("//api");
    if (!api || answer.status() < 400 || method.equals("HEAD")) {
      return null;
    }
    if (!answer.contentType().startsWith("application/json")) {
      return "error " + answer.status() + " as " + answer.contentType() + ": " + cut(answer.body());
    }
    JsonNode error = TestServer.JSON.readTree(answer.body()).path("error");
    if (error.path("status").asInt() != answer.status()
        || !error.path("code").asText().matches("[a-z_0-9]+")
        || error.path("message").asText().isBlank()
        || error.size() != 3) {
      return "not the one error shape: " + cut(answer.body());
    }
    return null;
  }

  private String value() {
    return switch (random.nextInt(6)) {
      case 0 -> NASTY[random.nextInt(NASTY.length)];
      case 1 -> randomUnicode(1 + random.nextInt(40));
      case 2 -> randomUnicode(1000 + random.nextInt(4000));
      case 3 -> Integer.toString(random.nextInt(200) - 50);
      case 4 -> "生物医药";
      default -> NASTY[random.nextInt(NASTY.length)] + randomUnicode(3);
    };
  }

  private String randomUnicode(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(5);
      int cp =
          switch (kind) {
            case 0 -> 0x20 + random.nextInt(0x5f);
            case 1 -> 0x4e00 + random.nextInt(0x5000);
            case 2 -> random.nextInt(0x20);
            case 3 -> 0x1f300 + random.nextInt(0x300);
            default -> random.nextInt(0x110000);
          };
      if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        s.appendCodePoint(cp);
      }
    }
    return s.toString();
  }

  private String query() {
    StringBuilder q = new StringBuilder();
    int params = random.nextInt(5);
    for (int p = 0; p < params; p++) {
      String name = PARAMS[random.nextInt(PARAMS.length)];
      int repeat = random.nextInt(10) == 0 ? 1 + random.nextInt(300) : 1;
      String v = value();
      for (int r = 0; r < repeat; r++) {
        q.append(q.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(v));
      }
    }
    return q.toString();
  }

  /** A query with what no URI class would build: broken escapes, raw bytes, spaces. */
  private String rawQuery() {
    String[] broken = {"%", "%z", "%zz", "%e4%b8", "%%", "%u4e2d", "%C0%AF", "%ff%fe", "+%2B%20"};
    return PARAMS[random.nextInt(PARAMS.length)]
        + "="
        + broken[random.nextInt(broken.length)]
        + rawValue();
  }

  private String rawValue() {
    String[] raw = {"%", "a%zzb", "%2e%2e%2f%2e%2e%2f", "..\\..\\", "%00", "%0d%0aX-Injected:1"};
    return raw[random.nextInt(raw.length)];
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Answer send(TestServer server, String method, String target) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.base + target))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (random.nextInt(10) == 0) {
      request.header("Authorization", "Bearer " + NASTY[random.nextInt(NASTY.length)].strip());
    }
    if (random.nextInt(10) == 0) {
      request.header("Origin", random.nextBoolean() ? "null" : "http://evil.example");
    }
    if (random.nextInt(20) == 0) {
      request.header("If-None-Match", "W/\"" + randomUnicode(5).replaceAll("[^ -~]", "x") + "\"");
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  private static Answer sendRaw(TestServer server, String method, String target)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(
              (method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String contentType =
          head.lines()
              .filter(l -> l.toLowerCase().startsWith("content-type:"))
              .map(l -> l.substring(13).strip())
              .findFirst()
              .orElse("");
      String body = split < 0 ? "" : text.substring(split + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = body.replaceAll("(?m)^[0-9a-fA-F]+\r$", "").strip();
      }
      return new Answer(status, contentType, body);
    }
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
