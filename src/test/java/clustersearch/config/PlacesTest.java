package clustersearch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacesTest {

  @Test
  void nicknamesNameCitiesOfTheGazetteerAndAmbiguousOnesNameEach() {
    Places p = Places.load(TestData.CONFIG);

    assertThat(p.nicknames().get("星城")).containsExactly("长沙");
    assertThat(p.nicknames().get("金陵")).containsExactly("南京");
    assertThat(p.nicknames().get("江城")).containsExactly("武汉", "吉林");
  }

  @Test
  void aNicknameOfAnUnknownCityStopsStartUp(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("places.yaml"),
        Files.readString(TestData.CONFIG.resolve("places.yaml")).replace("星城: [长沙]", "星城: [长莎]"));

    assertThatThrownBy(() -> Places.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nicknames.星城")
        .hasMessageContaining("长莎");
  }
}
