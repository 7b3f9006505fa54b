package clustersearch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
  /** Zones with and without summer time, a half-hour offset, and UTC (written Z). */
  private static final String[] ZONES = {
    "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"
  };

  @Test
  void writesWhatTheFormatterWritesAcrossMillisecondsSecondsAndSummerTime() {
    for (String name : ZONES) {
      ZoneId zone = ZoneId.of(name);
      DateTimeFormatter formatter = DateTimeFormatter.ofPattern(IsoTime.PATTERN).withZone(zone);
      IsoTime time = new IsoTime(zone);
      // Around Berlin's and New York's clock changes of 2026, a millisecond at a time, then
      // random instants (the kept second changes at every one of them).
      long[] starts = {
        ZonedDateTime.parse("2026-03-29T02:59:59+02:00[Europe/Berlin]").toInstant().toEpochMilli(),
        ZonedDateTime.parse("2026-10-25T02:59:59+01:00[Europe/Berlin]").toInstant().toEpochMilli(),
        ZonedDateTime.parse("2026-11-01T01:59:59-05:00[America/New_York]")
            .toInstant()
            .toEpochMilli(),
        0L
      };
      for (long start : starts) {
        for (long t = start - 2_500; t < start + 2_500; t++) {
          assertThat(time.format(t)).isEqualTo(formatter.format(Instant.ofEpochMilli(t)));
        }
      }
      Random random = new Random(42);
      for (int i = 0; i < 10_000; i++) {
        long t = random.nextLong() % 4_000_000_000_000L; // 1843 BC to 2096
        assertThat(time.format(t)).isEqualTo(formatter.format(Instant.ofEpochMilli(t)));
      }
    }
  }
}
