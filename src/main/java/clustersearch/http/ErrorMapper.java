package clustersearch.http;

import clustersearch.search.InvalidRequestException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to the one error shape; no stack trace ever reaches a client. */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static void register(RoutesConfig routes) {
    routes.exception(
        ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage()));
    routes.exception(
        InvalidRequestException.class, (e, ctx) -> send(ctx, 400, e.code(), e.getMessage()));
    routes.exception(
        ValidationException.class,
        (e, ctx) -> send(ctx, 400, "invalid_parameter", describe(e.getErrors(), ctx)));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> send(ctx, e.getStatus(), codeOf(e.getStatus()), e.getMessage()));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          send(ctx, 500, "internal_error", "The server failed to answer this request.");
        });
    routes.error(
        404,
        ctx -> {
          if (ctx.result() == null) {
            send(ctx, 404, "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path());
          }
        });
  }

  private static void send(Context ctx, int status, String code, String message) {
    ctx.status(status).json(ApiError.of(status, code, message));
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
                                    + ctx.queryParam(e.getKey())
                                    + "'"
                                : e.getKey() + ": " + error.getMessage())
                    .collect(Collectors.joining("; ")))
        .collect(Collectors.joining("; "));
  }

  /** The machine-readable code of an HTTP status, for every error this server sends. */
  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 414, 431 -> "uri_too_long";
      default -> status >= 500 ? "internal_error" : "http_" + status;
    };
  }
}
