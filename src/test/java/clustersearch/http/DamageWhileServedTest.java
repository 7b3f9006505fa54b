package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.Damage;
import clustersearch.TestData;
import clustersearch.http.TestServer.Response;
import clustersearch.index.IndexBuild;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, faults 1 and 2: a generation damaged while it is served answered 500 to every search
 * while readiness stayed READY. Now the first failed read checks it, sets it aside, and the next
 * request is served by the newest intact generation, or told that none is left.
 */
class DamageWhileServedTest {

  @Test
  void aGenerationDamagedWhileServedIsSetAsideForTheNewestIntactOne(@TempDir Path home)
      throws Exception {
    Path intact = IndexBuild.run(TestData.config(home)).generation();
    try (TestServer server = TestServer.start(home)) {
      Path served = server.stack.index().generation();
      assertThat(served).isNotEqualTo(intact);
      assertThat(server.get("/api/search?q=" + TestServer.enc("生物医药")).status()).isEqualTo(200);

      Damage.truncate(Damage.largestSegmentFile(served));
      // Another query than the one answered before: that answer is in the response cache.
      Response failed = server.get("/api/search?q=" + TestServer.enc("锂电"));
      Response next = server.get("/api/clusters/2021-19");

      assertThat(failed.status()).isEqualTo(503);
      assertThat(failed.body().get("error").get("code").asText()).isEqualTo("index_unavailable");
      assertThat(failed.header("Cache-Control")).isEqualTo("no-store");
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body().get("id").asText()).isEqualTo("2021-19");
      assertThat(server.get("/api/ready").body().get("generation").asText())
          .isEqualTo(intact.getFileName().toString());
      assertThat(server.get("/metrics").raw().body())
          .contains("cluster_search_index_damaged_total 1.0");
    }
  }

  @Test
  void withNoIntactGenerationLeftTheServerSaysItIsNotReady(@TempDir Path home) throws Exception {
    try (TestServer server = TestServer.start(home)) {
      Damage.truncate(Damage.largestSegmentFile(server.stack.index().generation()));

      assertThat(server.get("/api/search?q=" + TestServer.enc("生物医药")).status()).isEqualTo(503);
      assertThat(server.get("/api/ready").status()).isEqualTo(503);
      Response search = server.get("/api/search?q=" + TestServer.enc("生物医药"));
      assertThat(search.status()).isEqualTo(503);
      assertThat(search.body().get("error").get("code").asText()).isEqualTo("not_ready");
    }
  }
}
