package clustersearch.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Marker;

/**
 * Lets at most {@code perMinute} warnings (and errors) with the same logger and message pattern
 * through per minute; the rest are counted and reported in one line with the first such warning
 * after the minute is over (so a burst that stops is reported when it recurs, or never). A client
 * that repeats a request Jetty warns about (a bad authority, say) thereby adds a few lines a
 * minute, not a line per request.
 */
public final class RepeatedWarningFilter extends TurboFilter {
  private static final long MINUTE_NANOS = 60_000_000_000L;

  /** Keys kept at most: a flood of distinct messages cannot grow the map without end. */
  private static final int MAX_KEYS = 1024;

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private volatile int perMinute = 5;

  /** Set by LogSetup, or from a Logback XML file: {@code <perMinute>5</perMinute>}. */
  public void setPerMinute(int perMinute) {
    this.perMinute = perMinute;
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || format == null) {
      return FilterReply.NEUTRAL;
    }
    if (format.startsWith(SUPPRESSED)) {
      return FilterReply.NEUTRAL;
    }
    String key = logger.getName() + '\u0000' + format;
    if (windows.size() >= MAX_KEYS && !windows.containsKey(key)) {
      windows.clear();
    }
    Window window = windows.computeIfAbsent(key, k -> new Window(System.nanoTime()));
    long now = System.nanoTime();
    long suppressed = window.rollIfOver(now);
    if (suppressed > 0) {
      logger.warn(SUPPRESSED + " {} more like \"{}\" in the last minute", suppressed, cut(format));
    }
    return window.admit(perMinute) ? FilterReply.NEUTRAL : FilterReply.DENY;
  }

  private static final String SUPPRESSED = "suppressed:";

  private static String cut(String format) {
    return format.length() <= 80 ? format : format.substring(0, 80) + "…";
  }

  /** One minute of one message: how many went through and how many were held back. */
  private static final class Window {
    private long start;
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong held = new AtomicLong();

    Window(long start) {
      this.start = start;
    }

    /** Starts a new minute when this one is over; returns how many were held back in it. */
    synchronized long rollIfOver(long now) {
      if (now - start < MINUTE_NANOS) {
        return 0;
      }
      start = now;
      passed.set(0);
      return held.getAndSet(0);
    }

    boolean admit(int perMinute) {
      if (passed.incrementAndGet() <= perMinute) {
        return true;
      }
      held.incrementAndGet();
      return false;
    }
  }
}
