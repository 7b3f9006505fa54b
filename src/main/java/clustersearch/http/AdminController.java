package clustersearch.http;

import clustersearch.config.ConfigException;
import clustersearch.config.IoErrors;
import clustersearch.search.IndexAdmin;
import clustersearch.source.ListFormatException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin routes, mounted only when a token is configured ({@code CLUSTER_SEARCH_ADMIN_TOKEN}): a
 * request must carry {@code Authorization: Bearer TOKEN}, compared in constant time; a missing or
 * wrong token is a 401 of the one shape, and a client that sent {@value
 * FailedAttempts#MAX_FAILURES} wrong tokens within a minute gets 429 until that minute ends.
 */
final class AdminController {
  private final IndexAdmin admin;
  private final byte[] token;
  private final FailedAttempts failures;

  AdminController(IndexAdmin admin, String token, FailedAttempts failures) {
    this.admin = admin;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.failures = failures;
  }

  /** Before every admin route (a CORS preflight is refused by {@link Cors} instead). */
  void authorize(Context ctx) {
    if (!ctx.method().name().equals("POST")) {
      return; // OPTIONS answers what the route allows, any other method 405, token or not
    }
    String client = ctx.ip();
    long locked = failures.secondsLocked(client);
    if (locked > 0) {
      ctx.header("Retry-After", Long.toString(locked));
      throw new ApiException(
          429,
          "too_many_attempts",
          "Too many wrong admin tokens from this address; try again in " + locked + " s");
    }
    String header = ctx.header("Authorization");
    byte[] given =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
      failures.failed(client);
      ctx.header("WWW-Authenticate", "Bearer realm=\"cluster-search admin\"");
      throw new ApiException(
          401,
          "unauthorized",
          header == null
              ? "The admin API needs the header Authorization: Bearer <CLUSTER_SEARCH_ADMIN_TOKEN>"
              : "The admin token is wrong");
    }
  }

  /** POST /api/admin/reindex */
  void reindex(Context ctx) {
    try {
      Json.send(ctx, admin.reindex());
    } catch (ListFormatException e) {
      throw new ApiException(
          422,
          "invalid_list",
          IoErrors.relative(e.getMessage(), admin.home()) + " (the served index is unchanged)");
    } catch (IndexAdmin.ReindexFailedException e) {
      throw new ApiException(
          422,
          "reindex_failed",
          "The reindex failed: " + e.getMessage() + " (the served index is unchanged)");
    } catch (IllegalStateException e) {
      throw new ApiException(409, "build_in_progress", e.getMessage());
    }
  }

  /** POST /api/admin/reload */
  void reload(Context ctx) {
    try {
      Json.send(ctx, admin.reload());
    } catch (ConfigException e) {
      throw new ApiException(422, "invalid_config", e.getMessage());
    }
  }
}
