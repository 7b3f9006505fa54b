package clustersearch.search;

/** No verified index generation is open: the server is starting, rebuilding, or has none. */
public class IndexNotReadyException extends RuntimeException {
  public IndexNotReadyException(String message) {
    super(message);
  }
}
