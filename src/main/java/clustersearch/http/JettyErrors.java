package clustersearch.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a malformed URI such as {@code /api/%})
 * get the one error shape too, instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
  /** Every method gets the error body: Jetty leaves it out for all but GET, POST and HEAD. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      // An HTTP version Jetty does not parse (HTTP/1.2, HTTP/0.9) is the client's to change: a
      // 4xx like every other refusal, not a 5xx that monitoring would count as a server fault.
      response.setStatus(400);
      byte[] body =
          Json.bytes(
              ApiError.of(
                  400,
                  "http_version_not_supported",
                  "This server speaks HTTP/1.1 (and HTTP/1.0); send the request as HTTP/1.1."));
      send(response, body, callback);
      return;
    }
    String text =
        switch (code) {
          case 400 -> "The request is malformed (check its URL encoding).";
          case 414, 431 -> "The URL is too long; a long query is cut to its first words anyway.";
          default -> HttpStatus.getMessage(code);
        };
    send(response, Json.bytes(ApiError.of(code, ErrorMapper.codeOf(code), text)), callback);
  }

  private static void send(Response response, byte[] body, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    // Jetty closes the connection after a request it could not parse; saying so keeps clients
    // from sending their next request on a connection that is about to close.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
