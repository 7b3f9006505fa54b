package clustersearch.http;

import clustersearch.config.Settings;
import clustersearch.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the Javalin app from its dependencies; every route is registered here. */
public final class HttpApi {
  /** The longest request line and headers accepted. */
  static final int MAX_URL_BYTES = 64 * 1024;

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

  /** What GET /api answers: the endpoints, for a person trying curl. */
  public record Index(String name, List<String> endpoints) {}

  /** The app, not started: {@code create(...).start(port)}; tests start it on port 0. */
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
                "GET /api/health"));
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.jetty.threadPool = new QueuedThreadPool(settings.server().threads(), 4);
          cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
          // A 2,000-character Chinese query is 18 KB once URL-encoded; Jetty's default is 8 KB.
          cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_URL_BYTES));
          new Cors(settings.server()).register(cfg.routes);
          cfg.staticFiles.add("/public", Location.CLASSPATH);
          cfg.staticFiles.enableWebjars();
          cfg.routes.get("/dashboard", ctx -> ctx.html(DASHBOARD));
          cfg.routes.get("/embed", ctx -> ctx.html(EMBED));
          cfg.routes.get("/api", ctx -> ctx.json(index));
          cfg.routes.get("/api/search", controller::search);
          cfg.routes.get("/api/facets", controller::facets);
          cfg.routes.get("/api/suggest", controller::suggest);
          cfg.routes.get("/api/stats", controller::stats);
          cfg.routes.get("/api/export", controller::export);
          cfg.routes.get("/api/clusters/{id}", controller::cluster);
          cfg.routes.get("/api/health", controller::health);
          ErrorMapper.register(cfg.routes);
        });
  }
}
