package clustersearch.http;

import clustersearch.config.Settings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * CORS for the read-only API: origins on the allow-list (or any, with "*") get the headers that let
 * a browser page read the answer; other origins get no CORS headers, and the browser keeps the
 * answer from the page. The answer itself is unchanged, as in Elasticsearch. Javalin's bundled
 * plugin is not used because it answers a refused origin with a 400 status around a normal body.
 */
final class Cors {
  private static final String MAX_AGE_SECONDS = "600";

  private final boolean anyOrigin;
  private final List<String> origins;

  Cors(Settings.Server server) {
    this.anyOrigin = server.anyOrigin();
    this.origins = server.corsOrigins();
  }

  void register(RoutesConfig routes) {
    routes.before(this::allow);
    routes.options("/*", this::preflight);
  }

  private void allow(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    if (anyOrigin) {
      ctx.header("Access-Control-Allow-Origin", "*");
    } else if (origins.contains(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
    }
  }

  /** A browser's preflight: which methods and headers a cross-origin GET may use. */
  private void preflight(Context ctx) {
    ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
    String headers = ctx.header("Access-Control-Request-Headers");
    if (headers != null) {
      ctx.header("Access-Control-Allow-Headers", headers);
    }
    ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
    ctx.status(HttpStatus.NO_CONTENT);
  }
}
