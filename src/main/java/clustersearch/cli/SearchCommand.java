package clustersearch.cli;

import clustersearch.search.SearchRequest;
import clustersearch.search.SearchResult;
import clustersearch.search.SearchStack;
import clustersearch.source.Cluster;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code search}: ranked hits for a query, as a terminal table or as JSON. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the built index, e.g. search 生物医药 --province 山东.")
final class SearchCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(
      arity = "0..*",
      paramLabel = "QUERY",
      description = "Query words (none: every cluster).")
  List<String> words = List.of();

  @Option(names = "--province", description = "Only this province (repeatable).")
  List<String> provinces = List.of();

  @Option(names = "--industry", description = "Only this sector, or sector/industry (repeatable).")
  List<String> industries = List.of();

  @Option(
      names = "--size",
      defaultValue = "10",
      description = "Hits to show (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--page", defaultValue = "1", description = "Page (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(names = "--json", description = "Print the API's JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (SearchStack stack = Main.openIndex(main.config())) {
      SearchResult result =
          stack
              .service()
              .search(
                  new SearchRequest(String.join(" ", words), provinces, industries, page, size));
      if (json) {
        System.out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(result));
      } else {
        print(result);
      }
    }
    return 0;
  }

  private static void print(SearchResult result) {
    System.out.printf(
        "%d clusters match \"%s\" (%.2f ms)%n", result.total(), result.query(), result.tookMs());
    int rank = (result.page() - 1) * result.size();
    for (SearchResult.Hit hit : result.hits()) {
      Cluster c = hit.cluster();
      System.out.printf(
          "%3d  %7.3f  %-8s %-4s %s / %s%n       %s%n",
          ++rank, hit.score(), c.id(), c.province(), c.sector(), c.industry(), c.name());
    }
  }
}
