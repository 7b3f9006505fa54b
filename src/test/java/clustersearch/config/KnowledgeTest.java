package clustersearch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeTest {

  @Test
  void theKnowledgeBaseCoversEverySectorOfThe2018ClassificationWithItsSources() {
    Knowledge k = Knowledge.load(TestData.CONFIG);

    assertThat(k.concepts())
        .extracting(Knowledge.Concept::id)
        .contains("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(k.termCount()).isGreaterThan(1_500);
    assertThat(k.policies())
        .extracting(Knowledge.Policy::name)
        .contains("碳达峰碳中和", "专精特新", "新质生产力", "国产替代", "低空经济", "银发经济");
    assertThat(k.policies()).allMatch(p -> p.source().contains("《") || p.source().contains("20"));
    Knowledge.Concept batteries =
        k.concepts().stream().filter(c -> c.id().equals("5.2")).findFirst().orElseThrow();
    // A GB/T 4754 class name is a term too, less 制造.
    assertThat(batteries.allTerms()).contains("锂离子电池", "动力电池");
  }

  @Test
  void aConceptWithoutItsParentStopsStartUp(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("knowledge.yaml"), "concepts:\n  - {id: '4.1', name: 生物医药, terms: [医药]}\n");

    assertThatThrownBy(() -> Knowledge.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("knowledge.yaml")
        .hasMessageContaining("no parent concept '4'");
  }

  @Test
  void aPolicyMeaningAnUnknownConceptStopsStartUp(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("knowledge.yaml"),
        "concepts:\n  - {id: '6', name: 新能源产业, terms: [新能源]}\n"
            + "policies:\n  - {id: c, name: 碳中和, source: x, terms: [碳中和], means: {'6.9': 1.0}}\n");

    assertThatThrownBy(() -> Knowledge.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("means unknown concept '6.9'");
  }

  @Test
  void aMalformedGbtClassStopsStartUpNamingIt(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("knowledge.yaml"),
        "concepts:\n  - {id: '6', name: 新能源产业, terms: [新能源], gbt4754: [锂离子电池]}\n");

    assertThatThrownBy(() -> Knowledge.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("锂离子电池");
  }
}
