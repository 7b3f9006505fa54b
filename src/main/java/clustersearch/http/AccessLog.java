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

  /** A path segment a template matches: {id}. */
  private static final String PARAM = "[^/]+";

  private final List<Route> routes;
  private final Metrics metrics;

  private record Route(String template, Pattern pattern) {}

  /**
   * @param templates the app's route templates (/api/clusters/{id}); other paths are "static" when
   *     they name a file and "unmatched" otherwise, so the metric labels stay few
   */
  AccessLog(List<String> templates, Metrics metrics) {
    this.routes =
        templates.stream()
            .map(t -> new Route(t, Pattern.compile(t.replaceAll("\\{[^}]+}", PARAM))))
            .toList();
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
          String.format("%.2f", nanos / 1e6),
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
      if (r.pattern().matcher(path).matches()) {
        return r.template();
      }
    }
    return path.matches("/[\\w./-]*\\.(js|css|html|png|svg|ico|json|map|txt)")
        ? "static"
        : "unmatched";
  }

  /** The method, or OTHER for one no client of this API sends (so labels stay few). */
  private static String method(String method) {
    return switch (method) {
      case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT" -> method;
      default -> "OTHER";
    };
  }
}
