package clustersearch.http;

import clustersearch.search.IndexNotReadyException;
import clustersearch.search.InvalidRequestException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to the one error shape; no stack trace ever reaches a client. */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  /**
   * @param damaged asked after an unexpected failure: true when the served index was found damaged
   *     and set aside (the answer is then a 503 to retry, not a 500)
   */
  static void register(RoutesConfig routes, java.util.function.BooleanSupplier damaged) {
    routes.exception(
        ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage()));
    routes.exception(
        InvalidRequestException.class, (e, ctx) -> send(ctx, 400, e.code(), e.getMessage()));
    routes.exception(
        IndexNotReadyException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", "5");
          send(ctx, 503, "not_ready", "The index is not ready: " + e.getMessage());
        });
    routes.exception(
        ValidationException.class,
        (e, ctx) -> send(ctx, 400, "invalid_parameter", describe(e.getErrors(), ctx)));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          String allow = allowed(e.getDetails().get("availableMethods"));
          if (e.getStatus() == 405 && (allow.equals("OPTIONS") || allow.isEmpty())) {
            // Only the CORS preflight route (/api/*) matched: no such endpoint. (Javalin leaves
            // the methods out of the details when the client accepts HTML: a browser got a 405
            // with an empty Allow.)
            notFound(ctx);
          } else if (e.getStatus() == 405) {
            ctx.header("Allow", allow);
            send(
                ctx,
                405,
                codeOf(405),
                ctx.method() + " is not allowed on " + Text.bounded(ctx.path()) + "; use " + allow);
          } else if (e.getStatus() == 404) {
            notFound(ctx);
          } else {
            send(ctx, e.getStatus(), codeOf(e.getStatus()), e.getMessage());
          }
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (damaged.getAsBoolean()) {
            // Logged once by the index; a retry is served by an intact generation, or told
            // that none is left.
            ctx.header("Retry-After", "1");
            send(
                ctx,
                503,
                "index_unavailable",
                "The served index was found damaged and set aside; retry the request.");
            return;
          }
          LOG.error("{} {} failed", ctx.method(), Text.bounded(ctx.path()), e);
          send(ctx, 500, "internal_error", "The server failed to answer this request.");
        });
    routes.error(
        404,
        ctx -> {
          if (ctx.result() == null) {
            notFound(ctx);
          }
        });
  }

  /** The one answer to a path that is not there (for a browser, the not-found page). */
  static void notFound(Context ctx) {
    if (wantsPage(ctx)) {
      notFoundPage(ctx);
      return;
    }
    send(
        ctx,
        404,
        "not_found",
        "No such endpoint: " + ctx.method() + " " + Text.bounded(ctx.path()));
  }

  /**
   * A browser asking for a page that is not there gets a page (in Chinese and English) with a way
   * back; programs and every path of the API get the JSON error.
   */
  private static boolean wantsPage(Context ctx) {
    String accept = ctx.header("Accept");
    String path = ctx.path();
    return accept != null
        && accept.contains("text/html")
        && !path.startsWith(HttpApi.API)
        && !path.equals("/metrics")
        && !path.equals("/openapi.json");
  }

  /** 404 with the not-found page. */
  static void notFoundPage(Context ctx) {
    Caching.noStoreError(ctx);
    ctx.status(404).contentType("text/html; charset=utf-8").result(HttpApi.NOT_FOUND_PAGE);
  }

  private static void send(Context ctx, int status, String code, String message) {
    Caching.noStoreError(ctx);
    Json.send(ctx.status(status), ApiError.of(status, code, message));
  }

  /**
   * "page must be a whole number, got 'abc'" for Javalin's conversion errors; checks as written.
   */
  private static String describe(Map<String, List<ValidationError<Object>>> errors, Context ctx) {
    return errors.entrySet().stream()
        .map(
            e ->
                e.getValue().stream()
                    .map(
                        error ->
                            "TYPE_CONVERSION_FAILED".equals(error.getMessage())
                                ? e.getKey()
                                    + " must be a whole number, got '"
                                    + Text.bounded(ctx.queryParam(e.getKey()))
                                    + "'"
                                : e.getKey() + ": " + error.getMessage())
                    .collect(Collectors.joining("; ")))
        .collect(Collectors.joining("; "));
  }

  /** The methods a route serves, in a fixed order, from Javalin's "GET, OPTIONS, HEAD". */
  private static String allowed(String available) {
    List<String> methods = List.of((available == null ? "" : available).split(",\\s*"));
    return Stream.of("GET", "HEAD", "POST", "OPTIONS")
        .filter(methods::contains)
        .collect(Collectors.joining(", "));
  }

  /** The machine-readable code of an HTTP status, for every error this server sends. */
  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 414, 431 -> "uri_too_long";
      case 503 -> "not_ready";
      case 505 -> "http_version_not_supported";
      default -> status >= 500 ? "internal_error" : "http_" + status;
    };
  }
}
