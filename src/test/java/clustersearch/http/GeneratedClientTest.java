package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.client.ApiClient;
import clustersearch.client.ApiException;
import clustersearch.client.api.AdminApi;
import clustersearch.client.api.ClustersApi;
import clustersearch.client.api.OperationsApi;
import clustersearch.client.api.SearchApi;
import clustersearch.client.model.Hit;
import clustersearch.client.model.SearchResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of {@code /openapi.json} called through a Java client that openapi-generator (the
 * Maven plugin, library "native") generates from it in this build, against a live server on the
 * real list: the answers parse into the generated models, the exports come back in each format, and
 * errors are typed exceptions with their status (issue 18; before, the generated TypeScript did not
 * compile and the typed export could not fetch CSV).
 */
class GeneratedClientTest {
  private static final String TOKEN = "generated-client-test-token-0123456789";

  @TempDir static Path home;
  static TestServer server;
  static ApiClient client;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.withAdmin(home, TOKEN);
    client = new ApiClient();
    client.updateBaseUri(server.base);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void searchFacetsStatsAndSuggestParseIntoTheGeneratedModels() throws Exception {
    SearchApi search = new SearchApi(client);

    SearchResult found =
        search.search("生物医药", List.of("山东"), null, null, null, 1, 5, null, null, null, null, null);
    assertThat(found.getTotal()).isPositive();
    assertThat(found.getHits().get(0).getName()).contains("淄博");
    assertThat(found.getHits().get(0).getMatch()).isEqualTo(Hit.MatchEnum.EXACT);
    assertThat(found.getHits().get(0).getCategory()).isEqualTo(Hit.CategoryEnum.PILOT_CULTIVATION);

    var facets = search.facets(null, null, null, null, null, null, null, null, null);
    assertThat(facets.getTotal()).isEqualTo(43);
    assertThat(facets.getFacets().getProvince())
        .filteredOn(v -> v.getValue().equals("山东"))
        .singleElement()
        .satisfies(v -> assertThat(v.getCode()).isEqualTo("370000"));
    assertThat(search.stats("新材料", null, null, null, null, null, null, null, null).getTotal())
        .isPositive();
    assertThat(search.suggest("swyy", 5, null, null).getSuggestions()).isNotEmpty();
  }

  @Test
  void theExportComesBackInEachFormat() throws Exception {
    SearchApi search = new SearchApi(client);

    File csv = search.export(null, List.of("山东"), null, null, null, null, null, "csv", null, null);
    assertThat(Files.readString(csv.toPath(), StandardCharsets.UTF_8))
        .startsWith("\uFEFF")
        .contains("淄博高新区生物医药与生物医学工程创新型产业集群");
    File json =
        search.export(null, List.of("山东"), null, null, null, null, null, "json", null, null);
    assertThat(Files.readString(json.toPath(), StandardCharsets.UTF_8))
        .startsWith("{\"total\":4,\"clusters\":[{\"id\":");
    File xlsx =
        search.export(null, List.of("山东"), null, null, null, null, null, "xlsx", null, null);
    byte[] head = Files.readAllBytes(xlsx.toPath());
    assertThat(new String(head, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
  }

  @Test
  void aClusterItsSimilarClustersAndTheOperationsRoutes() throws Exception {
    ClustersApi clusters = new ClustersApi(client);
    OperationsApi operations = new OperationsApi(client);

    assertThat(clusters.cluster("2021-19", null, null).getName()).contains("淄博");
    assertThat(clusters.similar("2021-19", 3, null, null).getSimilar()).hasSize(3);
    assertThat(operations.health(null).getDocuments()).isEqualTo(43);
    assertThat(operations.ready(null).getGeneration()).startsWith("gen-");
    assertThat(operations.endpoints().getName()).isEqualTo("cluster-search");
    assertThat(operations.metrics()).contains("cluster_search_index_documents 43");
    assertThat(operations.openapi()).isNotNull();
  }

  @Test
  void headAndOptionsAreOperationsOfTheGeneratedClientToo() throws Exception {
    SearchApi search = new SearchApi(client);
    OperationsApi operations = new OperationsApi(client);

    var head =
        search.searchHeadWithHttpInfo(
            "生物医药", null, null, null, null, null, null, null, null, null, null, null);
    assertThat(head.getStatusCode()).isEqualTo(200);
    assertThat(head.getHeaders()).containsKey("etag");
    var allowed = search.searchOptionsWithHttpInfo(null, null);
    assertThat(allowed.getStatusCode()).isEqualTo(204);
    assertThat(allowed.getHeaders().get("allow")).containsExactly("GET, HEAD, OPTIONS");
    var preflight = operations.healthOptionsWithHttpInfo("https://portal.example", "GET");
    assertThat(preflight.getHeaders().get("access-control-allow-methods"))
        .containsExactly("GET, HEAD");
    assertThatThrownBy(() -> operations.healthOptions("https://portal.example", "DELETE"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  @Test
  void errorsAreTypedExceptionsWithTheirStatusAndTheOneShape() {
    ClustersApi clusters = new ClustersApi(client);
    SearchApi search = new SearchApi(client);

    assertThatThrownBy(() -> clusters.cluster("2021-99", null, null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getResponseBody()).contains("\"code\":\"not_found\"");
            });
    assertThatThrownBy(
            () ->
                search.search(
                    null, null, null, null, null, null, 1000, null, null, null, null, null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
  }

  @Test
  void theAdminOperationsWithTheBearerToken() throws Exception {
    assertThatThrownBy(() -> new AdminApi(client).reload())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));

    ApiClient admin = new ApiClient();
    admin.updateBaseUri(server.base);
    admin.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + TOKEN));
    AdminApi api = new AdminApi(admin);

    assertThat(api.reload().getGeneration()).startsWith("gen-");
    assertThat(api.reindex().getClusters()).isEqualTo(43);
  }
}
