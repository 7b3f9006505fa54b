package clustersearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests of {@code serve --training-run}: the launcher runs a server once after each build,
 * on a free loopback port, sends it this fixed set (every route, every kind of query, filters,
 * pages, exports, the pages a person opens and the errors), stops it, and the JVM writes the
 * class-data-sharing archive of the classes that loaded. The same requests every time, so every
 * archive holds the same classes; the archive once written by whichever server stopped first held
 * whatever that server had served (BENCHMARKS.md: one made a server four times slower).
 */
final class TrainingRun {
  private TrainingRun() {}

  /** Queries of every kind the understanding reads: a phrase, a question, places, English… */
  private static final List<String> QUERIES =
      List.of(
          "生物医药",
          "江苏有哪些电子元器件集群",
          "武汉 光电",
          "biomedicine",
          "shengwu yiyao",
          "生物医要",
          "锂电池",
          "长三角 新材料",
          "\"智能制造\" -装备",
          "province:山东 医药",
          "zzzz");

  /** Every route once or more, the errors too. */
  static List<String> paths() {
    List<String> paths = new java.util.ArrayList<>();
    paths.add("/api/health");
    paths.add("/api/ready");
    for (String q : QUERIES) {
      String e = URLEncoder.encode(q, StandardCharsets.UTF_8);
      paths.add("/api/search?q=" + e);
      paths.add("/api/suggest?q=" + e);
    }
    String q = URLEncoder.encode("生物医药", StandardCharsets.UTF_8);
    String province = URLEncoder.encode("山东", StandardCharsets.UTF_8);
    String sector = URLEncoder.encode("生物产业", StandardCharsets.UTF_8);
    // Exports of a few clusters: a whole list's export of a million clusters takes a minute.
    String few = "q=" + URLEncoder.encode("富硒", StandardCharsets.UTF_8) + "&province=" + province;
    paths.addAll(
        List.of(
            "/api/search",
            "/api/search?q=" + q + "&province=" + province,
            "/api/search?q=" + q + "&industry=" + sector + "&page=2&size=5",
            "/api/search?q=" + q + "&sort=list",
            "/api/search?q=" + q + "&sort=province",
            "/api/search?q=" + q + "&explain=true",
            "/api/facets?q=" + q,
            "/api/stats",
            "/api/stats?q=" + q,
            "/api/export?format=json&" + few,
            "/api/export?format=csv&" + few,
            "/api/clusters/2021-19",
            "/api/clusters/2021-19/similar",
            "/api",
            "/",
            "/dashboard",
            "/docs",
            "/embed",
            "/clusters/2021-19",
            "/openapi.json",
            "/metrics",
            "/app.js",
            // The error paths: a 404 page and JSON 400 and 404 answers.
            "/api/clusters/2099-1",
            "/api/search?size=abc",
            "/api/search?nope=1",
            "/nowhere"));
    return paths;
  }

  /**
   * Sends every request of {@link #paths()} to {@code base} and reads each answer whole.
   *
   * @return how many answers had each status
   */
  static Map<Integer, Integer> run(String base) {
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (String path : paths()) {
      statuses.merge(get(base + path), 1, Integer::sum);
    }
    return statuses;
  }

  private static int get(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setRequestProperty("Accept", "application/json, text/html");
      int status = c.getResponseCode();
      try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
        if (in != null) {
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
      return status;
    } catch (IOException e) {
      throw new UncheckedIOException("training request " + url, e);
    }
  }
}
