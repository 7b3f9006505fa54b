package clustersearch.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Answers of the GET API kept by (served generation and configuration version, path, request with
 * its parameters in a canonical order), bounded by their bytes (Caffeine, {@code
 * server.responseCacheMegabytes}; 0 turns it off). A reindex or reload changes the version, so an
 * answer of an older index is never served; it ages out. Only 200 answers are kept. Hit rates are
 * in /metrics ({@code cache_gets_total{cache="responses"}}).
 */
final class ResponseCache {
  private record Key(String version, String path, String query) {}

  private record Answer(String contentType, byte[] body) {}

  private static final int ENTRY_OVERHEAD = 200;

  private final Supplier<String> version;
  private final Cache<Key, Answer> cache;

  ResponseCache(Supplier<String> version, int megabytes, MeterRegistry registry) {
    this.version = version;
    this.cache =
        megabytes == 0
            ? null
            : Caffeine.newBuilder()
                // Evicts on the thread that adds: the common pool lags under load, and the
                // cache then holds more than its budget (see ParsedQueryCache).
                .executor(Runnable::run)
                .maximumWeight(megabytes * 1024L * 1024L)
                .<Key, Answer>weigher(
                    (k, a) ->
                        a.body().length + k.path().length() + k.query().length() + ENTRY_OVERHEAD)
                .recordStats()
                .build();
    if (cache != null) {
      bind(registry, cache, puts);
    }
  }

  /** Answers put in the cache (Caffeine counts loads, and this cache is filled by put). */
  private final LongAdder puts = new LongAdder();

  /**
   * The cache's meters under Micrometer's names for caches (cache_gets_total by result,
   * cache_puts_total, cache_evictions_total, cache_eviction_weight_total, cache_size), each true:
   * Micrometer's own binder counts loads as puts, and this cache has none.
   */
  private static void bind(
      MeterRegistry registry,
      com.github.benmanes.caffeine.cache.Cache<?, ?> cache,
      LongAdder puts) {
    String name = "responses";
    Gauge.builder("cache.size", cache, c -> c.estimatedSize())
        .tag("cache", name)
        .description("Answers held")
        .register(registry);
    FunctionCounter.builder("cache.gets", cache, c -> c.stats().hitCount())
        .tag("cache", name)
        .tag("result", "hit")
        .description("Answers served from the cache")
        .register(registry);
    FunctionCounter.builder("cache.gets", cache, c -> c.stats().missCount())
        .tag("cache", name)
        .tag("result", "miss")
        .description("Requests whose answer was not held")
        .register(registry);
    FunctionCounter.builder("cache.puts", puts, LongAdder::sum)
        .tag("cache", name)
        .description("Answers put in the cache")
        .register(registry);
    FunctionCounter.builder("cache.evictions", cache, c -> c.stats().evictionCount())
        .tag("cache", name)
        .description("Answers evicted to keep the cache within its size")
        .register(registry);
    FunctionCounter.builder("cache.eviction.weight", cache, c -> c.stats().evictionWeight())
        .tag("cache", name)
        .description("Bytes of the answers evicted")
        .register(registry);
  }

  /** {@code handler}, its 200 answers kept and served again while the version stays. */
  Handler around(Handler handler) {
    if (cache == null) {
      return handler;
    }
    return ctx -> {
      Key key = new Key(version.get(), ctx.path(), canonical(ctx.queryString()));
      Answer held = cache.getIfPresent(key);
      if (held != null) {
        ctx.contentType(held.contentType()).result(held.body());
        return;
      }
      handler.handle(ctx);
      if (ctx.statusCode() == 200) {
        byte[] body = bytes(ctx);
        if (body != null) {
          // The answer's type (ctx.contentType() with no argument is the request's).
          cache.put(key, new Answer(ctx.res().getContentType(), body));
          puts.increment();
        }
      }
    };
  }

  /** The answer's bytes, put back as the result (a stream is read once). */
  private static byte[] bytes(Context ctx) throws IOException {
    InputStream in = ctx.resultInputStream();
    if (in == null) {
      return null;
    }
    byte[] body = in.readAllBytes();
    ctx.result(body);
    return body;
  }

  /**
   * The parameters ordered by name, so that ?a=1&b=2 and ?b=2&a=1 share an entry; the values of a
   * repeated name keep their order (the sort is stable), since ?q=A&q=B and ?q=B&q=A can answer
   * differently.
   */
  static String canonical(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    String[] params = query.split("&");
    Arrays.sort(params, java.util.Comparator.comparing(ResponseCache::name));
    return String.join("&", params);
  }

  private static String name(String param) {
    int eq = param.indexOf('=');
    return eq < 0 ? param : param.substring(0, eq);
  }
}
