package clustersearch.http;

import clustersearch.config.Settings;
import clustersearch.search.SearchService;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the Javalin app from its dependencies; every route is registered here. */
public final class HttpApi {
  /** The longest request line and headers accepted. */
  static final int MAX_URL_BYTES = 64 * 1024;

  /** How long a stopping server waits for requests in flight. */
  static final long STOP_TIMEOUT_MILLIS = 10_000;

  static final String API = "/api";
  static final String ADMIN = API + "/admin";
  static final String EMBED_PAGE = "/embed";

  private static final String HTML = "text/html; charset=utf-8";

  /** The pages with a path of their own, read once from the jar. */
  private static final String DASHBOARD = page("dashboard.html");

  private static final String EMBED = page("embed.html");

  private HttpApi() {}

  private static String page(String name) {
    try (InputStream in = HttpApi.class.getResourceAsStream("/public/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the jar lacks /public/" + name, e);
    }
  }

  /** True for the admin routes, which are never under CORS nor cached. */
  static boolean isAdmin(String path) {
    return path.equals(ADMIN) || path.startsWith(ADMIN + "/");
  }

  /** What GET /api answers: the endpoints, for a person trying curl. */
  public record Index(String name, List<String> endpoints) {}

  /** The app, not started: {@code create(...).start(host, port)}; tests start it on port 0. */
  public static Javalin create(SearchService service, Settings settings) {
    SearchController controller = new SearchController(service, settings.search().defaultSize());
    Index index =
        new Index(
            "cluster-search",
            List.of(
                "GET /api/search?q=&province=&industry=&page=1&size=10",
                "GET /api/facets?q=&province=&industry=",
                "GET /api/suggest?q=&size=10",
                "GET /api/stats?q=&province=&industry=",
                "GET /api/export?q=&province=&industry=&format=csv|json",
                "GET /api/clusters/{id}",
                "GET /api/health",
                "GET /api/ready"));
    Cors cors = new Cors(settings.server());
    SecurityHeaders security = new SecurityHeaders(cors);
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.http.prefer405over404 = true;
          cfg.jetty.threadPool = new QueuedThreadPool(settings.server().threads(), 4);
          cfg.jetty.modifyServer(
              server -> {
                server.setErrorHandler(new JettyErrors());
                // Graceful stop: requests in flight finish, idle connections close, for at most
                // this long; then the server stops anyway.
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
              });
          // A 2,000-character Chinese query is 18 KB once URL-encoded; Jetty's default is 8 KB.
          cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_URL_BYTES));
          cfg.staticFiles.add("/public", Location.CLASSPATH);
          cfg.staticFiles.enableWebjars();
          RoutesConfig routes = cfg.routes;
          routes.before(security::apply);
          cors.register(routes);
          routes.after(HttpApi::htmlCharset);
          get(routes, "/dashboard", ctx -> ctx.contentType(HTML).result(DASHBOARD));
          get(routes, EMBED_PAGE, ctx -> ctx.contentType(HTML).result(EMBED));
          get(routes, API, ctx -> ctx.json(index));
          get(routes, API + "/search", controller::search);
          get(routes, API + "/facets", controller::facets);
          get(routes, API + "/suggest", controller::suggest);
          get(routes, API + "/stats", controller::stats);
          get(routes, API + "/export", controller::export);
          get(routes, API + "/clusters/{id}", controller::cluster);
          get(routes, API + "/health", controller::health);
          get(routes, API + "/ready", controller::ready);
          ErrorMapper.register(routes);
        });
  }

  /** A GET route and its HEAD twin: the same status and headers, and Jetty sends no body. */
  private static void get(RoutesConfig routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  /** Static pages are served as text/html without a charset; the pages are UTF-8. */
  private static void htmlCharset(io.javalin.http.Context ctx) {
    String type = ctx.res().getContentType();
    if (type != null && type.startsWith("text/html") && !type.contains("charset")) {
      ctx.contentType(HTML);
    }
  }
}
