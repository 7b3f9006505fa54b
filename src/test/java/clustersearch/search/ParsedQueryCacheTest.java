package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

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
}
