package clustersearch.http;

/** A request that ends in a 4xx error of the one shape; thrown by handlers, mapped in one place. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }
}
