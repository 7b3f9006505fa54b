package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The per-reader cache of parsed queries stays small whatever the queries are. */
class ParsedQueryCacheTest extends OnTheRealList {

  private static ParsedQueryCache cache() {
    return service.queries().cache();
  }

  @Test
  void distinctLongQueriesCannotFillTheHeap() throws Exception {
    // The probe: 1,020 distinct 60 KB queries kept 175 MB of a 256 MB heap alive.
    String filler = "生物医药".repeat(15_000);
    for (int i = 0; i < 1_020; i++) {
      service.search(SearchRequest.of(i + filler, 1));
    }

    assertThat(cache().retainedChars()).isLessThan(1_000_000);
    assertThat(cache().weightedBytes()).isLessThanOrEqualTo(ParsedQueryCache.MAX_BYTES);
  }

  @Test
  void aQueryTypedAgainIsParsedOnce() throws Exception {
    // On an empty cache: a full one admits a new query only once it is asked often enough
    // (Caffeine's TinyLFU), which keeps a flood of distinct queries from displacing common ones.
    cache().clear();
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      QueryFactory.Parsed first =
          service.queries().build("智能制造 山东", false, lease.searcher(), lease.vocabulary());

      QueryFactory.Parsed again =
          service.queries().build("智能制造 山东", false, lease.searcher(), lease.vocabulary());

      assertThat(again).isSameAs(first);
    }
  }

  @Test
  void whatTheCacheKeepsAliveStaysWithinItsBudget(@org.junit.jupiter.api.io.TempDir Path own)
      throws Exception {
    // The second probe (issue 17, fault 8): 2,429 distinct 1,000-character queries grew the heap
    // after a full GC by 66 MB against a budget of 4 MB (26 MB here before the fix). Measured in
    // a JVM of its own (CacheRetention), where no other test's objects come and go between the
    // two class histograms.
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                CacheRetention.class.getName(),
                own.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("retained (\\d+) bytes").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    long retained = Long.parseLong(m.group(1));

    assertThat(retained)
        .as("retained %,d bytes, budget %,d", retained, ParsedQueryCache.MAX_BYTES)
        .isLessThanOrEqualTo(ParsedQueryCache.MAX_BYTES * 5 / 4);
  }
}
