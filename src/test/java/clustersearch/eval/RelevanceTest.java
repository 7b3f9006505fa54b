package clustersearch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.search.SearchStack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search quality is a number: the judgment set's mean nDCG@10 must stay above a floor. */
class RelevanceTest {
  /** The quality floor: a drop below it fails the build. */
  private static final double NDCG_FLOOR = 0.95;

  static final Path JUDGMENTS = Path.of(Judgments.DEFAULT_FILE);

  @TempDir static Path home;
  static SearchStack stack;
  static Evaluation.Report report;

  @BeforeAll
  static void evaluate() throws IOException {
    stack = TestData.indexAndOpen(home);
    report = Evaluation.run(stack.service(), Judgments.load(JUDGMENTS));
  }

  @AfterAll
  static void close() throws IOException {
    stack.close();
  }

  @Test
  void theJudgmentSetCoversAtLeastFiftyQueries() throws IOException {
    assertThat(Judgments.load(JUDGMENTS).grades()).hasSizeGreaterThanOrEqualTo(50);
  }

  @Test
  void meanNdcgAt10StaysAboveTheFloor() {
    assertThat(report.meanNdcg()).isGreaterThanOrEqualTo(NDCG_FLOOR);
  }

  @Test
  void noUnjudgedHitRanksAboveARelevantOne() {
    assertThat(report.unjudgedAboveRelevant()).extracting(Evaluation.QueryResult::query).isEmpty();
  }

  @Test
  void everyQueryFindsARelevantClusterFirst() {
    assertThat(report.queries())
        .filteredOn(q -> q.reciprocalRank() < 1)
        .extracting(Evaluation.QueryResult::query)
        .isEmpty();
  }

  @Test
  void ndcgRewardsTheIdealOrderAndPunishesAnInversion() {
    Map<String, Integer> grades = Map.of("a", 3, "b", 2, "c", 0);

    assertThat(Evaluation.score("q", List.of("a", "b", "c"), grades).ndcg()).isEqualTo(1.0);
    Evaluation.QueryResult inverted = Evaluation.score("q", List.of("c", "b", "a"), grades);
    assertThat(inverted.ndcg()).isLessThan(0.8);
    assertThat(inverted.reciprocalRank()).isEqualTo(0.5);
    assertThat(inverted.problems()).containsExactly("c (0) above b (2)", "b (2) above a (3)");
    assertThat(Evaluation.score("q", List.of("x", "a"), grades).unjudged()).isEqualTo(1);
  }
}
