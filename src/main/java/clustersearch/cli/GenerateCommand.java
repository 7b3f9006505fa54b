package clustersearch.cli;

import clustersearch.source.SyntheticLists;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code generate --count N --out DIR}: synthetic lists for scale runs. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Write synthetic lists in the published text format, for scale runs.",
    description = {
      "Write synthetic lists of COUNT rows in the published text format, one per year, from the",
      "real vocabulary (cities, zones, industry phrases of config/), for scale runs:",
      "  cluster-search generate --count 100000 --out /tmp/scale/data",
      "  cluster-search --home /tmp/scale --config config index"
    })
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--count", required = true, description = "Rows in all.")
  int count;

  @Option(names = "--out", required = true, description = "Folder to write the lists into.")
  Path out;

  @Option(
      names = "--years",
      defaultValue = "2021..2025",
      description = "Years of the lists, FIRST..LAST (default: ${DEFAULT-VALUE}).")
  String years;

  @Option(names = "--seed", defaultValue = "20261130", description = "Random seed.")
  long seed;

  @Override
  public Integer call() throws Exception {
    String[] range = years.split("\\.\\.");
    int first = Integer.parseInt(range[0].strip());
    int last = range.length > 1 ? Integer.parseInt(range[1].strip()) : first;
    List<Integer> all = new ArrayList<>();
    for (int y = first; y <= last; y++) {
      all.add(y);
    }
    long start = System.nanoTime();
    for (SyntheticLists.Written w : SyntheticLists.write(main.config(), count, all, seed, out)) {
      System.out.printf("wrote %s: %d rows of %d%n", w.file(), w.rows(), w.year());
    }
    System.out.printf("%d rows in %.2f s%n", count, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
