package clustersearch.cli;

import clustersearch.config.AppConfig;
import clustersearch.config.Settings;
import clustersearch.http.HttpApi;
import clustersearch.index.IndexBuild;
import clustersearch.search.IndexAdmin;
import clustersearch.search.SearchRequest;
import clustersearch.search.SearchStack;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

/**
 * {@code serve}: answers the HTTP API. It listens first (so /api/health answers and /api/ready says
 * why it is not ready yet), then opens the newest intact index generation, or builds one from the
 * lists when there is none, and serves it. SIGTERM and SIGINT stop it gracefully with exit code 0.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Serve the search API and pages, building the index first if there is none.",
    description = {
      "Serve the search API (and build the index from the bundled data first if there is none).",
      "A newly built index generation (from 'index') is picked up without a restart."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  /** The environment variable holding the admin API's bearer token; unset, the API is off. */
  static final String ADMIN_TOKEN = "CLUSTER_SEARCH_ADMIN_TOKEN";

  @ParentCommand Main main;

  @Option(
      names = "--port",
      description = "Port to listen on, 0 for any free one (default: server.port, 7070).")
  Integer port;

  @Option(
      names = "--host",
      description =
          "Address to bind (default: server.host of settings.yaml, 127.0.0.1; 0.0.0.0 binds every"
              + " interface).")
  String host;

  @Option(
      names = "--index-from",
      paramLabel = "DIR",
      description =
          "Run a read-only replica from DIR, a copy of an index/ folder (CURRENT and its"
              + " generation): never builds, no admin API; picks up a new generation copied in"
              + " with its CURRENT swapped.")
  Path indexFrom;

  @Option(
      names = "--training-run",
      hidden = true,
      description =
          "Serve on a free loopback port, send the server TrainingRun's fixed requests and stop:"
              + " the launcher's run that writes the class-data-sharing archive.")
  boolean trainingRun;

  /**
   * The launcher's training run writes the class-data-sharing archive as the JVM exits, which takes
   * some seconds with nothing else to show: says so.
   */
  private static void archiveNotice() {
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:ArchiveClassesAtExit="))
        .findFirst()
        .ifPresent(
            a ->
                System.out.println(
                    "writing the start-up archive "
                        + a.substring(a.indexOf('=') + 1)
                        + " (once, a few seconds): later starts are faster"));
  }

  /**
   * Until the server is up and installs its graceful stop: SIGTERM or SIGINT stops the process at
   * once with status 0 (a build in progress leaves nothing published), not the JVM's 143, so that a
   * service manager stopping a server that is still starting does not count it as failed.
   */
  static void stopCleanlyWhileStarting() {
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            System.out.println("stopped while starting (SIG" + signal.getName() + ")");
            System.exit(0);
          });
    }
  }

  @Override
  public Integer call() throws Exception {
    System.out.println("cluster-search starting");
    StartupStages stages = new StartupStages();
    AppConfig config = main.config();
    boolean replica = indexFrom != null;
    if (replica) {
      Settings s = config.settings();
      config =
          config.with(
              s.withPaths(
                  new Settings.Paths(s.paths().data(), indexFrom.toAbsolutePath().toString())));
    }
    Settings.Server server = config.settings().server();
    stages.done("config");
    SearchStack stack = SearchStack.create(config);
    stages.done("search stack");
    // Opening the index (checksums, readers, facet states, vocabulary) needs no HTTP server, and
    // starting the server needs no index: the two overlap (launch to ready 1.4 → 1.2 s).
    CompletableFuture<Boolean> opening =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return stack.index().openNewestIntact();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    String token = System.getenv(ADMIN_TOKEN);
    HttpApi.Admin admin =
        token == null || token.isBlank() || replica || trainingRun
            ? null
            : new HttpApi.Admin(new IndexAdmin(config, stack), token.strip());
    // A training run listens on a free loopback port, whatever the settings and options say.
    Javalin app =
        HttpApi.create(stack.service(), config.settings(), admin)
            .start(
                trainingRun ? "127.0.0.1" : host != null ? host : server.host(),
                trainingRun ? 0 : port != null ? port : server.port());
    stages.done("HTTP server");
    CountDownLatch stop = new CountDownLatch(1);
    Signal.handle(new Signal("TERM"), signal -> stop.countDown());
    Signal.handle(new Signal("INT"), signal -> stop.countDown());
    ScheduledExecutorService reloader = null;
    try {
      String address = address(app);
      System.out.println("cluster-search listening at " + address + "; opening the index");
      System.out.println(
          replica
              ? "read-only replica of " + config.indexDir() + ": no builds, no admin API"
              : admin == null
                  ? "admin API off (set " + ADMIN_TOKEN + " to mount /api/admin/reindex and reload)"
                  : "admin API on: /api/admin/reindex and /api/admin/reload with the bearer token");
      boolean opened = opened(opening);
      stages.done("index (overlapping the HTTP server)");
      if (!opened && replica) {
        throw new IllegalStateException(
            "no intact index generation in "
                + config.indexDir()
                + " (a replica serves a copied index/ folder and never builds one)");
      }
      if (!opened) {
        System.out.println(
            "no intact index in " + config.indexDir() + "; building it from " + config.dataDir());
        IndexCommand.report(IndexBuild.run(config), config.home(), System.out);
        if (!stack.index().openNewestIntact()) {
          throw new IllegalStateException("the index just built does not open; see the log");
        }
      }
      // Load smartcn's dictionaries and JIT the query path before the first visitor does.
      stack.service().search(SearchRequest.of("生物医药 智能制造", 10));
      stages.done("first search");
      if (trainingRun) {
        System.out.println("training run: answers by status " + TrainingRun.run(address));
        archiveNotice();
        return 0;
      }
      reloader = reloader(stack, config);
      System.out.printf(
          "cluster-search serving %d clusters at %s%n",
          stack.service().health().documents(), address);
      System.out.println(stages);
      stop.await();
      LOG.info("stopping: finishing requests in flight");
      return 0;
    } finally {
      if (reloader != null) {
        reloader.shutdownNow();
      }
      app.stop();
      stack.close();
    }
  }

  /** Whether the index opened, or the reason it could not be opened. */
  private static boolean opened(CompletableFuture<Boolean> opening) throws Exception {
    try {
      return opening.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw (Exception) cause;
    }
  }

  /** Looks for a newly built generation every server.reloadSeconds. */
  private static ScheduledExecutorService reloader(SearchStack stack, AppConfig config) {
    ScheduledExecutorService reloader =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-reloader");
              t.setDaemon(true);
              return t;
            });
    int every = config.settings().server().reloadSeconds();
    reloader.scheduleWithFixedDelay(
        () -> {
          try {
            if (stack.index().reloadIfChanged()) {
              stack.service().setSynonyms(config.synonyms());
              LOG.info("now serving {}", stack.index().generation().getFileName());
            }
          } catch (Exception e) {
            LOG.warn("could not look for a new index generation: {}", e.toString());
          }
        },
        every,
        every,
        TimeUnit.SECONDS);
    return reloader;
  }

  /** The address really bound: the connector's host and its port (the free one for --port 0). */
  private static String address(Javalin app) throws Exception {
    ServerConnector connector = (ServerConnector) app.jettyServer().server().getConnectors()[0];
    String bound = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
    String literal = InetAddress.getByName(bound).getHostAddress();
    return "http://"
        + (literal.contains(":") ? "[" + literal + "]" : literal)
        + ":"
        + connector.getLocalPort();
  }
}
