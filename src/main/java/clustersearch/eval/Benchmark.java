package clustersearch.eval;

import clustersearch.search.SearchRequest;
import clustersearch.search.SearchService;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * In-process latency of the search service, without HTTP: every query of a judgment set (repeated,
 * so its parse is cached, and made unseen, so it is parsed anew), and autocomplete of every prefix
 * of those queries. Timings live here, never in unit tests.
 */
public final class Benchmark {
  private Benchmark() {}

  /** Latency percentiles of one operation, in microseconds. */
  public record Latency(
      String operation, int samples, double p50, double p90, double p99, double max) {
    @Override
    public String toString() {
      return String.format(
          "%-20s %7d samples  p50 %7.1f µs  p90 %7.1f µs  p99 %7.1f µs  max %8.1f µs",
          operation, samples, p50, p90, p99, max);
    }
  }

  /** Warms up for {@code warmupRounds} over every query, then measures {@code rounds}. */
  public static List<Latency> run(
      SearchService service, List<String> queries, int warmupRounds, int rounds)
      throws IOException {
    List<String> prefixes =
        queries.stream()
            .flatMap(
                q ->
                    java.util.stream.IntStream.rangeClosed(1, Math.min(4, q.length()))
                        .mapToObj(n -> q.substring(0, n)))
            .distinct()
            .toList();
    for (int r = 0; r < warmupRounds; r++) {
      for (String q : queries) {
        service.search(SearchRequest.of(q, 10));
      }
      for (String p : prefixes) {
        service.suggest(p, 10);
      }
    }
    long[] search = new long[queries.size() * rounds];
    long[] cold = new long[queries.size() * rounds];
    long[] suggest = new long[prefixes.size() * rounds];
    int s = 0;
    int c = 0;
    int g = 0;
    for (int r = 0; r < rounds; r++) {
      for (String q : queries) {
        long start = System.nanoTime();
        service.search(SearchRequest.of(q, 10));
        search[s++] = System.nanoTime() - start;
        // The same query with trailing spaces: parsed anew, as an unseen query would be.
        String unseen = q + " ".repeat(1 + c % 1000);
        start = System.nanoTime();
        service.search(SearchRequest.of(unseen, 10));
        cold[c++] = System.nanoTime() - start;
      }
      for (String p : prefixes) {
        long start = System.nanoTime();
        service.suggest(p, 10);
        suggest[g++] = System.nanoTime() - start;
      }
    }
    return List.of(
        latency("search", search),
        latency("search, parsed anew", cold),
        latency("suggest", suggest));
  }

  private static Latency latency(String operation, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latency(
        operation,
        sorted.length,
        at(sorted, 0.50),
        at(sorted, 0.90),
        at(sorted, 0.99),
        sorted[sorted.length - 1] / 1000.0);
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1000.0;
  }
}
