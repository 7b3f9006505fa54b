package clustersearch.http;

import static clustersearch.http.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.http.TestServer.Response;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults of the second hostile probe (issue 17), each reproduced against the real server. */
class SecondProbeFaultsTest {
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

  // Fault 9: the response cache sorted whole parameters, so ?q=A&q=B and ?q=B&q=A shared an entry.

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

  // Fault 10: If-None-Match: * answered 304 before the handler could refuse the request.

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

  // Fault 15: the 404 of a cluster echoed an id of any length.

  @Test
  void aHugeUnknownIdIsNamedShortened() throws Exception {
    String id = "x".repeat(60_000);
    Response r = server.get("/api/clusters/" + id);

    assertThat(r.status()).isEqualTo(404);
    String message = r.body().get("error").get("message").asText();
    assertThat(message.length()).isLessThan(300);
    assertThat(message).contains("xxxx…");
  }
}
