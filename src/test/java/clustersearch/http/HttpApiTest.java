package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.search.SearchStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real server on port 0 over a temporary index of the real list: every endpoint and error. */
class HttpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path home;
  static SearchStack stack;
  static Javalin app;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    AppConfig config = TestData.config(home);
    stack = TestData.indexAndOpen(home);
    app = HttpApi.create(stack.service(), config.settings()).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    stack.close();
  }

  record Response(int status, String contentType, JsonNode body, HttpResponse<String> raw) {}

  static Response get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
  }

  static Response send(HttpRequest request) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonNode body =
        response.body().isEmpty() || !type.startsWith("application/json")
            ? null
            : JSON.readTree(response.body());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        body,
        response);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode hits) {
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  static void assertError(Response r, int status, String code, String messagePart) {
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode error = r.body().get("error");
    assertThat(error.get("status").asInt()).isEqualTo(status);
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).contains(messagePart);
    assertThat(r.raw().body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void searchAnswersRankedHitsWithEveryFieldAndFacets() throws Exception {
    Response r = get("/api/search?q=" + enc("生物医药"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = r.body();
    assertThat(body.get("query").asText()).isEqualTo("生物医药");
    assertThat(body.get("page").asInt()).isEqualTo(1);
    assertThat(body.get("size").asInt()).isEqualTo(10);
    assertThat(body.get("tookMs").isNumber()).isTrue();
    assertThat(ids(body.get("hits")).subList(0, 3))
        .containsExactlyInAnyOrder("2021-19", "2021-21", "2021-38");
    JsonNode zibo =
        body.get("hits").get(0).get("id").asText().equals("2021-19")
            ? body.get("hits").get(0)
            : body.get("hits").get(2);
    List<String> fields = new ArrayList<>();
    body.get("hits").get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "id",
            "year",
            "seq",
            "region",
            "province",
            "name",
            "builder",
            "builders",
            "recommender",
            "sector",
            "industry",
            "city",
            "areas",
            "listTitle",
            "category",
            "nameEn",
            "provinceEn",
            "sectorEn",
            "industryEn",
            "score",
            "match",
            "readings",
            "highlight");
    assertThat(zibo.get("match").asText()).isEqualTo("exact");
    assertThat(zibo.get("readings").toString()).contains("生物医药 → as typed");
    assertThat(zibo.get("industry").asText()).isEqualTo("生物医药与生物医学工程");
    assertThat(zibo.get("city").asText()).isEqualTo("淄博");
    assertThat(zibo.get("listTitle").asText()).isEqualTo("2021年度创新型产业集群试点（培育）名单");
    assertThat(zibo.get("category").asText()).isEqualTo("试点（培育）");
    assertThat(zibo.get("nameEn").asText())
        .isEqualTo(
            "Zibo High-tech Zone Biomedicine and Biomedical Engineering Innovative Industrial Cluster");
    assertThat(body.at("/understood/industry").toString()).contains("生物医药");
    assertThat(body.get("total").asLong() + body.get("related").asLong())
        .isEqualTo(body.get("hits").size());
    assertThat(body.at("/hits/0/match").asText()).isEqualTo("exact");
    assertThat(body.at("/facets/province").size()).isPositive();
    assertThat(body.at("/facets/industry/0/value").asText()).isEqualTo("生物产业");
    assertThat(body.at("/facets/industry/0/children").size()).isPositive();
  }

  @Test
  void hitsCarryEscapedHighlightsOfNameAndBuilder() throws Exception {
    JsonNode hit = get("/api/search?q=" + enc("新材料科技城") + "&size=1").body().at("/hits/0");

    assertThat(hit.get("id").asText()).isEqualTo("2021-11");
    assertThat(hit.at("/highlight/builder").asText()).isEqualTo("宁波高新区（<em>新材料科技城</em>）管委会");
    assertThat(hit.at("/highlight/name").asText()).isEqualTo("宁波高新区工业互联网创新型产业集群");
  }

  @Test
  void suggestCompletesWordsAndPinyinWithKindAndCount() throws Exception {
    JsonNode words = get("/api/suggest?q=" + enc("生物")).body();
    JsonNode pinyin = get("/api/suggest?q=swy").body();

    assertThat(words.get("query").asText()).isEqualTo("生物");
    assertThat(words.at("/suggestions/0/text").asText()).isEqualTo("生物医药");
    assertThat(words.at("/suggestions/0/kind").asText()).isEqualTo("industry");
    // The count is what searching the suggestion finds, not the clusters of that exact phrase (2).
    assertThat(words.at("/suggestions/0/count").asInt())
        .isEqualTo(
            get("/api/search?q=" + enc("生物医药")).body().get("total").asInt()
                + get("/api/search?q=" + enc("生物医药")).body().get("related").asInt())
        .isEqualTo(7);
    assertThat(words.get("suggestions").size()).isLessThanOrEqualTo(10);
    assertThat(pinyin.at("/suggestions/0/text").asText()).isEqualTo("生物医药");
    assertThat(get("/api/suggest").body().get("suggestions").size()).isZero();
    assertError(get("/api/suggest?q=a&size=0"), 400, "invalid_parameter", "size");
    assertError(get("/api/suggest?q=a&size=x"), 400, "invalid_parameter", "whole number");
  }

  @Test
  void filtersAndPagesCombine() throws Exception {
    Response r = get("/api/search?province=" + enc("山东") + "&size=2&page=2");

    assertThat(r.body().get("total").asLong()).isEqualTo(4);
    assertThat(ids(r.body().get("hits"))).containsExactly("2021-18", "2021-19");
    assertThat(r.body().at("/facets/province").size()).isEqualTo(10); // top 10, sideways
  }

  @Test
  void repeatedAndCommaSeparatedFilterValuesAreOred() throws Exception {
    Response repeated = get("/api/search?province=" + enc("山东") + "&province=" + enc("河南"));
    Response commas = get("/api/search?province=" + enc("山东,河南"));

    assertThat(repeated.body().get("total").asLong()).isEqualTo(6);
    assertThat(commas.body().get("total").asLong()).isEqualTo(6);
  }

  @Test
  void anUnknownFilterValueIsA400NamingTheClosestKnownValues() throws Exception {
    assertError(get("/api/search?province=" + enc("山冬")), 400, "unknown_value", "closest:");
    assertThat(get("/api/search?province=" + enc("山冬")).body().at("/error/message").asText())
        .contains("山东");
    assertError(get("/api/search?industry=" + enc("农业")), 400, "unknown_value", "industry '农业'");
    assertError(get("/api/search?area=" + enc("长三脚")), 400, "unknown_value", "长三角");
  }

  @Test
  void similarClustersShareTheIndustryFirstThenAConceptThenTheSectorThenTheProvince()
      throws Exception {
    JsonNode similar = get("/api/clusters/2021-21/similar?size=6").body().get("similar");

    // 生物医药 (4.1): the same phrase, then the same concept (淄博, 成都), then one below it (细胞
    // 4.1.1, 中药 4.1.3), then the sector only (医疗器械, 4.2).
    assertThat(ids(similar))
        .containsExactly("2021-38", "2021-19", "2021-35", "2021-1", "2021-39", "2021-16");
    assertThat(similar.get(0).get("reasons").toString()).isEqualTo("[\"industry\",\"sector\"]");
    assertThat(similar.get(1).get("reasons").toString())
        .isEqualTo("[\"industryWords\",\"concept\",\"sector\"]");
    assertThat(similar.get(5).get("reasons").toString()).isEqualTo("[\"sector\"]");
    // 淄博's page: 新乡 and 玉溪 (生物医药) above 天津细胞产业, issue 18's complaint.
    List<String> zibo = ids(get("/api/clusters/2021-19/similar?size=6").body().get("similar"));
    assertThat(zibo.indexOf("2021-21")).isLessThan(zibo.indexOf("2021-1"));
    assertThat(zibo.indexOf("2021-38")).isLessThan(zibo.indexOf("2021-1"));
    // And above 威海高端医疗器械 (same province, a concept below 4.1) and 成都医药健康: 生物医药 is in
    // 生物医药与生物医学工程, said as its own reason (was tagged only as the concept or sector).
    assertThat(zibo.subList(0, 2)).containsExactlyInAnyOrder("2021-21", "2021-38");
    assertThat(
            get("/api/clusters/2021-19/similar?size=1").body().at("/similar/0/reasons").toString())
        .isEqualTo("[\"industryWords\",\"concept\",\"sector\"]");
    assertThat(ids(get("/api/clusters/2021-20/similar?size=20").body().get("similar")))
        .doesNotContain("2021-20")
        .contains("2021-21"); // 新乡, the other 河南 cluster
    assertError(get("/api/clusters/2021-99/similar"), 404, "not_found", "2021-99");
  }

  @Test
  void filterValuesAreReadAsPeopleWriteThem() throws Exception {
    for (String province : List.of("山东省", "鲁", "shandong", "Shandong", "SHANDONG")) {
      assertThat(get("/api/search?province=" + enc(province)).body().get("total").asLong())
          .as(province)
          .isEqualTo(4);
    }
    assertThat(get("/api/search?industry=" + enc("生物医药")).body().get("total").asLong())
        .isEqualTo(2);
    assertThat(get("/api/search?area=" + enc("长江三角洲")).body().get("total").asLong()).isEqualTo(6);
  }

  @Test
  void facetAndStatsValuesCarryStableCodesAndEnglishLabels() throws Exception {
    // Issue 18: dashboards could not join the Chinese labels with their own tables.
    JsonNode facets = get("/api/facets").body().get("facets");
    JsonNode stats = get("/api/stats").body();

    for (JsonNode provinces : List.of(facets.get("province"), stats.get("provinces"))) {
      JsonNode shandong = find(provinces, "山东");
      assertThat(shandong.get("code").asText()).isEqualTo("370000");
      assertThat(shandong.get("labelEn").asText()).isEqualTo("Shandong");
    }
    for (JsonNode sectors : List.of(facets.get("industry"), stats.get("sectors"))) {
      JsonNode bio = find(sectors, "生物产业");
      assertThat(bio.get("code").asText()).isEqualTo("4");
      assertThat(bio.get("labelEn").asText()).isEqualTo("Biological Industry");
    }
    JsonNode medicine = find(find(facets.get("industry"), "生物产业").get("children"), "生物医药");
    assertThat(medicine.has("code")).isFalse();
    assertThat(medicine.get("labelEn").asText()).isEqualTo("Biomedicine");
    for (JsonNode areas : List.of(facets.get("area"), stats.get("areas"))) {
      assertThat(find(areas, "长三角").get("code").asText()).isEqualTo("yangtze-river-delta");
      assertThat(find(areas, "东部").get("code").asText()).isEqualTo("eastern-china");
    }
    assertThat(find(facets.get("year"), "2021").get("code").asText()).isEqualTo("2021");
  }

  @Test
  void aHitCarriesItsClusterExactlyAsTheClusterEndpointGivesIt() throws Exception {
    // Hits write their clusters' fields from bytes encoded once per cluster (HitSerializer).
    for (int round = 0; round < 2; round++) { // the second from the encoded fragments
      JsonNode hits = get("/api/search?q=" + enc("生物医药") + "&size=20").body().get("hits");
      assertThat(hits.size()).isGreaterThan(3);
      for (JsonNode hit : hits) {
        com.fasterxml.jackson.databind.node.ObjectNode fields = hit.deepCopy();
        assertThat(fields.remove(List.of("score", "match", "readings", "highlight", "explain")))
            .isNotNull();
        assertThat(fields).isEqualTo(get("/api/clusters/" + hit.get("id").asText()).body());
        assertThat(hit.get("score").isNumber()).isTrue();
        assertThat(hit.get("match").asText()).isIn("exact", "related");
      }
    }
  }

  @Test
  void aYearFacetValueCarriesTheYearAsTheIntegerTheRecordsHold() throws Exception {
    // Issue 18: year facet values were strings while records hold integers.
    JsonNode search = get("/api/search?q=" + enc("生物医药")).body();
    JsonNode record = search.get("hits").get(0);
    for (JsonNode years :
        List.of(
            search.get("facets").get("year"),
            get("/api/facets").body().get("facets").get("year"))) {
      JsonNode year = find(years, "2021");
      assertThat(year.get("year").isInt()).as("an integer, not a string").isTrue();
      assertThat(year.get("year")).isEqualTo(record.get("year"));
    }
    assertThat(find(get("/api/facets").body().get("facets").get("province"), "山东").has("year"))
        .as("only year values carry it")
        .isFalse();
  }

  @Test
  void facetsAndStatsComeAsTidyCsvWhenAsked() throws Exception {
    Response facets = get("/api/facets?format=csv");
    Response stats = get("/api/stats?q=" + enc("生物医药") + "&format=csv");

    assertThat(facets.status()).isEqualTo(200);
    assertThat(facets.contentType()).startsWith("text/csv");
    String text = facets.raw().body();
    assertThat(text).startsWith("\uFEFFdimension,code,label,labelEn,count\r\n");
    assertThat(text)
        .contains("\r\nprovince,370000,山东,Shandong,4\r\n")
        .contains("\r\nsector,4,生物产业,Biological Industry,")
        .contains("\r\nindustry,,生物医药,Biomedicine,")
        .contains("\r\narea,yangtze-river-delta,长三角,Yangtze River Delta,")
        .contains("\r\nyear,2021,2021,,43\r\n");
    assertThat(stats.raw().body())
        .contains("\r\nprovince/sector,370000/4,山东/生物产业,Shandong/Biological Industry,");
    assertError(get("/api/stats?format=xml"), 400, "invalid_parameter", "json or csv");
  }

  private static JsonNode find(JsonNode values, String value) {
    for (JsonNode v : values) {
      if (v.get("value").asText().equals(value)) {
        return v;
      }
    }
    throw new AssertionError(value + " not in " + values);
  }

  @Test
  void facetsAnswerEveryValueAndTheTotal() throws Exception {
    Response r = get("/api/facets");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("total").asLong()).isEqualTo(43);
    JsonNode provinces = r.body().at("/facets/province");
    assertThat(provinces.size()).isEqualTo(22);
    long sum = 0;
    for (JsonNode p : provinces) {
      sum += p.get("count").asLong();
    }
    assertThat(sum).isEqualTo(43);
    Response shandong = get("/api/facets?province=" + enc("山东"));
    assertThat(shandong.body().get("total").asLong()).isEqualTo(4);
    assertThat(shandong.body().at("/facets/province").size()).isEqualTo(22);
    assertThat(shandong.body().at("/facets/industry").size()).isEqualTo(3);
  }

  @Test
  void statsCountEveryProvinceAndSectorWithZerosAndTheMatrix() throws Exception {
    JsonNode stats = get("/api/stats").body();

    assertThat(stats.get("total").asInt()).isEqualTo(43);
    JsonNode provinces = stats.get("provinces");
    assertThat(provinces.size()).isEqualTo(34);
    assertThat(provinces.get(0).get("value").asText()).isEqualTo("北京");
    assertThat(provinces.get(0).get("count").asInt()).isZero();
    assertThat(provinces.get(14).get("value").asText()).isEqualTo("山东");
    assertThat(provinces.get(14).get("count").asInt()).isEqualTo(4);
    JsonNode sectors = stats.get("sectors");
    assertThat(sectors.size()).isEqualTo(10);
    assertThat(sectors.get(0).get("value").asText()).isEqualTo("新一代信息技术产业");
    assertThat(sectors.get(0).get("count").asInt()).isEqualTo(14);
    assertThat(sectors.get(6).get("count").asInt()).isZero(); // 节能环保产业
    assertThat(sectors.get(9).get("value").asText()).isEqualTo("其他");
    JsonNode shandong = stats.at("/matrix/counts/14");
    assertThat(shandong.get(3).asInt()).isEqualTo(2); // 生物产业: 威海, 淄博
    assertThat(stats.at("/matrix/sectors").size()).isEqualTo(10);
  }

  @Test
  void statsFollowTheQueryAndFilters() throws Exception {
    JsonNode stats = get("/api/stats?q=" + enc("生物医药") + "&province=" + enc("山东")).body();

    assertThat(stats.get("total").asInt()).isEqualTo(2);
    assertThat(stats.at("/provinces/14/count").asInt()).isEqualTo(2);
    assertThat(stats.at("/provinces/15/count").asInt()).isZero(); // 河南 is filtered out
  }

  @Test
  void exportGivesEveryMatchingRecordAsCsvWithABomForExcel() throws Exception {
    HttpResponse<byte[]> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/api/export?province=" + enc("山东"))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    String csv = new String(r.body(), StandardCharsets.UTF_8);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("clusters.csv");
    assertThat(r.body()[0]).isEqualTo((byte) 0xEF);
    assertThat(csv.lines()).hasSize(5);
    assertThat(csv.lines().toList().get(0))
        .isEqualTo("\uFEFF编号,年份,序号,地区,省份,城市,集群名称,建设单位,推荐单位,产业门类,产业,区域,英文名称,名单,类别");
    assertThat(csv.lines().toList().get(1))
        .isEqualTo(
            "2021-16,2021,16,山东,山东,威海,威海高新区高端医疗器械创新型产业集群,威海高新区管委会,山东省科技厅,生物产业,高端医疗器械,"
                + "东部、黄河流域、胶东经济圈,Weihai High-tech Zone High-end Medical Devices Innovative Industrial Cluster,"
                + "2021年度创新型产业集群试点（培育）名单,试点（培育）");
  }

  @Test
  void exportGivesAnXlsxWithChineseHeaders() throws Exception {
    HttpResponse<byte[]> r =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/export?format=xlsx&province=" + enc("山东")))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(r.body()))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
      assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("集群名称");
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
      assertThat(sheet.getRow(4).getCell(6).getStringCellValue())
          .isEqualTo("淄博高新区生物医药与生物医学工程创新型产业集群");
      assertThat(sheet.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(19.0);
    }
  }

  @Test
  void theXlsxExportOpensAsATable() throws Exception {
    // Issue 18: no frozen header, no filter, no widths, empty strings for unknown values, and
    // readers warned "Workbook contains no default style".
    HttpResponse<byte[]> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/api/export?format=xlsx")).build(),
            HttpResponse.BodyHandlers.ofByteArray());

    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(r.body()))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:O44");
      // 集群名称 holds names of 20-odd Chinese characters: far wider than the default 8.
      assertThat(sheet.getColumnWidth(6) / 256).isGreaterThan(40);
      assertThat(sheet.getColumnWidth(0) / 256).isBetween(8, 12);
      List<String> empty = new ArrayList<>();
      for (var row : sheet) {
        for (var cell : row) {
          if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
              && cell.getStringCellValue().isEmpty()) {
            empty.add(cell.getAddress().formatAsString());
          }
        }
      }
      assertThat(empty).as("cells holding an empty string instead of a blank").isEmpty();
      assertThat(book.getStylesSource().getCTStylesheet().xmlText())
          .contains("<main:cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>");
    }
  }

  @Test
  void anUnknownClusterOrPathIsA404PageForABrowserAndJsonForTheApi() throws Exception {
    // Issue 18: /clusters/2021-99 answered 200 with an empty page, and an unknown path showed a
    // browser raw JSON.
    for (String path : List.of("/clusters/2021-99", "/no-such-page")) {
      HttpResponse<String> page =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type").orElse(""))
          .as(path)
          .startsWith("text/html");
      assertThat(page.body()).contains("找不到这个页面").contains("href=\"/\"");
    }
    assertThat(get("/clusters/2021-19").status()).isEqualTo(200);
    HttpResponse<String> api =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/api/nope"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).startsWith("{\"error\":{\"status\":404,\"code\":\"not_found\"");
    assertError(get("/no-such-page"), 404, "not_found", "No such endpoint");
  }

  @Test
  void exportGivesJsonWhenAsked() throws Exception {
    JsonNode body = get("/api/export?format=json&q=" + enc("铝")).body();

    assertThat(body.get("total").asInt()).isEqualTo(1);
    assertThat(body.at("/clusters/0/id").asText()).isEqualTo("2021-12");
    assertError(get("/api/export?format=xml"), 400, "invalid_parameter", "csv, xlsx or json");
  }

  @Test
  void aClusterIsFoundById() throws Exception {
    Response r = get("/api/clusters/2021-11");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("region").asText()).isEqualTo("宁波");
    assertThat(r.body().get("province").asText()).isEqualTo("浙江");
    assertThat(r.body().get("builders").get(0).asText()).isEqualTo("宁波高新区（新材料科技城）管委会");
  }

  @Test
  void healthReportsUpAnd43Documents() throws Exception {
    Response r = get("/api/health");

    assertThat(r.body().get("status").asText()).isEqualTo("UP");
    assertThat(r.body().get("documents").asInt()).isEqualTo(43);
  }

  @ParameterizedTest
  @ValueSource(strings = {"size=0", "size=1000", "size=-1", "page=0", "page=-3"})
  void outOfRangePagingIsA400(String params) throws Exception {
    assertError(get("/api/search?" + params), 400, "invalid_parameter", params.split("=")[0]);
  }

  @Test
  void sortOrdersSearchAndExportAndAnUnknownSortIsA400() throws Exception {
    JsonNode byProvince = get("/api/search?size=43&sort=province").body();
    JsonNode exported = get("/api/export?format=json&sort=province").body();

    assertThat(byProvince.at("/hits/0/province").asText()).isEqualTo("天津");
    assertThat(byProvince.at("/hits/42/province").asText()).isEqualTo("新疆");
    assertThat(exported.at("/clusters/0/id").asText())
        .isEqualTo(byProvince.at("/hits/0/id").asText());
    assertThat(get("/api/search?q=" + enc("生物医药") + "&sort=list").body().at("/hits/0/id").asText())
        .isEqualTo("2021-1"); // 天津's 细胞产业, the first of the 7 in list order, ranked 5th
    assertError(
        get("/api/search?sort=newest"), 400, "invalid_parameter", "relevance, list or province");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=abc", "size=ten", "page=1.5", "page=99999999999"})
  void nonNumericPagingIsA400(String params) throws Exception {
    assertError(get("/api/search?" + params), 400, "invalid_parameter", "must be a whole number");
  }

  @Test
  void aPageBeyondTheResultWindowIsA400() throws Exception {
    assertError(get("/api/search?page=1001&size=10"), 400, "result_window_too_large", "10000");
  }

  @Test
  void aMalformedIndustryFilterIsA400() throws Exception {
    assertError(get("/api/search?industry=%2F"), 400, "invalid_parameter", "sector/industry");
    assertError(get("/api/facets?industry=a/b/c"), 400, "invalid_parameter", "sector/industry");
  }

  @Test
  void unknownRoutesAndIdsAre404() throws Exception {
    assertError(get("/api/nothing"), 404, "not_found", "/api/nothing");
    assertError(get("/api/clusters/2021-99"), 404, "not_found", "2021-99");
    assertError(get("/nope"), 404, "not_found", "/nope");
  }

  @Test
  void aMethodTheApiDoesNotServeGetsTheErrorShape() throws Exception {
    Response r =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/search"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(r.status()).isBetween(400, 499);
    assertThat(r.body().get("error").get("status").asInt()).isEqualTo(r.status());
  }

  /** Sends a request line no URI class would build, the way a broken client might. */
  static String raw(String requestLine) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket
          .getOutputStream()
          .write(
              (requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aMalformedUrlGetsTheErrorShapeFromJettyToo() throws Exception {
    String response = raw("GET /api/clusters/% HTTP/1.1");

    assertThat(response).startsWith("HTTP/1.1 400").contains("application/json");
    assertThat(response).contains("{\"error\":{\"status\":400,\"code\":\"bad_request\"");
  }

  @Test
  void aUrlBeyondTheHeaderLimitGetsTheErrorShape() throws Exception {
    String response = raw("GET /api/search?q=" + "a".repeat(70_000) + " HTTP/1.1");

    assertThat(response).startsWith("HTTP/1.1 414").contains("{\"error\":{\"status\":414");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\"", "AND (", "name:", "%", "\\", "生物\"医药", "*:*", "a~2^3 OR", "\uD83D\uDE00"})
  void userTextNeverFailsToParse(String q) throws Exception {
    Response r = get("/api/search?q=" + enc(q));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("query").asText()).isEqualTo(q);
  }

  @Test
  void twoThousandSymbolsGiveAnAnswerNotAnError() throws Exception {
    assertThat(get("/api/search?q=" + enc("!#&()[]{}".repeat(223))).status()).isEqualTo(200);
    Response longCjk = get("/api/search?q=" + enc("生物医药".repeat(500)));
    assertThat(longCjk.status()).isEqualTo(200);
    assertThat(longCjk.body().get("total").asLong()).isPositive();
  }

  @Test
  void anyOriginMayCallTheApiByDefault() throws Exception {
    Response r =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/health"))
                .header("Origin", "http://portal.example.cn")
                .GET()
                .build());

    assertThat(r.raw().headers().firstValue("Access-Control-Allow-Origin")).isPresent();
  }

  @Test
  void aPreflightRequestIsAnswered() throws Exception {
    Response r =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/search"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://portal.example.cn")
                .header("Access-Control-Request-Method", "GET")
                .build());

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.raw().headers().firstValue("Access-Control-Allow-Methods")).contains("GET, HEAD");
    assertThat(r.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }

  @Test
  void anAllowListAdmitsOnlyItsOrigins() {
    var settings = TestData.config(home).settings();
    var restricted =
        new clustersearch.config.Settings(
            new clustersearch.config.Settings.Server(
                null, 0, List.of("http://portal.example.cn"), 2, 16, null, null),
            settings.paths(),
            settings.search(),
            settings.analysis(),
            settings.lists());

    JavalinTest.test(
        HttpApi.create(stack.service(), restricted),
        (server, client) -> {
          var allowed =
              client.get("/api/health", req -> req.header("Origin", "http://portal.example.cn"));
          var refused =
              client.get("/api/health", req -> req.header("Origin", "http://evil.example"));

          assertThat(allowed.headers().get("Access-Control-Allow-Origin"))
              .containsExactly("http://portal.example.cn");
          assertThat(refused.headers().get("Access-Control-Allow-Origin")).isNullOrEmpty();
          // The answer is the same; without the header a browser keeps it from the other page.
          assertThat(refused.code()).isEqualTo(200);
          assertThat(allowed.headers().get("Vary")).contains("Origin");
          var embed = client.get("/embed");
          assertThat(embed.headers().get("Content-Security-Policy"))
              .singleElement()
              .asString()
              .endsWith("frame-ancestors http://portal.example.cn");
        });
  }
}
