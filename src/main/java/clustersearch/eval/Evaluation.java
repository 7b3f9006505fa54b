package clustersearch.eval;

import clustersearch.search.SearchRequest;
import clustersearch.search.SearchResult;
import clustersearch.search.SearchService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Runs a judgment set against the search service: nDCG@10, MRR, unjudged hits, misorderings. */
public final class Evaluation {
  /** The cut-off of every metric. */
  public static final int DEPTH = 10;

  private Evaluation() {}

  /**
   * One query's outcome.
   *
   * @param top the ids of the top hits, in rank order
   * @param problems each hit that ranks above a better-graded one, as "id (grade) above id (grade)"
   */
  public record QueryResult(
      String query,
      String category,
      double ndcg,
      double reciprocalRank,
      int unjudged,
      int irrelevant,
      List<String> top,
      List<String> problems) {}

  /** The whole run. */
  public record Report(List<QueryResult> queries) {
    public double meanNdcg() {
      return queries.stream().mapToDouble(QueryResult::ndcg).average().orElse(0);
    }

    public double mrr() {
      return queries.stream().mapToDouble(QueryResult::reciprocalRank).average().orElse(0);
    }

    public double meanUnjudged() {
      return queries.stream().mapToInt(QueryResult::unjudged).average().orElse(0);
    }

    /** Hits in the top 10 graded 0 or not judged, per query. */
    public double meanIrrelevant() {
      return queries.stream().mapToInt(QueryResult::irrelevant).average().orElse(0);
    }

    /** The categories, in order of first appearance. */
    public List<String> categories() {
      return queries.stream().map(QueryResult::category).distinct().toList();
    }

    /** The queries of one category. */
    public Report of(String category) {
      return new Report(queries.stream().filter(q -> q.category().equals(category)).toList());
    }

    /** Queries where an unjudged hit ranks above a relevant (grade ≥ 1) one. */
    public List<QueryResult> unjudgedAboveRelevant() {
      return queries.stream()
          .filter(q -> q.problems().stream().anyMatch(p -> p.contains("(unjudged) above")))
          .toList();
    }
  }

  /** Runs every query of {@code judgments}. */
  public static Report run(SearchService service, Judgments judgments) throws IOException {
    List<QueryResult> results = new ArrayList<>();
    for (Map.Entry<String, Map<String, Integer>> e : judgments.grades().entrySet()) {
      SearchResult result = service.search(SearchRequest.of(e.getKey(), DEPTH));
      List<String> top = result.hits().stream().map(h -> h.cluster().id()).toList();
      results.add(score(e.getKey(), judgments.categoryOf(e.getKey()), top, e.getValue()));
    }
    return new Report(results);
  }

  /** The metrics of one ranking against its grades; unjudged hits gain nothing. */
  static QueryResult score(
      String query, String category, List<String> top, Map<String, Integer> grades) {
    double dcg = 0;
    double reciprocalRank = 0;
    int unjudged = 0;
    int irrelevant = 0;
    for (int i = 0; i < top.size() && i < DEPTH; i++) {
      Integer grade = grades.get(top.get(i));
      if (grade == null || grade == 0) {
        irrelevant++;
      }
      if (grade == null) {
        unjudged++;
        continue;
      }
      dcg += gain(grade) / log2(i + 2);
      if (grade > 0 && reciprocalRank == 0) {
        reciprocalRank = 1.0 / (i + 1);
      }
    }
    List<Integer> ideal =
        grades.values().stream().sorted(Comparator.reverseOrder()).limit(DEPTH).toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    double ndcg = idcg == 0 ? (top.isEmpty() ? 1 : 0) : dcg / idcg;
    return new QueryResult(
        query, category, ndcg, reciprocalRank, unjudged, irrelevant, top, problems(top, grades));
  }

  /** Every hit ranked directly or indirectly above a better-graded one (unjudged counts as -1). */
  private static List<String> problems(List<String> top, Map<String, Integer> grades) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      int gi = grades.getOrDefault(top.get(i), -1);
      for (int j = i + 1; j < top.size(); j++) {
        int gj = grades.getOrDefault(top.get(j), -1);
        if (gj > gi && gj > 0) {
          problems.add(describe(top.get(i), gi) + " above " + describe(top.get(j), gj));
          break;
        }
      }
    }
    return problems;
  }

  private static String describe(String id, int grade) {
    return id + (grade < 0 ? " (unjudged)" : " (" + grade + ")");
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
