package clustersearch.cli;

import clustersearch.search.SearchRequest;
import clustersearch.search.SearchResult;
import clustersearch.search.SearchStack;
import clustersearch.search.Understood;
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
    header = "Search the built index from the command line: search 生物医药 --province 山东.",
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

  @Option(names = "--area", description = "Only this region or strategic area (repeatable).")
  List<String> areas = List.of();

  @Option(names = "--year", description = "Only lists of this year (repeatable).")
  List<String> years = List.of();

  @Option(names = "--exact", description = "Search the text as typed: no reading of typos.")
  boolean exact;

  @Option(
      names = "--explain",
      description =
          "Show under each hit which readings matched in which field, and the score parts.")
  boolean explain;

  @Option(
      names = "--sort",
      defaultValue = "relevance",
      description = "relevance, list or province (default: ${DEFAULT-VALUE}).",
      converter = OrderConverter.class)
  SearchRequest.Order sort;

  /** relevance, list, province: the API's names of the orders. */
  static final class OrderConverter
      implements picocli.CommandLine.ITypeConverter<SearchRequest.Order> {
    @Override
    public SearchRequest.Order convert(String value) {
      return SearchRequest.Order.of(value)
          .orElseThrow(
              () ->
                  new picocli.CommandLine.TypeConversionException(
                      "must be relevance, list or province, got '" + value + "'"));
    }
  }

  @Option(names = "--json", description = "Print the API's JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (SearchStack stack = Main.openIndex(main.config())) {
      SearchResult result =
          stack
              .service()
              .search(
                  new SearchRequest(
                      String.join(" ", words),
                      provinces,
                      industries,
                      areas,
                      years,
                      page,
                      size,
                      exact,
                      explain,
                      sort));
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
        "%d clusters match \"%s\"%s (%.2f ms)%n",
        result.total(),
        result.query(),
        result.related() > 0 ? ", " + result.related() + " related" : "",
        result.tookMs());
    if (result.note() != null) {
      System.out.println(result.note());
    }
    Understood u = result.understood();
    System.out.printf(
        "understood: province %s, city %s, area %s, sector %s, industry %s; terms %s; dropped %s%n",
        u.province(), u.city(), u.area(), u.sector(), u.industry(), u.terms(), u.dropped());
    if (result.didYouMean() != null) {
      System.out.printf(
          "showing results for \"%s\" (search \"%s\" as typed with --exact)%n",
          result.didYouMean().text(), result.didYouMean().original());
    }
    int rank = (result.page() - 1) * result.size();
    for (SearchResult.Hit hit : result.hits()) {
      Cluster c = hit.cluster();
      System.out.printf(
          "%3d  %7.3f  %-8s %-4s %s / %s%s%n       %s%n",
          ++rank,
          hit.score(),
          c.id(),
          c.province(),
          c.sector(),
          c.industry(),
          hit.match() == SearchResult.Match.RELATED ? "  (related)" : "",
          c.name());
      if (hit.explain() != null) {
        // Which readings found it, by their labels, then Lucene's score tree.
        for (String reading : hit.readings()) {
          System.out.printf("         ← %s%n", reading);
        }
        explain(hit.explain(), 2);
      }
    }
  }

  /** The score tree, one part a line, indented by depth. */
  private static void explain(SearchResult.Explanation e, int depth) {
    System.out.printf("%s%8.3f  %s%n", "  ".repeat(depth + 2), e.value(), e.description());
    for (SearchResult.Explanation d : e.details()) {
      explain(d, depth + 1);
    }
  }
}
