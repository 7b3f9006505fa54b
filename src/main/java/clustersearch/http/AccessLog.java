package clustersearch.http;

import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, through SLF4J (logger {@code access}), in key=value form: method, route,
 * status, bytes, duration, client address, request id, and the path cut to a bounded slice. The
 * same place records the request metrics. It is Jetty's request log, so requests that Jetty refuses
 * before the app (a malformed URL) are logged and counted too.
 */
final class AccessLog implements RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("access");

  private static final Pattern STATIC =
      Pattern.compile("/[\\w./-]*\\.(js|css|html|png|svg|ico|json|map|txt)");

  private final List<Route> routes;
  private final Metrics metrics;

  /** A template's segments; {@code {id}} matches any one non-empty segment. */
  private record Route(String template, String[] segments) {
    static Route of(String template) {
      return new Route(template, template.substring(1).split("/", -1));
    }

    /** Compares segment by segment, without a regular expression or a split of the path. */
    boolean matches(String path) {
      if (path.isEmpty() || path.charAt(0) != '/') {
        return false;
      }
      int at = 1;
      for (int i = 0; i < segments.length; i++) {
        int end = path.indexOf('/', at);
        if (end < 0) {
          end = path.length();
        }
        if (i == segments.length - 1 && end != path.length()) {
          return false;
        }
        String segment = segments[i];
        boolean param = segment.startsWith("{");
        if (param
            ? end == at
            : end - at != segment.length() || !path.regionMatches(at, segment, 0, end - at)) {
          return false;
        }
        at = end + 1;
      }
      return true;
    }
  }

  /**
   * @param templates the app's route templates (/api/clusters/{id}); other paths are "static" when
   *     they name a file and "unmatched" otherwise, so the metric labels stay few
   */
  AccessLog(List<String> templates, Metrics metrics) {
    this.routes = templates.stream().map(Route::of).toList();
    this.metrics = metrics;
  }

  @Override
  public void log(Request request, Response response) {
    long nanos = NanoTime.since(request.getBeginNanoTime());
    String path = request.getHttpURI().getPath();
    String route = route(path);
    int status = response.getStatus();
    String method = method(request.getMethod());
    metrics.record(method, route, status, nanos);
    if (LOG.isInfoEnabled()) {
      String id = response.getHeaders().get(RequestIds.HEADER);
      LOG.info(
          "method={} route={} status={} bytes={} ms={} client={} id={} path=\"{}\"",
          method,
          route,
          status,
          Response.getContentBytesWritten(response),
          millis(nanos),
          Request.getRemoteAddr(request),
          id == null ? "-" : id,
          Text.bounded(path).replace("\"", "%22"));
    }
  }

  /** The route template {@code path} was answered by. */
  String route(String path) {
    if (path == null) {
      return "unmatched";
    }
    for (Route r : routes) {
      if (r.matches(path)) {
        return r.template();
      }
    }
    return STATIC.matcher(path).matches() ? "static" : "unmatched";
  }

  /** Milliseconds with two decimals, as String.format("%.2f") would print them, at less cost. */
  static String millis(long nanos) {
    long hundredths = (nanos + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }

  /** The method, or OTHER for one no client of this API sends (so labels stay few). */
  private static String method(String method) {
    return switch (method) {
      case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT" -> method;
      default -> "OTHER";
    };
  }
}
