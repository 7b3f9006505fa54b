package clustersearch.cli;

import clustersearch.config.AppConfig;
import clustersearch.http.HttpApi;
import clustersearch.index.IndexBuild;
import clustersearch.search.SearchRequest;
import clustersearch.search.SearchStack;
import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: answers the HTTP API, building the index first when there is none. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the search API (and build the index from the bundled data first if there is none).",
      "A newly built index generation (from 'index') is picked up without a restart."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand Main main;

  @Option(
      names = "--port",
      description = "Port to listen on (default: server.port of settings.yaml, 7070).")
  Integer port;

  @Option(
      names = "--host",
      description = "Address to bind (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.0.0.0")
  String host;

  @Override
  public Integer call() throws Exception {
    AppConfig config = main.config();
    SearchStack stack = SearchStack.open(config).orElse(null);
    if (stack == null) {
      System.out.println(
          "no index in " + config.indexDir() + "; building it from " + config.dataDir());
      IndexCommand.report(IndexBuild.run(config), config.home(), System.out);
      stack = SearchStack.open(config).orElseThrow();
    }
    // Load smartcn's dictionaries and JIT the query path before the first visitor does.
    stack.service().search(SearchRequest.of("生物医药 智能制造", 10));
    int listen = port != null ? port : config.settings().server().port();
    Javalin app = HttpApi.create(stack.service(), config.settings()).start(host, listen);

    ScheduledExecutorService reloader =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-reloader");
              t.setDaemon(true);
              return t;
            });
    SearchStack served = stack;
    int every = config.settings().server().reloadSeconds();
    reloader.scheduleWithFixedDelay(
        () -> {
          try {
            if (served.index().reloadIfChanged()) {
              served.service().setSynonyms(config.synonyms());
              LOG.info("now serving {}", served.index().generation().getFileName());
            }
          } catch (Exception e) {
            LOG.warn("could not open the new index generation; still serving the old one", e);
          }
        },
        every,
        every,
        TimeUnit.SECONDS);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  reloader.shutdownNow();
                  app.stop();
                  try {
                    served.close();
                  } catch (Exception e) {
                    LOG.warn("closing the index", e);
                  }
                  stopped.countDown();
                }));
    System.out.printf(
        "cluster-search serving %d clusters at http://localhost:%d%n",
        stack.service().health().documents(), app.port());
    stopped.await();
    return 0;
  }
}
