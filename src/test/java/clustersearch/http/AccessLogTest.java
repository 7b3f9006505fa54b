package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The access log's route labels and durations, computed without regular expressions. */
class AccessLogTest {
  private final AccessLog log =
      new AccessLog(
          List.of(
              "/",
              "/index.html",
              "/api/search",
              "/api/clusters/{id}",
              "/api/clusters/{id}/similar"),
          null);

  @Test
  void aPathIsLabelledWithTheTemplateThatAnsweredIt() {
    assertThat(log.route("/")).isEqualTo("/");
    assertThat(log.route("/api/search")).isEqualTo("/api/search");
    assertThat(log.route("/api/clusters/2021-19")).isEqualTo("/api/clusters/{id}");
    assertThat(log.route("/api/clusters/2021-19/similar")).isEqualTo("/api/clusters/{id}/similar");
  }

  @Test
  void aPathNoTemplateMatchesWholeIsStaticOrUnmatched() {
    assertThat(log.route("/api/clusters/")).isEqualTo("unmatched"); // {id} is never empty
    assertThat(log.route("/api/clusters/a/b")).isEqualTo("unmatched");
    assertThat(log.route("/api/search/")).isEqualTo("unmatched");
    assertThat(log.route("/api/searchx")).isEqualTo("unmatched");
    assertThat(log.route("/api")).isEqualTo("unmatched");
    assertThat(log.route("")).isEqualTo("unmatched");
    assertThat(log.route(null)).isEqualTo("unmatched");
    assertThat(log.route("/js/search.js")).isEqualTo("static");
  }

  @Test
  void durationsPrintAsMillisecondsWithTwoDecimalsRounded() {
    for (long nanos :
        new long[] {0, 4_999, 5_000, 1_234_567, 9_995_000, 12_000_000, 1_000_004_999L}) {
      assertThat(AccessLog.millis(nanos))
          .as("%d ns", nanos)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6));
    }
  }
}
