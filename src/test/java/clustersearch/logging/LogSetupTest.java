package clustersearch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logging this JVM got: Logback found LogSetup as the server and the command line do. */
class LogSetupTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @Test
  void linesGoToStandardOutputWithTheTimeLevelLoggerAndMessage() {
    String line = line(event(Level.WARN, "a warning"));

    assertThat(line)
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"
                + " WARN  LogSetupTest a warning\\R");
  }

  @Test
  void aMessageIsCutAtAThousandCharactersAndAStackTraceAtFortyLines() {
    LoggingEvent longMessage = event(Level.INFO, "x".repeat(5_000));
    LoggingEvent deep = event(Level.ERROR, "failed");
    deep.setThrowableProxy(
        new ch.qos.logback.classic.spi.ThrowableProxy(recursion(new RuntimeException(), 200)));

    assertThat(line(longMessage)).contains("x".repeat(1_000)).doesNotContain("x".repeat(1_001));
    assertThat(line(deep).lines().count()).isBetween(35L, 45L);
  }

  @Test
  void repeatedWarningsAreLimitedAndQuietLibrariesOnlyWarn() {
    assertThat(context.getTurboFilterList())
        .singleElement()
        .isInstanceOf(RepeatedWarningFilter.class);
    assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.javalin").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.apache.lucene").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("access").getLevel())
        .isEqualTo(Level.toLevel(LogSetup.accessLogLevel()));
  }

  private LoggingEvent event(Level level, String message) {
    Logger logger = context.getLogger(LogSetupTest.class);
    return new LoggingEvent(Logger.FQCN, logger, level, message, null, null);
  }

  @SuppressWarnings("unchecked")
  private String line(ILoggingEvent event) {
    ConsoleAppender<ILoggingEvent> console =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
    assertThat(console).as("the root logger's console appender").isNotNull();
    LayoutWrappingEncoder<ILoggingEvent> encoder =
        (LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private static RuntimeException recursion(RuntimeException e, int depth) {
    if (depth == 0) {
      e.fillInStackTrace();
      return e;
    }
    return recursion(e, depth - 1);
  }
}
