package clustersearch.search;

import clustersearch.TestData;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.management.ObjectName;

/**
 * Fills the parsed-query cache with distinct 1,000-character queries on the real list, while the
 * common pool is kept busy as under load, and prints how many bytes it keeps alive: the live heap
 * (a class histogram, which collects first) with the cache full, then emptied. Run in a JVM of its
 * own by {@link ParsedQueryCacheTest}.
 */
public final class CacheRetention {
  private CacheRetention() {}

  public static void main(String[] args) throws Exception {
    try (SearchStack stack = TestData.indexAndOpen(Path.of(args[0]))) {
      SearchService service = stack.service();
      ParsedQueryCache cache = service.queries().cache();
      List<String> words = wordsOfTheList(service);
      Random random = new Random(17);
      // The common pool kept busy, as it is under load: the cache must not count on it to evict.
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(); i++) {
        java.util.concurrent.ForkJoinPool.commonPool()
            .execute(
                () -> {
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
      }
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
      release.countDown();
      cache.clear();
      long empty = liveHeapBytes();
      System.out.println("retained " + (full - empty) + " bytes");
    }
  }

  /** Every word of the cluster names and builders as smartcn would see them, and the names. */
  private static List<String> wordsOfTheList(SearchService service) throws Exception {
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
