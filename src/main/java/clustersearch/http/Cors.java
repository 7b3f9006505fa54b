package clustersearch.http;

import clustersearch.config.Settings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * CORS for the read-only GET API and its document ({@code /openapi.json}), and for nothing else
 * (pages, {@code /metrics}, the admin routes): origins on the allow-list, or any origin with "*",
 * get the headers that let a browser page read the answer; other origins get none and the browser
 * keeps the answer from the page, which is itself unchanged, as in Elasticsearch. The origin {@code
 * null} (sandboxed frames, files) is admitted only when listed. A preflight is answered for GET and
 * HEAD with a fixed list of request headers, never echoing what was asked (no Authorization, no
 * Cookie); anything else is a 403 of the one shape. A plain OPTIONS (no Origin) to any route of the
 * API, {@code /openapi.json} or {@code /metrics} answers 204 with the route's methods in {@code
 * Allow}.
 */
final class Cors {
  /** The request headers a cross-origin page may send beyond the CORS-safelisted ones. */
  static final String ALLOWED_HEADERS = "If-None-Match, X-Request-Id";

  /** The response headers a cross-origin page may read beyond the safelisted ones. */
  static final String EXPOSED_HEADERS = "ETag, X-Request-Id";

  private static final String MAX_AGE_SECONDS = "600";
  private static final String NULL_ORIGIN = "null";

  private final boolean anyOrigin;
  private final List<String> origins;
  private final boolean adminMounted;

  /**
   * @param adminMounted whether the admin routes exist; when not, OPTIONS to them is a 404 like
   *     every other method
   */
  Cors(Settings.Server server, boolean adminMounted) {
    this.anyOrigin = server.anyOrigin();
    this.origins = server.corsOrigins();
    this.adminMounted = adminMounted;
  }

  void register(RoutesConfig routes) {
    for (String path : List.of(HttpApi.API, HttpApi.API + "/*", "/openapi.json")) {
      routes.before(path, this::allow);
    }
    for (String path : List.of(HttpApi.API, HttpApi.API + "/*", "/openapi.json", "/metrics")) {
      routes.options(path, this::preflight);
    }
  }

  /** Routes no other origin may read: the admin routes and the metrics. */
  private static boolean closed(String path) {
    return HttpApi.isAdmin(path) || path.equals("/metrics");
  }

  /** True when a page of {@code origin} may read the API's answers. */
  boolean admits(String origin) {
    return origin != null
        && (origins.contains(origin) || (anyOrigin && !NULL_ORIGIN.equals(origin)));
  }

  /** The CSP {@code frame-ancestors} source list of the embed page: the same origins. */
  String frameAncestors() {
    if (anyOrigin) {
      return "*";
    }
    List<String> listed = origins.stream().filter(o -> !NULL_ORIGIN.equals(o)).toList();
    return listed.isEmpty() ? "'none'" : String.join(" ", listed);
  }

  private void allow(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || closed(ctx.path()) || !isRead(ctx.method().name())) {
      return;
    }
    if (admits(origin)) {
      ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
      ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
    if (!anyOrigin) {
      ctx.header("Vary", "Origin");
    }
  }

  /** A browser's preflight, or a plain OPTIONS asking what the route allows. */
  private void preflight(Context ctx) {
    if (HttpApi.isAdmin(ctx.path()) && !adminMounted) {
      ErrorMapper.notFound(ctx);
      return;
    }
    String origin = ctx.header("Origin");
    String method = ctx.header("Access-Control-Request-Method");
    if (origin == null || method == null) {
      ctx.header("Allow", HttpApi.isAdmin(ctx.path()) ? "POST, OPTIONS" : "GET, HEAD, OPTIONS");
      ctx.status(HttpStatus.NO_CONTENT);
      return;
    }
    if (closed(ctx.path()) || !admits(origin) || !isRead(method)) {
      throw new ApiException(
          403,
          "cors_refused",
          "Cross-origin "
              + Text.bounded(method)
              + " from origin '"
              + Text.bounded(origin)
              + "' is not allowed: the API admits GET and HEAD from the origins of"
              + " server.corsOrigins");
    }
    ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
    ctx.header("Access-Control-Allow-Methods", "GET, HEAD");
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
    if (!anyOrigin) {
      ctx.header("Vary", "Origin");
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }
}
