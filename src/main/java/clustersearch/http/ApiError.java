package clustersearch.http;

/** The one error shape: {@code {"error":{"status":400,"code":"...","message":"..."}}}. */
public record ApiError(Body error) {

  /** What went wrong, for a person (message) and for a program (code). */
  public record Body(int status, String code, String message) {}

  public static ApiError of(int status, String code, String message) {
    return new ApiError(new Body(status, code, message));
  }
}
