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
      Evaluation.Report report = Evaluation.run(stack.service(), set);
      for (Evaluation.QueryResult q : report.queries()) {
        System.out.printf(
            "%.3f  rr %.2f  unjudged %d  %-20s %s%n",
            q.ndcg(), q.reciprocalRank(), q.unjudged(), q.query(), String.join(" ", q.top()));
        for (String problem : q.problems()) {
          System.out.printf("       misordered: %s%n", problem);
        }
      }
      System.out.printf(
          "%nqueries %d  mean nDCG@10 %.4f  MRR %.4f  mean unjudged in top 10 %.2f  queries with an"
              + " unjudged hit above a relevant one %d%n",
          report.queries().size(),
          report.meanNdcg(),
          report.mrr(),
          report.meanUnjudged(),
          report.unjudgedAboveRelevant().size());
    }
    return 0;
  }
}
