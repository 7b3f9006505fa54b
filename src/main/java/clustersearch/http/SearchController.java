package clustersearch.http;

import clustersearch.search.ClusterIndex;
import clustersearch.search.SearchRequest;
import clustersearch.search.SearchResult;
import clustersearch.search.SearchService;
import clustersearch.search.Stats;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Client IO for the search endpoints: read and validate parameters, call the service, answer. */
final class SearchController {
  private static final int DEFAULT_SUGGESTIONS = 10;
  private static final int DEFAULT_SIMILAR = 5;

  private final SearchService service;
  private final int defaultSize;

  SearchController(SearchService service, int defaultSize) {
    this.service = service;
    this.defaultSize = defaultSize;
  }

  /** GET /api/search?q=&province=&industry=&area=&year=&page=&size=&sort=&exact=&explain= */
  void search(Context ctx) throws IOException {
    int page = ctx.queryParamAsClass("page", Integer.class).getOrDefault(1);
    int size = ctx.queryParamAsClass("size", Integer.class).getOrDefault(defaultSize);
    Json.send(ctx, service.search(request(ctx, page, size)));
  }

  /** The sort parameter: relevance (the default), list or province. */
  private static SearchRequest.Order order(Context ctx) {
    String v = ctx.queryParam("sort");
    if (v == null || v.isEmpty()) {
      return SearchRequest.Order.RELEVANCE;
    }
    return SearchRequest.Order.of(v)
        .orElseThrow(
            () ->
                new ApiException(
                    400,
                    "invalid_parameter",
                    "sort must be relevance, list or province, got '" + Text.bounded(v) + "'"));
  }

  /** GET /api/facets?q=&province=&industry=&area=&format=json|csv */
  void facets(Context ctx) throws IOException {
    boolean csv = CountRows.csv(ctx);
    SearchResult.FacetsOnly facets = service.facets(request(ctx, 1, 1));
    if (csv) {
      CountRows.send(ctx, facets.facets());
    } else {
      Json.send(ctx, facets);
    }
  }

  /** GET /api/stats?q=&province=&industry=&area=&format=json|csv */
  void stats(Context ctx) throws IOException {
    boolean csv = CountRows.csv(ctx);
    Stats stats = service.stats(request(ctx, 1, 1));
    if (csv) {
      CountRows.send(ctx, stats);
    } else {
      Json.send(ctx, stats);
    }
  }

  /** The query, filters and switches every search endpoint reads. */
  private static SearchRequest request(Context ctx, int page, int size) {
    return new SearchRequest(
        query(ctx),
        values(ctx, "province"),
        values(ctx, "industry"),
        values(ctx, "area"),
        values(ctx, "year"),
        page,
        size,
        flag(ctx, "exact"),
        flag(ctx, "explain"),
        order(ctx));
  }

  /** A boolean parameter: true, false, or absent (false). */
  private static boolean flag(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty() || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw new ApiException(
        400, "invalid_parameter", name + " must be true or false, got '" + Text.bounded(v) + "'");
  }

  /**
   * GET /api/export?q=&province=&industry=&sort=&format=csv|xlsx|json: every matching record,
   * streamed in batches (only document ids are held for all matches).
   */
  void export(Context ctx) throws IOException {
    String format = ctx.queryParamAsClass("format", String.class).getOrDefault("csv");
    if (!format.equals("csv") && !format.equals("json") && !format.equals("xlsx")) {
      throw new ApiException(
          400,
          "invalid_parameter",
          "format must be csv, xlsx or json, got '" + Text.bounded(format) + "'");
    }
    SearchRequest request = request(ctx, 1, 1);
    try (RecordWriter writer =
        RecordWriter.of(
            format,
            () -> {
              switch (format) {
                case "json" -> ctx.contentType(Json.TYPE);
                case "xlsx" ->
                    ctx.contentType(RecordWriter.XlsxRecords.CONTENT_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"clusters.xlsx\"");
                default ->
                    ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"clusters.csv\"");
              }
              return ctx.outputStream();
            })) {
      service.export(request, writer);
    }
  }

  /** GET /api/suggest?q=&size= */
  void suggest(Context ctx) throws IOException {
    int size = ctx.queryParamAsClass("size", Integer.class).getOrDefault(DEFAULT_SUGGESTIONS);
    Json.send(ctx, service.suggest(query(ctx), size));
  }

  /** GET /api/clusters/{id} */
  void cluster(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Json.send(
        ctx,
        service
            .get(id)
            .orElseThrow(
                () -> ApiException.notFound("No cluster with id '" + Text.bounded(id) + "'")));
  }

  /** GET /api/clusters/{id}/similar?size= */
  void similar(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    int size = ctx.queryParamAsClass("size", Integer.class).getOrDefault(DEFAULT_SIMILAR);
    Json.send(
        ctx,
        service
            .similar(id, size)
            .orElseThrow(
                () -> ApiException.notFound("No cluster with id '" + Text.bounded(id) + "'")));
  }

  /** GET /api/health */
  void health(Context ctx) throws IOException {
    Json.send(ctx, service.health());
  }

  /**
   * GET /api/ready: 200 when a verified generation is served (with a warning when it is not the one
   * {@code CURRENT} names), else 503 with the reason.
   */
  void ready(Context ctx) {
    ClusterIndex.Status status = service.status();
    if (!status.ready()) {
      String reason =
          status.problem() != null
              ? status.problem()
              : "no verified index generation is open yet (the server is starting or building it)";
      throw new ApiException(503, "not_ready", reason);
    }
    Json.send(
        ctx,
        new Ready("READY", status.generation(), status.builtAt().toString(), status.problem()));
  }

  /**
   * What /api/ready answers.
   *
   * @param warning why the generation {@code CURRENT} names is not the one served, or null
   */
  record Ready(String status, String generation, String builtAt, String warning) {}

  private static String query(Context ctx) {
    String q = ctx.queryParam("q");
    return q == null ? "" : q;
  }

  /** A repeated parameter, each value possibly comma-separated: province=山东,湖北&province=广东. */
  private static List<String> values(Context ctx, String name) {
    return ctx.queryParams(name).stream()
        .flatMap(v -> Arrays.stream(v.split("[,，]")))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .toList();
  }
}
