package clustersearch.http;

/** A Java Error a route handler ended in, wrapped so the error mapper answers it as any failure. */
final class HandlerError extends RuntimeException {
  HandlerError(Error cause) {
    super(cause.toString(), cause);
  }
}
