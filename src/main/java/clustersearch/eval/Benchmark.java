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

  /**
   * Latency percentiles of one operation, in microseconds, and what one costs on average: the CPU
   * time of the measuring thread and the bytes it allocated (steadier than latency on a shared
   * host, and what the HTTP harness cannot separate from Jetty and the load generator).
   */
  public record Latency(
      String operation,
      int samples,
      double p50,
      double p90,
      double p99,
      double max,
      double cpuMicros,
      double allocatedKb) {
    @Override
    public String toString() {
      return String.format(
          "%-20s %7d samples  p50 %7.1f µs  p90 %7.1f µs  p99 %7.1f µs  max %8.1f µs"
              + "  cpu %6.1f µs  alloc %6.1f KB",
          operation, samples, p50, p90, p99, max, cpuMicros, allocatedKb);
    }
  }

  /** One operation's timings and costs as they are measured. */
  private static final class Meter {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private final String operation;
    private final long[] nanos;
    private int n;
    private long cpu;
    private long bytes;

    Meter(String operation, int samples) {
      this.operation = operation;
      this.nanos = new long[samples];
    }

    void time(IoAction action) throws IOException {
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      action.run();
      nanos[n++] = System.nanoTime() - start;
      cpu += THREADS.getCurrentThreadCpuTime() - cpu0;
      bytes += THREADS.getCurrentThreadAllocatedBytes() - bytes0;
    }

    Latency latency() {
      long[] sorted = Arrays.copyOf(nanos, n);
      Arrays.sort(sorted);
      return new Latency(
          operation,
          n,
          at(sorted, 0.50),
          at(sorted, 0.90),
          at(sorted, 0.99),
          sorted[n - 1] / 1000.0,
          cpu / 1000.0 / n,
          bytes / 1024.0 / n);
    }
  }

  private interface IoAction {
    void run() throws IOException;
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
    Meter search = new Meter("search", queries.size() * rounds);
    Meter cold = new Meter("search, parsed anew", queries.size() * rounds);
    Meter suggest = new Meter("suggest", prefixes.size() * rounds);
    int c = 0;
    for (int r = 0; r < rounds; r++) {
      for (String q : queries) {
        search.time(() -> service.search(SearchRequest.of(q, 10)));
        // The same query with trailing spaces: parsed anew, as an unseen query would be.
        String unseen = q + " ".repeat(1 + c++ % 1000);
        cold.time(() -> service.search(SearchRequest.of(unseen, 10)));
      }
      for (String p : prefixes) {
        suggest.time(() -> service.suggest(p, 10));
      }
    }
    return List.of(search.latency(), cold.latency(), suggest.latency());
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1000.0;
  }
}
