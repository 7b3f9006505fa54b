package clustersearch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {

  @Test
  void everyWeightOfTheTableIsRead() {
    Weights w = Weights.load(TestData.CONFIG);

    assertThat(w.matchBonus()).isGreaterThan(w.entityAndTerms() + w.entity());
    assertThat(w.conceptMatch()).isGreaterThan(w.conceptBroader());
    assertThat(w.conceptBroader()).isGreaterThan(w.conceptSibling());
  }

  @Test
  void aMissingWeightStopsStartUpNamingIt(@TempDir Path dir) throws IOException {
    // It used to start and then throw NullPointerException at the first query.
    String table = Files.readString(TestData.CONFIG.resolve("weights.yaml"));
    for (String key : new String[] {"entityAndTerms", "minBigrams", "conceptSibling"}) {
      Files.writeString(dir.resolve("weights.yaml"), table.replaceAll("(?m)^" + key + ":.*$", ""));

      assertThatThrownBy(() -> Weights.load(dir))
          .as(key)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("weights.yaml")
          .hasMessageContaining("'" + key + "' is missing");
    }
  }
}
