package clustersearch.search;

/** A request the service cannot answer as asked (a page beyond the result window, say). */
public class InvalidRequestException extends RuntimeException {
  private final String code;

  public InvalidRequestException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** A stable machine-readable code, such as "invalid_parameter". */
  public String code() {
    return code;
  }
}
