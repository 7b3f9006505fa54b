package clustersearch.http;

import clustersearch.config.Settings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * CORS for the read-only GET API, and for nothing else (pages, the admin routes): origins on the
 * allow-list, or any origin with "*", get the headers that let a browser page read the answer;
 * other origins get none and the browser keeps the answer from the page, which is itself unchanged,
 * as in Elasticsearch. The origin {@code null} (sandboxed frames, files) is admitted only when
 * listed. A preflight is answered for GET and HEAD with a fixed list of request headers, never
 * echoing what was asked (no Authorization, no Cookie); anything else is a 403 of the one shape.
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

  Cors(Settings.Server server) {
    this.anyOrigin = server.anyOrigin();
    this.origins = server.corsOrigins();
  }

  void register(RoutesConfig routes) {
    routes.before(HttpApi.API + "/*", this::allow);
    routes.options(HttpApi.API + "/*", this::preflight);
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
    if (origin == null || HttpApi.isAdmin(ctx.path()) || !isRead(ctx.method().name())) {
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
    String origin = ctx.header("Origin");
    String method = ctx.header("Access-Control-Request-Method");
    if (origin == null || method == null) {
      ctx.header("Allow", HttpApi.isAdmin(ctx.path()) ? "POST, OPTIONS" : "GET, HEAD, OPTIONS");
      ctx.status(HttpStatus.NO_CONTENT);
      return;
    }
    if (HttpApi.isAdmin(ctx.path()) || !admits(origin) || !isRead(method)) {
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
