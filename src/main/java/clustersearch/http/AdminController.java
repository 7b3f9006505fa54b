package clustersearch.http;

import clustersearch.config.ConfigException;
import clustersearch.search.IndexAdmin;
import clustersearch.source.ListFormatException;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin routes, mounted only when a token is configured ({@code CLUSTER_SEARCH_ADMIN_TOKEN}): a
 * request must carry {@code Authorization: Bearer TOKEN}, compared in constant time; a missing or
 * wrong token is a 401 of the one shape.
 */
final class AdminController {
  private final IndexAdmin admin;
  private final byte[] token;

  AdminController(IndexAdmin admin, String token) {
    this.admin = admin;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Before every admin route (a CORS preflight is refused by {@link Cors} instead). */
  void authorize(Context ctx) {
    if (ctx.method().name().equals("OPTIONS")) {
      return;
    }
    String header = ctx.header("Authorization");
    byte[] given =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
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
  void reindex(Context ctx) throws IOException {
    try {
      Json.send(ctx, admin.reindex());
    } catch (ListFormatException e) {
      throw new ApiException(
          422, "invalid_list", e.getMessage() + " (the served index is unchanged)");
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
