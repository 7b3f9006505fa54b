package clustersearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.index.IndexBuild;
import clustersearch.source.SyntheticLists;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports of a large index stream in batches: a server with a 64 MB heap answers JSON, CSV and XLSX
 * exports of 60,000 records, two at a time, with every record exactly once, and searches on.
 * (Before, an export built every record and the whole body in memory: a 100,000-record JSON export
 * ran out of a 256 MB heap.)
 */
class LargeExportTest {
  static final int COUNT = 60_000;

  @Test
  void exportsOfSixtyThousandRecordsStreamThroughASmallHeap(@TempDir Path home) throws Exception {
    Path data = home.resolve("data");
    SyntheticLists.write(TestData.config(home, data), COUNT, List.of(2021, 2022, 2023), 7, data);
    IndexBuild.run(TestData.config(home, data));

    try (ServerProcess server = ServerProcess.serveAsIs("64m", home)) {
      String base = server.awaitServing();
      HttpClient client = HttpClient.newHttpClient();
      CompletableFuture<HttpResponse<byte[]>> json =
          client.sendAsync(
              get(base + "/api/export?format=json"), HttpResponse.BodyHandlers.ofByteArray());
      CompletableFuture<HttpResponse<byte[]>> csv =
          client.sendAsync(
              get(base + "/api/export?format=csv&sort=province"),
              HttpResponse.BodyHandlers.ofByteArray());
      CompletableFuture<HttpResponse<byte[]>> xlsx =
          client.sendAsync(
              get(base + "/api/export?format=xlsx"), HttpResponse.BodyHandlers.ofByteArray());

      assertThat(json.get().statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(json.get().body());
      assertThat(body.get("total").asInt()).isEqualTo(COUNT);
      Set<String> ids = new HashSet<>();
      String previous = "";
      for (JsonNode c : body.get("clusters")) {
        assertThat(ids.add(c.get("id").asText())).as(c.get("id").asText()).isTrue();
        String key = String.format("%d-%09d", c.get("year").asInt(), c.get("seq").asInt());
        assertThat(key).isGreaterThan(previous); // list order
        previous = key;
      }
      assertThat(ids).hasSize(COUNT);

      assertThat(csv.get().statusCode()).isEqualTo(200);
      List<String> lines = new String(csv.get().body(), StandardCharsets.UTF_8).lines().toList();
      assertThat(lines).hasSize(COUNT + 1);
      assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct())
          .hasSize(COUNT);

      assertThat(xlsx.get().statusCode()).isEqualTo(200);
      try (var book =
          new org.apache.poi.xssf.usermodel.XSSFWorkbook(
              new java.io.ByteArrayInputStream(xlsx.get().body()))) {
        assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(COUNT);
      }

      HttpResponse<String> search =
          client.send(
              get(base + "/api/search?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF"),
              HttpResponse.BodyHandlers.ofString());
      assertThat(search.statusCode()).isEqualTo(200);
      assertThat(String.join("\n", server.output)).doesNotContain("OutOfMemoryError");
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).build();
  }
}
