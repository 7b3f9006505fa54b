package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final FailedAttempts attempts = new FailedAttempts(now::get);

  @Test
  void aClientIsLockedAfterTheLimitUntilItsWindowEnds() {
    for (int i = 0; i < FailedAttempts.MAX_FAILURES - 1; i++) {
      attempts.failed("10.0.0.1");
    }
    assertThat(attempts.secondsLocked("10.0.0.1")).isZero();

    attempts.failed("10.0.0.1");
    assertThat(attempts.secondsLocked("10.0.0.1")).isEqualTo(60);
    assertThat(attempts.secondsLocked("10.0.0.2")).as("another client").isZero();

    now.addAndGet(FailedAttempts.WINDOW.toNanos() - 1_000_000_000L);
    assertThat(attempts.secondsLocked("10.0.0.1")).isEqualTo(1);

    now.addAndGet(1_000_000_000L);
    assertThat(attempts.secondsLocked("10.0.0.1")).isZero();
    attempts.failed("10.0.0.1");
    assertThat(attempts.secondsLocked("10.0.0.1")).as("a new window").isZero();
  }
}
