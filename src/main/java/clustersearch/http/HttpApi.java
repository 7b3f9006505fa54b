package clustersearch.http;

import clustersearch.config.Settings;
import clustersearch.search.IndexAdmin;
import clustersearch.search.SearchService;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  /** The pages with a path of their own, and the API description, read once from the jar. */
  private static final String DASHBOARD = resource("public/dashboard.html");

  private static final String EMBED = resource("public/embed.html");
  private static final String DOCS = resource("public/docs.html");
  private static final String CLUSTER_PAGE = resource("public/cluster.html");
  static final String NOT_FOUND_PAGE = resource("public/not-found.html");
  static final String OPENAPI = resource("openapi.json");

  /** The webjar files the pages load (versions pinned in the pom); no other is served. */
  static final Set<String> WEBJAR_FILES =
      Set.of(
          "/webjars/echarts/4.1.0/map/json/china.json",
          "/webjars/echarts/5.3.1/dist/echarts.min.js",
          "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js",
          "/webjars/swagger-ui/5.34.1/swagger-ui.css");

  /** Answers up to this size go out whole, with a Content-Length (see the Jetty settings below). */
  static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

  /** The chunk in which Javalin hands an answer to Jetty. */
  private static final int COPY_BUFFER_BYTES = 4 * 1024;

  private HttpApi() {}

  private static String resource(String name) {
    try (InputStream in = HttpApi.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the jar lacks /" + name, e);
    }
  }

  /** True for the admin routes, which are never under CORS nor cached. */
  static boolean isAdmin(String path) {
    return path.equals(ADMIN) || path.startsWith(ADMIN + "/");
  }

  /** The admin routes' service and bearer token; without them the routes are not mounted at all. */
  public record Admin(IndexAdmin admin, String token) {
    /** The shortest bearer token accepted: a short one is guessed by trying. */
    public static final int MIN_TOKEN_LENGTH = 32;

    public Admin {
      if (token == null || token.length() < MIN_TOKEN_LENGTH) {
        throw new clustersearch.config.ConfigException(
            "the admin token must be at least "
                + MIN_TOKEN_LENGTH
                + " characters (got "
                + (token == null ? 0 : token.length())
                + "); make one with: openssl rand -hex 16");
      }
    }
  }

  /** What GET /api answers: the endpoints, for a person trying curl. */
  public record Index(String name, List<String> endpoints, String openapi, String docs) {}

  /** The app without admin routes, not started; tests start it on port 0. */
  public static Javalin create(SearchService service, Settings settings) {
    return create(service, settings, null);
  }

  /**
   * The app, not started: {@code create(...).start(host, port)}.
   *
   * @param admin the admin service and token, or null for none (the routes answer 404)
   */
  public static Javalin create(SearchService service, Settings settings, Admin admin) {
    SearchController controller = new SearchController(service, settings.search().defaultSize());
    Cors cors = new Cors(settings.server(), admin != null);
    SecurityHeaders security = new SecurityHeaders(cors);
    Caching caching = new Caching(service::answerVersion, settings.server().cacheMaxAgeSeconds());
    Metrics metrics = new Metrics(service);
    ResponseCache responses =
        new ResponseCache(
            service::answerVersion, settings.server().responseCacheMegabytes(), metrics.registry());
    List<String> templates = new ArrayList<>(List.of("/", "/index.html"));
    List<String> endpoints = new ArrayList<>();
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.http.prefer405over404 = true;
          // Javalin copies each answer into Jetty through a buffer it allocates per response, as
          // large as Jetty's output buffer (64 KB here, below) unless set: 64 KB of garbage per
          // request, most of what /api/health allocated (bench/harness.sh). Jetty still gathers
          // the answer in its pooled 64 KB buffer and sends it in one write.
          cfg.http.responseBufferSize = COPY_BUFFER_BYTES;
          cfg.jetty.threadPool = new QueuedThreadPool(settings.server().threads(), 4);
          cfg.jetty.modifyServer(
              server -> {
                server.setErrorHandler(new JettyErrors());
                server.setRequestLog(new AccessLog(templates, metrics));
                // Graceful stop: requests in flight finish, idle connections close, for at most
                // this long; then the server stops anyway.
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
              });
          cfg.jetty.modifyHttpConfiguration(
              http -> {
                // A 2,000-character Chinese query is 18 KB once URL-encoded; Jetty's default is 8
                // KB.
                http.setRequestHeaderSize(MAX_URL_BYTES);
                // An answer up to 64 KB goes out whole, with its Content-Length, in one write: one
                // over 8 KB went out chunked in two, and a replica killed between them left nginx
                // half an answer it could not retry (ReplicasBehindNginxTest). Exports still
                // stream.
                http.setOutputBufferSize(RESPONSE_BUFFER_BYTES);
                http.setOutputAggregationSize(RESPONSE_BUFFER_BYTES);
              });
          cfg.staticFiles.add("/public", Location.CLASSPATH);
          // Only the webjar files the pages load: swagger-ui's own index.html and
          // oauth2-redirect.html (a petstore demo and an OAuth relay) are not served.
          cfg.staticFiles.add(
              files -> {
                files.hostedPath = "/webjars";
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=31622400");
                files.skipFileFunction = req -> !WEBJAR_FILES.contains(req.getRequestURI());
              });
          cfg.events.serverStopped(metrics::close);
          Routes routes =
              new Routes(cfg.routes, templates, endpoints, new StrictParameters(OPENAPI));
          routes.raw.before(RequestIds::assign);
          routes.raw.before(security::apply);
          cors.register(routes.raw);
          routes.raw.after(HttpApi::htmlCharset);

          routes.page("/dashboard", ctx -> ctx.contentType(HTML).result(DASHBOARD));
          routes.page(EMBED_PAGE, ctx -> ctx.contentType(HTML).result(EMBED));
          routes.page("/docs", ctx -> ctx.contentType(HTML).result(DOCS));
          routes.page(
              "/clusters/{id}",
              ctx -> {
                if (service.get(ctx.pathParam("id")).isPresent()) {
                  ctx.contentType(HTML).result(CLUSTER_PAGE);
                } else {
                  ErrorMapper.notFoundPage(ctx); // a page a person reads, not an empty one
                }
              });
          routes.state("/metrics", ctx -> ctx.contentType(PROMETHEUS).result(metrics.scrape()));
          routes.data(
              "/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI), caching);
          routes.data(
              API,
              ctx ->
                  Json.send(ctx, new Index("cluster-search", endpoints, "/openapi.json", "/docs")),
              caching);
          routes.data(API + "/search", responses.around(controller::search), caching);
          routes.data(API + "/facets", responses.around(controller::facets), caching);
          routes.data(API + "/suggest", responses.around(controller::suggest), caching);
          routes.data(API + "/stats", responses.around(controller::stats), caching);
          routes.data(API + "/export", controller::export, caching); // streamed, not kept
          routes.data(API + "/clusters/{id}", responses.around(controller::cluster), caching);
          routes.data(
              API + "/clusters/{id}/similar", responses.around(controller::similar), caching);
          routes.state(API + "/health", controller::health);
          routes.state(API + "/ready", controller::ready);
          if (admin != null) {
            AdminController controls =
                new AdminController(admin.admin(), admin.token(), new FailedAttempts());
            routes.raw.before(ADMIN + "/*", controls::authorize);
            routes.admin(ADMIN + "/reindex", controls::reindex);
            routes.admin(ADMIN + "/reload", controls::reload);
          }
          ErrorMapper.register(routes.raw, service::checkServedIndex);
        });
  }

  /** Registers routes by kind, and lists their templates for the access log and GET /api. */
  private record Routes(
      RoutesConfig raw, List<String> templates, List<String> endpoints, StrictParameters strict) {
    /** A page: GET and HEAD. */
    void page(String path, Handler handler) {
      get(path, handler);
    }

    /**
     * Data that changes only with the index or configuration: ETag and Cache-Control, and 304 to a
     * client holding the current answer. The caching headers are set in the route's own handler,
     * not by path-matched before and after handlers, which Javalin matches by regular expression
     * for every request ({@link ErrorMapper} makes every error answer no-store).
     */
    void data(String path, Handler handler, Caching caching) {
      get(
          path,
          ctx -> {
            strict.check(path, ctx);
            if (!caching.revalidate(ctx)) {
              handler.handle(ctx);
            }
          });
      if (path.startsWith(API)) {
        endpoints.add("GET " + path);
      }
    }

    /** State that must be read fresh each time: health, readiness, metrics. */
    void state(String path, Handler handler) {
      get(
          path,
          noStore(
              ctx -> {
                strict.check(path, ctx);
                handler.handle(ctx);
              }));
      if (path.startsWith(API)) {
        endpoints.add("GET " + path);
      }
    }

    /** An admin action: POST only, never cached. */
    void admin(String path, Handler handler) {
      raw.post(path, mapped(noStore(handler)));
      templates.add(path);
      endpoints.add("POST " + path + " (Authorization: Bearer …)");
    }

    /** {@code handler}, its answer marked no-store first. */
    private static Handler noStore(Handler handler) {
      return ctx -> {
        Caching.noStore(ctx);
        handler.handle(ctx);
      };
    }

    /** A GET route and its HEAD twin: the same status and headers, and Jetty sends no body. */
    private void get(String path, Handler handler) {
      raw.get(path, mapped(handler));
      raw.head(path, mapped(handler));
      templates.add(path);
    }

    /**
     * {@code handler} with a Java {@code Error} (a read of a damaged mapped file ends in
     * InternalError) handed to the error mapper as {@link HandlerError}: Javalin maps exceptions
     * only, and an Error left the answer a cacheable text/plain 500 with an empty body.
     */
    private static Handler mapped(Handler handler) {
      return ctx -> {
        try {
          handler.handle(ctx);
        } catch (Error e) {
          throw new HandlerError(e);
        }
      };
    }
  }

  /** Static pages are served as text/html without a charset; the pages are UTF-8. */
  private static void htmlCharset(Context ctx) {
    String type = ctx.res().getContentType();
    if (type != null && type.startsWith("text/html") && !type.contains("charset")) {
      ctx.contentType(HTML);
    }
  }
}
