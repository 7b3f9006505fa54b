package clustersearch.http;

import io.javalin.http.Context;

/**
 * Headers every answer carries: no content sniffing, a referrer policy, and a Content Security
 * Policy that admits only the server's own scripts and forbids framing, except on {@code /embed},
 * which the portals of the CORS allow-list may frame. Styles may be inline: the widget's Shadow DOM
 * and ECharts' tooltips style elements from script.
 */
final class SecurityHeaders {
  private static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data: blob:; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors ";

  private final String pagePolicy;
  private final String embedPolicy;

  SecurityHeaders(Cors cors) {
    this.pagePolicy = POLICY + "'none'";
    this.embedPolicy = POLICY + cors.frameAncestors();
  }

  void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    if (ctx.path().equals(HttpApi.EMBED_PAGE)) {
      ctx.header("Content-Security-Policy", embedPolicy);
    } else {
      ctx.header("Content-Security-Policy", pagePolicy);
      ctx.header("X-Frame-Options", "DENY");
    }
  }
}
