package clustersearch.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A log line's time as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the machine's zone, written from the
 * second's text kept once per second: Logback's date converter formats the whole date again for
 * every millisecond, 2.6 % of a search's CPU under bench/harness.sh (every request writes an access
 * log line). The same text as the formatter ({@code IsoTimeTest}).
 */
public final class IsoTime extends ClassicConverter {
  static final String PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  private final DateTimeFormatter seconds;
  private final DateTimeFormatter offset;

  /** One second's text: the date and time up to the seconds, and the zone's offset. */
  private record Second(long epochSecond, String text, String offset) {}

  private volatile Second last = new Second(Long.MIN_VALUE, "", "");

  public IsoTime() {
    this(ZoneId.systemDefault());
  }

  IsoTime(ZoneId zone) {
    this.seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(zone);
    this.offset = DateTimeFormatter.ofPattern("XXX").withZone(zone);
  }

  @Override
  public String convert(ILoggingEvent event) {
    return format(event.getTimeStamp());
  }

  String format(long epochMillis) {
    long epochSecond = Math.floorDiv(epochMillis, 1000);
    int millis = (int) Math.floorMod(epochMillis, 1000);
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      Instant at = Instant.ofEpochSecond(epochSecond);
      second = new Second(epochSecond, seconds.format(at), offset.format(at));
      last = second;
    }
    StringBuilder text = new StringBuilder(29).append(second.text()).append('.');
    if (millis < 100) {
      text.append('0');
    }
    if (millis < 10) {
      text.append('0');
    }
    return text.append(millis).append(second.offset()).toString();
  }
}
