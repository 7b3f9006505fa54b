package clustersearch.http;

import clustersearch.search.ClusterIndex;
import clustersearch.search.SearchService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What {@code GET /metrics} shows, in the Prometheus text format: requests by route, method and
 * status with a latency histogram, the JVM (memory, GC, threads, CPU), and the served index
 * (documents, generation, its age, reloads and failed reloads, readiness).
 */
final class Metrics implements AutoCloseable {
  /** Latency buckets: a search takes about a millisecond, an export of a large list seconds. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** The registry, for parts that bind meters of their own (the response cache). */
  io.micrometer.core.instrument.MeterRegistry registry() {
    return registry;
  }

  private final JvmGcMetrics gc = new JvmGcMetrics();

  Metrics(SearchService service) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("cluster_search_index_ready", service, s -> s.status().ready() ? 1 : 0)
        .description("1 when a verified index generation is served")
        .register(registry);
    Gauge.builder("cluster_search_index_documents", service, Metrics::documents)
        .description("Documents of the served index generation")
        .register(registry);
    Gauge.builder("cluster_search_index_generation", service, Metrics::generation)
        .description("The served generation: the milliseconds in its name gen-…")
        .register(registry);
    Gauge.builder("cluster_search_index_age", service, Metrics::ageSeconds)
        .description("Seconds since the served generation was built")
        .baseUnit("seconds")
        .register(registry);
    FunctionCounter.builder("cluster_search_index_reloads", service, s -> s.status().reloads())
        .description("New generations swapped in by the running server")
        .register(registry);
    FunctionCounter.builder(
            "cluster_search_index_failed_reloads", service, s -> s.status().failedReloads())
        .description("New generations refused because they failed their check")
        .register(registry);
    FunctionCounter.builder("cluster_search_index_damaged", service, s -> s.status().damages())
        .description("Served generations found damaged after a failed read and set aside")
        .register(registry);
  }

  /** Records one answered request. */
  void record(String method, String route, int status, long nanos) {
    Timer.builder("http_server_requests")
        .description("HTTP requests by route, method and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The Prometheus text exposition. */
  String scrape() {
    return registry.scrape();
  }

  private static double documents(SearchService service) {
    try {
      return service.health().documents();
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private static double generation(SearchService service) {
    String name = service.status().generation();
    return name == null ? Double.NaN : Double.parseDouble(name.substring(name.indexOf('-') + 1));
  }

  private static double ageSeconds(SearchService service) {
    ClusterIndex.Status status = service.status();
    return status.builtAt() == null
        ? Double.NaN
        : Duration.between(status.builtAt(), Instant.now()).toMillis() / 1000.0;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
