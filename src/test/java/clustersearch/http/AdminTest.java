package clustersearch.http;

import static clustersearch.http.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.http.TestServer.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin routes, mounted with a token: reindex and reload, and who may call them. */
class AdminTest {
  private static final String TOKEN = "s3cret-admin-token-0123456789abcdef";

  @TempDir Path home;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.withAdmin(home, TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  Response post(String path, String authorization) throws Exception {
    HttpRequest.Builder request = server.request(path).POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return server.send(request.build());
  }

  @Test
  void withoutATokenOrWithAWrongOneTheAnswerIs401() throws Exception {
    Response none = post("/api/admin/reindex", null);
    Response wrong = post("/api/admin/reindex", "Bearer " + TOKEN + "x");
    Response basic = post("/api/admin/reload", "Basic " + TOKEN);

    for (Response r : List.of(none, wrong, basic)) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body().get("error").get("code").asText()).isEqualTo("unauthorized");
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }
    assertThat(none.body().get("error").get("message").asText())
        .contains("CLUSTER_SEARCH_ADMIN_TOKEN");
  }

  @Test
  void reindexBuildsSwapsAndReportsAndEveryEtagChanges() throws Exception {
    String before = server.stack.index().generation().getFileName().toString();
    String etag = server.get("/api/search?q=" + enc("生物医药")).header("ETag");

    Response r = post("/api/admin/reindex", "Bearer " + TOKEN);

    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.body();
    assertThat(body.get("generation").asText()).startsWith("gen-").isNotEqualTo(before);
    assertThat(body.get("clusters").asInt()).isEqualTo(43);
    assertThat(body.get("lists").get(0).get("file").asText()).isEqualTo("clusters-2021.txt");
    assertThat(body.get("lists").get(0).get("year").asInt()).isEqualTo(2021);
    List<String> other = new ArrayList<>();
    body.get("other").forEach(o -> other.add(o.get("id").asText()));
    assertThat(other).containsExactly("2021-40", "2021-42");
    assertThat(server.get("/api/ready").body().get("generation").asText())
        .isEqualTo(body.get("generation").asText());
    assertThat(server.get("/api/search?q=" + enc("生物医药")).header("ETag")).isNotEqualTo(etag);
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void aReindexInvalidatesEveryCachedAnswer() throws Exception {
    String query = "/api/search?q=" + enc("智能制造") + "&size=50";
    int before = server.get(query).body().get("total").asInt();
    assertThat(server.get(query).body().get("total").asInt()).isEqualTo(before); // now cached
    // The whole index's statistics and facet values are also counted once per reader.
    int clusters = server.get("/api/stats").body().get("total").asInt();
    assertThat(server.get("/api/stats").body().get("total").asInt()).isEqualTo(clusters);
    assertThat(server.get("/api/facets").body().get("total").asInt()).isEqualTo(clusters);
    assertThat(hits()).isPositive();
    // A second list with one more 智能制造 cluster, then a reindex.
    Files.writeString(
        home.resolve("data/clusters-2022.txt"),
        "2022年度创新型产业集群名单\n\n\t1\n\t江苏\n\t苏州高新区智能制造创新型产业集群\n\t苏州高新区管委会\n" + "\t江苏省科技厅\n",
        StandardCharsets.UTF_8);

    assertThat(post("/api/admin/reindex", "Bearer " + TOKEN).status()).isEqualTo(200);

    JsonNode after = server.get(query).body();
    assertThat(after.get("total").asInt()).isEqualTo(before + 1);
    assertThat(after.toString()).contains("2022-1");
    assertThat(server.get("/api/stats").body().get("total").asInt()).isEqualTo(clusters + 1);
    JsonNode facets = server.get("/api/facets").body();
    assertThat(facets.get("total").asInt()).isEqualTo(clusters + 1);
    assertThat(facets.get("facets").get("year").toString()).contains("\"2022\"");
  }

  /** Hits of the response cache so far, from /metrics. */
  private double hits() throws Exception {
    String metrics = server.send(server.request("/metrics").GET().build()).raw().body();
    return metrics
        .lines()
        .filter(
            l ->
                l.startsWith("cache_gets_total{")
                    && l.contains("cache=\"responses\"")
                    && l.contains("result=\"hit\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void aBrokenListIsA422WithFileAndLineAndTheServedIndexIsUntouched() throws Exception {
    String before = server.stack.index().generation().getFileName().toString();
    Path list = home.resolve("data/clusters-2021.txt");
    String text = Files.readString(list, StandardCharsets.UTF_8);
    Files.writeString(list, text.replace("\t淄博高新区\n管委会\n", ""), StandardCharsets.UTF_8);

    Response r = post("/api/admin/reindex", "Bearer " + TOKEN);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body().get("error").get("code").asText()).isEqualTo("invalid_list");
    assertThat(r.body().get("error").get("message").asText())
        .containsPattern("clusters-2021\\.txt:\\d+")
        .contains("4 cells, expected 5")
        .contains("unchanged");
    assertThat(server.get("/api/ready").body().get("generation").asText()).isEqualTo(before);
    JsonNode found = server.get("/api/search?q=" + enc("生物医药")).body();
    assertThat(found.get("total").asInt() + found.get("related").asInt()).isEqualTo(7);
  }

  @Test
  void aShortAdminTokenStopsStartUp() {
    // Issue 17, fault 15: a one-character token was accepted (and is guessed in seconds).
    for (String token : List.of("x", "123456789012345", "1234567890123456789012345678901")) {
      assertThatThrownBy(() -> new HttpApi.Admin(null, token))
          .as(token)
          .isInstanceOf(clustersearch.config.ConfigException.class)
          .hasMessageContaining("at least 32 characters");
    }
    assertThat(new HttpApi.Admin(null, TOKEN).token()).isEqualTo(TOKEN);
  }

  @Test
  void reloadRereadsTheSynonymsAndChangesEveryEtag() throws Exception {
    String etag = server.get("/api/search?q=" + enc("智造")).header("ETag");

    Response r = post("/api/admin/reload", "Bearer " + TOKEN);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("synonyms").asText()).endsWith("synonyms.txt");
    assertThat(r.body().get("rules").asInt()).isPositive();
    assertThat(server.get("/api/search?q=" + enc("智造")).header("ETag")).isNotEqualTo(etag);
  }

  @Test
  void theAdminRoutesAreNeverUnderCors() throws Exception {
    String preflight =
        server.raw(
            "OPTIONS /api/admin/reindex HTTP/1.1",
            "Origin: http://portal.cn",
            "Access-Control-Request-Method: POST");
    assertThat(preflight).startsWith("HTTP/1.1 403").doesNotContain("Access-Control-Allow");

    Response r =
        server.send(
            server
                .request("/api/admin/reload")
                .header("Origin", "http://portal.cn")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void getOnAnAdminRouteIs405WithAllowPost() throws Exception {
    Response r =
        server.send(
            server
                .request("/api/admin/reindex")
                .header("Authorization", "Bearer " + TOKEN)
                .build());

    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).isEqualTo("POST, OPTIONS");
  }

  @Test
  void tenReindexesUnderContinuousQueryLoadLoseAndMixUpNothing() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong answered = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      Thread client =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    check(server.get("/api/search?q=" + enc("生物医药")), failures);
                    Response health = server.get("/api/health");
                    if (health.status() != 200 || health.body().get("documents").asInt() != 43) {
                      failures.add("health: " + health.raw().body());
                    }
                    answered.addAndGet(2);
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                }
              });
      client.start();
      clients.add(client);
    }
    List<String> generations = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Response r = post("/api/admin/reindex", "Bearer " + TOKEN);
      assertThat(r.status()).isEqualTo(200);
      generations.add(r.body().get("generation").asText());
    }
    running.set(false);
    for (Thread client : clients) {
      client.join();
    }

    assertThat(failures).as("failed or inconsistent answers").isEmpty();
    assertThat(answered.get()).isGreaterThan(20);
    assertThat(generations).doesNotHaveDuplicates().hasSize(10);
    assertThat(server.get("/api/ready").body().get("generation").asText())
        .isEqualTo(generations.get(9));
  }

  /** The answer for 生物医药 on the 2021 list: 7 clusters, 淄博 first. */
  private static void check(Response r, ConcurrentLinkedQueue<String> failures) {
    if (r.status() != 200
        || r.body().get("total").asInt() + r.body().get("related").asInt() != 7
        || !r.body().get("hits").get(0).get("id").asText().equals("2021-19")) {
      failures.add("search: " + r.status() + " " + r.raw().body());
    }
  }
}
