package clustersearch.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * HTTP caching of the GET API for portals and proxies: every answer carries a weak {@code ETag}
 * made of the served generation, the configuration version and a hash of the request (method aside,
 * path and query), and {@code Cache-Control: public, max-age=N} from settings; a request whose
 * {@code If-None-Match} names the current ETag gets 304 and no body. A reindex or a reload changes
 * every ETag. Health, readiness, metrics and admin answers are {@code no-store}.
 */
final class Caching {
  private final Supplier<String> version;
  private final String cacheControl;

  /**
   * @param version the served generation and configuration version
   * @param maxAgeSeconds how long an answer may be reused before it is revalidated
   */
  Caching(Supplier<String> version, int maxAgeSeconds) {
    this.version = version;
    this.cacheControl = "public, max-age=" + maxAgeSeconds;
  }

  /**
   * Before a cacheable GET or HEAD: sets the ETag and Cache-Control, and answers 304 (true: nothing
   * more to do) when the client holds the current answer.
   */
  boolean revalidate(Context ctx) {
    String etag = etag(ctx);
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", cacheControl);
    String held = ctx.header("If-None-Match");
    if (held != null && matches(held, etag)) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return true;
    }
    return false;
  }

  /** An error answer: not to be cached, and not under the ETag set before the error. */
  static void noStoreError(Context ctx) {
    ctx.res().setHeader("ETag", null);
    ctx.header("Cache-Control", "no-store");
  }

  /** Before an answer that is state, not data. */
  static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  private String etag(Context ctx) {
    CRC32C crc = new CRC32C();
    crc.update(ctx.path().getBytes(StandardCharsets.UTF_8));
    String query = ctx.queryString();
    if (query != null) {
      crc.update('?');
      crc.update(query.getBytes(StandardCharsets.UTF_8));
    }
    return "W/\"" + version.get() + "." + Long.toHexString(crc.getValue()) + "\"";
  }

  /**
   * If-None-Match: one tag or a list; weak comparison, as RFC 9110 asks for GET. {@code *} matches
   * nothing here: it is asked before the handler knows whether there is an answer at all, and a 304
   * for a request that would fail (a missing cluster, a bad size) hides the error.
   */
  private static boolean matches(String held, String etag) {
    String bare = etag.substring(2);
    for (String tag : held.split(",")) {
      String t = tag.strip();
      if (t.equals(etag) || t.equals(bare) || t.equals("W/" + bare)) {
        return true;
      }
    }
    return false;
  }
}
