package clustersearch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivisionsTest {

  @Test
  void everyCountyLevelDivisionHasItsPrefectureAndProvince() {
    Divisions d = Divisions.load(TestData.CONFIG);

    assertThat(d.divisions()).hasSizeGreaterThan(2_800);
    assertThat(d.divisions())
        .contains(
            new Divisions.Division("320583", "昆山市", "昆山", "苏州", "江苏"),
            new Divisions.Division("370116", "莱芜区", "莱芜", "济南", "山东"),
            new Divisions.Division("530426", "峨山彝族自治县", "峨山", "玉溪", "云南"),
            new Divisions.Division("429004", "仙桃市", "仙桃", "仙桃", "湖北"));
  }

  @Test
  void aMalformedLineStopsStartUpWithTheFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("divisions.tsv"), "# header\n320583\t昆山市\t昆山\n");

    assertThatThrownBy(() -> Divisions.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("divisions.tsv:2");
  }

  @Test
  void aCodeThatIsNotSixAsciiDigitsStopsStartUp(@TempDir Path dir) throws IOException {
    for (String code : new String[] {"32058", "3205831", "32058x", "３２０５８３", ""}) {
      Files.writeString(
          dir.resolve("divisions.tsv"), "320583\t昆山市\t昆山\t苏州\t江苏\n" + code + "\t昆山市\t昆山\t苏州\t江苏\n");

      assertThatThrownBy(() -> Divisions.load(dir))
          .as(code)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("divisions.tsv:2");
    }
  }
}
