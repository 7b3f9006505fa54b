package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import javax.management.ObjectName;
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
    service.search(SearchRequest.of("智能制造 山东", 1));
    long before = cache().retainedChars();

    service.search(SearchRequest.of("智能制造 山东", 1));

    assertThat(cache().retainedChars()).isEqualTo(before).isGreaterThan(0);
  }

  @Test
  void whatTheCacheKeepsAliveStaysWithinItsBudget() throws Exception {
    // The second probe (issue 17, fault 8): 2,429 distinct 1,000-character queries grew the heap
    // after a full GC by 66 MB against a budget of 4 MB (50 MB here before the fix). Measured the
    // same way: the live heap (a class histogram, which collects first) with the cache full, then
    // emptied.
    List<String> words = wordsOfTheList();
    Random random = new Random(17);
    for (int i = 0; i < 600; i++) {
      StringBuilder text = new StringBuilder().append(i).append(' ');
      while (text.length() < 1_000) {
        text.append(words.get(random.nextInt(words.size())))
            .append(random.nextInt(4) == 0 ? ' ' : "");
        if (random.nextInt(6) == 0) {
          text.append((char) ('a' + random.nextInt(26))).append(' ');
        }
      }
      service.search(SearchRequest.of(text.toString(), 1));
    }
    long full = liveHeapBytes();
    cache().clear();
    long empty = liveHeapBytes();

    long retained = full - empty;
    assertThat(retained)
        .as("retained %,d bytes, budget %,d", retained, ParsedQueryCache.MAX_BYTES)
        .isLessThanOrEqualTo(ParsedQueryCache.MAX_BYTES * 5 / 4);
  }

  /** Every word of the cluster names and builders as smartcn would see them, and the names. */
  private static List<String> wordsOfTheList() throws Exception {
    List<String> words = new java.util.ArrayList<>();
    for (var hit : service.search(SearchRequest.of("", 100)).hits()) {
      String name = hit.cluster().name().replace("创新型产业集群", "");
      for (int i = 0; i + 2 <= name.length(); i += 2) {
        words.add(name.substring(i, i + 2));
      }
      words.add(name);
    }
    words.addAll(List.of("storage", "Shandong", "AI", "5G", "biomed", "新能源", "芯片", "储能"));
    return words;
  }

  /** Bytes of the objects alive after a full collection, from the JVM's class histogram. */
  static long liveHeapBytes() throws Exception {
    String histogram =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    String[] total =
        histogram.strip().lines().reduce((a, b) -> b).orElseThrow().trim().split("\\s+");
    return Long.parseLong(total[total.length - 1]);
  }
}
