package clustersearch.cli;

import clustersearch.eval.Benchmark;
import clustersearch.search.SearchStack;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bench}: in-process latency of search and autocomplete over the judgment set's queries. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Time searches and suggestions in process (no HTTP), as percentiles.",
    description = "In-process latency (no HTTP) of search and autocomplete, as percentiles.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin JudgmentsOption judgments;

  @Option(
      names = "--warmup",
      defaultValue = "200",
      description = "Warm-up rounds (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--rounds",
      defaultValue = "100",
      description = "Measured rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    var config = main.config();
    List<String> queries = List.copyOf(judgments.load(config).grades().keySet());
    try (SearchStack stack = Main.openIndex(config)) {
      System.out.printf(
          "%d queries, %d warm-up and %d measured rounds%n", queries.size(), warmup, rounds);
      for (Benchmark.Latency latency : Benchmark.run(stack.service(), queries, warmup, rounds)) {
        System.out.println(latency);
      }
    }
    return 0;
  }
}
