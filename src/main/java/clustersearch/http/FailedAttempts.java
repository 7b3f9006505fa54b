package clustersearch.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Failed admin attempts per client address, so a token cannot be guessed by trying: after {@link
 * #MAX_FAILURES} wrong tokens within {@link #WINDOW} a client is refused (429) until the window
 * that began with its first failure ends, whatever token it sends. Bounded: at most {@link
 * #MAX_CLIENTS} addresses are remembered (the oldest go first).
 */
final class FailedAttempts {
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_CLIENTS = 10_000;

  /** The failures of one client since {@code start} (a {@link Ticker} reading). */
  private record Window(long start, int failures) {}

  private final Ticker ticker;
  private final Cache<String, Window> windows;

  FailedAttempts() {
    this(Ticker.systemTicker());
  }

  FailedAttempts(Ticker ticker) {
    this.ticker = ticker;
    this.windows =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(WINDOW)
            .maximumSize(MAX_CLIENTS)
            .build();
  }

  /** Seconds the client must wait before it may try again, or 0 when it may try now. */
  long secondsLocked(String client) {
    Window w = windows.getIfPresent(client);
    if (w == null || w.failures() < MAX_FAILURES) {
      return 0;
    }
    long left = WINDOW.toNanos() - (ticker.read() - w.start());
    return left <= 0 ? 0 : Math.max(1, Duration.ofNanos(left).toSeconds());
  }

  /** Counts a wrong token from the client. */
  void failed(String client) {
    long now = ticker.read();
    windows
        .asMap()
        .compute(
            client,
            (k, w) ->
                w == null || now - w.start() >= WINDOW.toNanos()
                    ? new Window(now, 1)
                    : new Window(w.start(), w.failures() + 1));
  }
}
