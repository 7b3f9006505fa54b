package clustersearch.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The logging of the server and the command line, to standard output, set up in code: Logback's XML
 * configurator (a SAX parser and bean introspection) was 8 % of the main thread's samples of a
 * server start (JFR, 1 ms sampling). Found by Logback through {@code META-INF/services}.
 *
 * <ul>
 *   <li>No line carries more than a bounded slice of client input: every message is cut at 1,000
 *       characters and stack traces at 40 lines; the access log cuts paths itself.
 *   <li>Repeated warnings are rate-limited per logger and message ({@link RepeatedWarningFilter}),
 *       so a client repeating a bad request cannot make the log grow faster than a few lines a
 *       minute.
 *   <li>The access log (logger {@code access}) logs at {@code ACCESS_LOG_LEVEL} (a system property
 *       or an environment variable; INFO unless set, OFF silences it); Jetty, Javalin and Lucene
 *       only warnings.
 * </ul>
 *
 * {@code -Dlogback.configurationFile=/path/to/logback.xml} replaces all of this: Logback then reads
 * that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  /** The line: time, level, logger, message, stack trace. */
  static final String PATTERN = "%isotime %-5level %logger{0} %.-1000msg%n%ex{40}";

  /** Warnings of one logger and message let through per minute. */
  static final int WARNINGS_PER_MINUTE = 5;

  /** Loggers below INFO-level chatter: only their warnings. */
  private static final Map<String, Level> QUIET =
      Map.of(
          "org.eclipse.jetty", Level.WARN,
          "io.javalin", Level.WARN,
          "org.apache.lucene", Level.WARN);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the file given replaces this set-up
    }
    RepeatedWarningFilter repeated = new RepeatedWarningFilter();
    repeated.setPerMinute(WARNINGS_PER_MINUTE);
    repeated.setContext(context);
    repeated.start();
    context.addTurboFilter(repeated);

    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put("isotime", IsoTime::new);
    layout.setPattern(PATTERN);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();

    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
    context.getLogger("access").setLevel(Level.toLevel(accessLogLevel(), Level.INFO));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** ACCESS_LOG_LEVEL as a system property, else as an environment variable, else INFO. */
  static String accessLogLevel() {
    String level = System.getProperty("ACCESS_LOG_LEVEL");
    if (level == null) {
      level = System.getenv("ACCESS_LOG_LEVEL");
    }
    return level == null ? "INFO" : level;
  }
}
