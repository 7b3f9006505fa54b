package clustersearch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @Test
  void theProjectConfigurationLoadsWithItsDocumentedValues() {
    AppConfig config = AppConfig.load(Path.of("."), TestData.CONFIG);

    assertThat(config.settings().server().port()).isEqualTo(7070);
    assertThat(config.settings().server().anyOrigin()).isTrue();
    assertThat(config.settings().search().maxSize()).isEqualTo(100);
    assertThat(config.settings().analysis().boilerplate()).contains("创新型产业集群", "高新区");
  }

  @Test
  void listsAll34ProvinceLevelDivisionsOnceInOfficialOrder() {
    Provinces provinces = Provinces.load(TestData.CONFIG);

    assertThat(provinces.order()).hasSize(34).doesNotHaveDuplicates();
    assertThat(provinces.order().subList(0, 3)).containsExactly("北京", "天津", "河北");
    assertThat(provinces.order().subList(31, 34)).containsExactly("台湾", "香港", "澳门");
  }

  @Test
  void everyProvinceHasTheGbT2260CodeItsCountiesStartWith() {
    Provinces provinces = Provinces.load(TestData.CONFIG);
    java.util.Map<String, java.util.Set<String>> prefixes = new java.util.HashMap<>();
    for (Divisions.Division d : Divisions.load(TestData.CONFIG).divisions()) {
      prefixes
          .computeIfAbsent(d.province(), p -> new java.util.TreeSet<>())
          .add(d.code().substring(0, 2));
    }

    assertThat(provinces.codes()).containsEntry("山东", "370000").containsEntry("澳门", "820000");
    for (String province : provinces.order()) {
      if (prefixes.containsKey(province)) {
        assertThat(prefixes.get(province))
            .as(province)
            .containsExactly(provinces.codes().get(province).substring(0, 2));
      }
    }
    assertThat(prefixes).as("mainland provinces in divisions.tsv").hasSizeGreaterThanOrEqualTo(31);
  }

  @Test
  void mapsNingboToZhejiangAndTheCorpsToXinjiang() {
    Provinces provinces = Provinces.load(TestData.CONFIG);

    assertThat(provinces.provinceOf("宁波")).contains("浙江");
    assertThat(provinces.provinceOf("新疆生产建设兵团")).contains("新疆");
    assertThat(provinces.provinceOf("山东")).contains("山东");
    assertThat(provinces.provinceOf("火星")).isEmpty();
  }

  @Test
  void anUnknownKeyStopsStartUpNamingTheKeyAndTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("settings.yaml"), "server:\n  port: 7070\n  prot: 1\n");

    assertThatThrownBy(() -> Settings.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("settings.yaml")
        .hasMessageContaining("unknown key 'server.prot'");
  }

  @Test
  void aBadValueStopsStartUpNamingTheFile(@TempDir Path dir) throws IOException {
    Files.copy(TestData.CONFIG.resolve("weights.yaml"), dir.resolve("weights.yaml"));
    Files.writeString(
        dir.resolve("weights.yaml"),
        Files.readString(dir.resolve("weights.yaml"))
            .replace("  industry: 3.0", "  industri: 3.0"));

    assertThatThrownBy(() -> Weights.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("weights.yaml")
        .hasMessageContaining("fields.industry is missing");
  }

  @Test
  void aSectorOutsideTheNineCategoriesIsRejected(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("industries.yaml"), "sectors:\n  - sector: 信息产业\n    keywords: [电子]\n");

    assertThatThrownBy(() -> IndustryRules.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("industries.yaml")
        .hasMessageContaining("'信息产业' is not one of");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> Provinces.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("provinces.yaml: configuration file not found");
  }

  @Test
  void theLongestKeywordDecidesTheSector() {
    IndustryRules rules = IndustryRules.load(TestData.CONFIG);

    assertThat(rules.sectorOf("生物降解材料及制品")).isEqualTo("新材料产业");
    assertThat(rules.sectorOf("智能网联新能源汽车")).isEqualTo("新能源汽车产业");
    assertThat(rules.sectorOf("光伏")).isEqualTo("新能源产业");
    assertThat(rules.sectorOf("煤化工")).isEqualTo(IndustryRules.OTHER);
  }
}
