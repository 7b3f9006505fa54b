package clustersearch.cli;

import clustersearch.eval.Evaluation;
import clustersearch.eval.Judgments;
import clustersearch.search.SearchStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code eval}: search quality of the built index against a graded judgment set. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    header = "Score the ranking against the graded judgment sets: nDCG@10, MRR, unjudged hits.",
    description = {
      "Run a graded judgment set against the index: per-query nDCG@10, mean nDCG@10, MRR,",
      "unjudged hits in the top 10, and every hit ranked above a better-graded one."
    })
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin JudgmentsOption judgments;

  @Override
  public Integer call() throws Exception {
    var config = main.config();
    Judgments set = judgments.load(config);
    try (SearchStack stack = Main.openIndex(config)) {
      run(stack, set, "tuned on");
      if (judgments.isDefault()) {
        run(
            stack,
            Judgments.load(java.util.List.of(config.home().resolve(Judgments.UNTUNED_FILE))),
            "untuned: written before the understanding it measures, never tuned on");
      }
    }
    return 0;
  }

  private static void run(SearchStack stack, Judgments set, String title) throws Exception {
    System.out.println("== " + title);
    {
      Evaluation.Report report = Evaluation.run(stack.service(), set);
      for (Evaluation.QueryResult q : report.queries()) {
        System.out.printf(
            "%.3f  rr %.2f  unjudged %d  %-9s %-20s %s%n",
            q.ndcg(),
            q.reciprocalRank(),
            q.unjudged(),
            q.category(),
            q.query(),
            String.join(" ", q.top()));
        for (String problem : q.problems()) {
          System.out.printf("       misordered: %s%n", problem);
        }
      }
      System.out.println();
      for (String category : report.categories()) {
        summary(category, report.of(category));
      }
      summary("all", report);
      System.out.println();
    }
  }

  private static void summary(String name, Evaluation.Report report) {
    System.out.printf(
        "%-10s queries %3d  mean nDCG@10 %.4f  MRR %.4f  irrelevant in top 10 %.2f  unjudged %.2f"
            + "  unjudged above relevant %d%n",
        name,
        report.queries().size(),
        report.meanNdcg(),
        report.mrr(),
        report.meanIrrelevant(),
        report.meanUnjudged(),
        report.unjudgedAboveRelevant().size());
  }
}
