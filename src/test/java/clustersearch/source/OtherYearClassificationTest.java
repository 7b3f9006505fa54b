package clustersearch.source;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list of another year, written by hand in the official shape with places and industries the 2021
 * list does not have (districts, science cities, zones with a bracketed part, cities unknown to
 * 2021), is classified by the configuration alone: every row's province, city, industry and sector
 * as a person reads them (src/test/resources/lists/clusters-2023-handwritten-expected.tsv).
 */
class OtherYearClassificationTest {
  static final Path LIST = Path.of("src/test/resources/lists/clusters-2023-handwritten.txt");
  static final Path EXPECTED =
      Path.of("src/test/resources/lists/clusters-2023-handwritten-expected.tsv");

  @Test
  void everyRowGetsTheProvinceCityIndustryAndSectorAPersonReads(@TempDir Path home)
      throws IOException {
    ListDocument document = TextListReader.parse(LIST);
    List<Cluster> clusters = Classifier.of(TestData.config(home)).classify(document);
    List<String[]> expected =
        Files.readAllLines(EXPECTED, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> l.split("\t", -1))
            .toList();

    assertThat(document.year()).isEqualTo(2023);
    assertThat(document.title()).isEqualTo("2023年度创新型产业集群试点名单");
    assertThat(document.category()).isEqualTo("试点");
    assertThat(clusters).hasSize(expected.size()).hasSizeGreaterThanOrEqualTo(30);
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i);
      Cluster c = clusters.get(i);
      assertThat(c.id()).isEqualTo("2023-" + e[0]);
      assertThat(List.of(c.province(), c.city(), c.industry(), c.sector()))
          .as(c.name())
          .containsExactly(e[1], e[2], e[3], e[4]);
    }
  }

  @Test
  void aBracketedZonePartReadsIntoTheEnglishName(@TempDir Path home) throws IOException {
    ListDocument document = TextListReader.parse(LIST);
    Cluster binjiang = Classifier.of(TestData.config(home)).classify(document).get(13);

    assertThat(binjiang.name()).isEqualTo("杭州高新区（滨江）数字安防创新型产业集群");
    assertThat(binjiang.english().nameEn())
        .startsWith("Hangzhou High-tech Zone (Binjiang) ")
        .endsWith(" Innovative Industrial Cluster");
  }
}
