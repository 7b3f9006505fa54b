package clustersearch.http;

import clustersearch.search.ClusterIndex;
import clustersearch.search.SearchService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
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

  /** cluster_search_index_info{generation="gen-…"} 1: the served generation by name. */
  private final Info info =
      Info.builder()
          .name("cluster_search_index_info")
          .help("The served index generation, named in the label generation")
          .labelNames("generation")
          .register(registry.getPrometheusRegistry());

  /** The generation {@link #info} names, or null. */
  private String shown;

  private final SearchService service;

  Metrics(SearchService service) {
    this.service = service;
    // Prometheus names: promtool refuses an abbreviated unit (process_cpu_time_ns_total) and a
    // gauge ending in _count (system_cpu_count); the CPU time is given in seconds instead.
    registry
        .config()
        .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")))
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
              }
            });
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean process) {
      FunctionCounter.builder(
              "process.cpu",
              process,
              p -> p.getProcessCpuTime() / (double) TimeUnit.SECONDS.toNanos(1))
          .description("CPU time the process has used")
          .baseUnit("seconds")
          .register(registry);
    }
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
    Gauge.builder("cluster_search_index_build_timestamp", service, Metrics::builtSeconds)
        .description("When the served generation was built, in seconds since the epoch")
        .baseUnit("seconds")
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

  /** The request timer of a method, route and status (the three are few: see AccessLog). */
  private record TimerKey(String method, String route, int status) {}

  /**
   * Timers already registered: building the meter id and looking it up in the registry for every
   * request was 3 % of a search's CPU under bench/harness.sh, against 0.5 % for recording.
   */
  private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  /** Records one answered request. */
  void record(String method, String route, int status, long nanos) {
    timers
        .computeIfAbsent(new TimerKey(method, route, status), this::timer)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(TimerKey key) {
    return Timer.builder("http_server_requests")
        .description("HTTP requests by route, method and status")
        .tag("method", key.method())
        .tag("route", key.route())
        .tag("status", Integer.toString(key.status()))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  /** The Prometheus text exposition. */
  synchronized String scrape() {
    String generation = service.status().generation();
    if (!java.util.Objects.equals(generation, shown)) {
      if (shown != null) {
        info.remove(shown);
      }
      if (generation != null) {
        info.setLabelValues(generation);
      }
      shown = generation;
    }
    return registry.scrape();
  }

  private static double documents(SearchService service) {
    try {
      return service.health().documents();
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private static double builtSeconds(SearchService service) {
    Instant built = service.status().builtAt();
    return built == null ? Double.NaN : built.toEpochMilli() / 1000.0;
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
