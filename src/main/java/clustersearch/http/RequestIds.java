package clustersearch.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Request-Id}: a client's id is honoured when it is a short token (letters, digits and
 * {@code . _ : -}, at most 64), so a proxy's id follows the request through the logs; otherwise a
 * new one is made. It is echoed on the answer and written in the access log line.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    ctx.header(
        HEADER,
        given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString());
  }
}
