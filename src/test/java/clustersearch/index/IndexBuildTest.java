package clustersearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.search.SearchRequest;
import clustersearch.search.SearchStack;
import clustersearch.source.ListFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building, swapping and failing to build index generations. */
class IndexBuildTest {

  private static long generations(Path indexDir) throws IOException {
    try (Stream<Path> files = Files.list(indexDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
    }
  }

  @Test
  void aDamagedOrEscapingCurrentPointerIsIgnoredAndTheNewestIntactGenerationServed(
      @TempDir Path home) throws IOException {
    // Issue 17, fault 6: one non-UTF-8 byte stopped serve and index; ../ served another folder.
    IndexBuild.run(TestData.config(home));
    Path index = home.resolve("index");
    Files.createDirectories(home.resolve("elsewhere"));
    for (byte[] current :
        List.of(
            new byte[] {'g', 'e', 'n', '-', (byte) 0xff},
            "gen-1/../../elsewhere".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      Files.write(index.resolve("CURRENT"), current);

      assertThat(new IndexLayout(index).current()).isEmpty();
      try (var stack = clustersearch.search.SearchStack.open(TestData.config(home)).orElseThrow()) {
        assertThat(stack.service().health().documents()).isEqualTo(43);
      }
    }
    assertThat(IndexBuild.run(TestData.config(home)).clusters()).isEqualTo(43);
  }

  @Test
  void anIndexBuiltFromOtherIndexTimeConfigurationIsNotServed(@TempDir Path home)
      throws IOException {
    Path config = TestData.copyOfConfig(home);
    clustersearch.config.AppConfig built = TestData.config(home).withConfigDir(config);
    IndexBuild.run(built);
    assertThat(clustersearch.search.SearchStack.open(built))
        .isPresent()
        .get()
        .satisfies(s -> s.close());

    // A term added to the knowledge base changes what the index holds: the old one is refused
    // (serve then rebuilds it from the lists), a query-time file is not.
    Files.writeString(
        config.resolve("weights.yaml"), Files.readString(config.resolve("weights.yaml")) + "\n");
    assertThat(clustersearch.search.SearchStack.open(built))
        .isPresent()
        .get()
        .satisfies(s -> s.close());
    Files.writeString(
        config.resolve("knowledge.yaml"),
        Files.readString(config.resolve("knowledge.yaml")).replace("[高储能, 储能,", "[高储能, 储能, 储能柜,"));
    assertThat(Files.readString(config.resolve("knowledge.yaml"))).contains("储能柜");
    assertThat(clustersearch.search.SearchStack.open(built)).isEmpty();
  }

  @Test
  void aBuildReportsWhatItReadAndWhatItCouldNotClassify(@TempDir Path home) throws IOException {
    IndexBuild.Report report = IndexBuild.run(TestData.config(home));

    assertThat(report.clusters()).isEqualTo(43);
    assertThat(report.lists())
        .singleElement()
        .satisfies(r -> assertThat(r.document().year()).isEqualTo(2021));
    assertThat(report.other()).extracting(c -> c.industry()).containsExactly("煤化工", "富硒");
    assertThat(report.untranslated()).isEmpty();
    assertThat(new IndexLayout(home.resolve("index")).current()).contains(report.generation());
  }

  @Test
  void listsOfTwoYearsAreIndexedTogetherWithDistinctIds(@TempDir Path home) throws IOException {
    Path data = Files.createDirectories(home.resolve("two-years"));
    String text = Files.readString(TestData.LIST_2021, StandardCharsets.UTF_8);
    Files.writeString(data.resolve("clusters-2021.txt"), text);
    Files.writeString(data.resolve("clusters-2022.txt"), text.replace("2021年度", "2022年度"));
    AppConfig config = TestData.config(home, data);

    IndexBuild.Report report = IndexBuild.run(config);

    assertThat(report.clusters()).isEqualTo(86);
    try (SearchStack stack = SearchStack.open(config).orElseThrow()) {
      assertThat(stack.service().health().years()).containsExactly(2021, 2022);
      assertThat(stack.service().get("2022-19").orElseThrow().name()).contains("淄博");
      var first = stack.service().search(SearchRequest.of("", 1)).hits().get(0).cluster();
      assertThat(first.id()).isEqualTo("2021-1"); // list order: year, then 序号
    }
  }

  @Test
  void industryPhrasesWithoutAnEnglishNameAreReported(@TempDir Path home) throws IOException {
    Path data = Files.createDirectories(home.resolve("renamed"));
    String text = Files.readString(TestData.LIST_2021, StandardCharsets.UTF_8);
    Files.writeString(data.resolve("clusters-2021.txt"), text.replace("锂电创新型", "钠电创新型"));

    IndexBuild.Report report = IndexBuild.run(TestData.config(home, data));

    assertThat(report.untranslated()).containsExactly("钠电");
    try (SearchStack stack = SearchStack.open(TestData.config(home, data)).orElseThrow()) {
      assertThat(stack.service().get("2021-17").orElseThrow().english().industryEn())
          .isEqualTo("Nadian");
    }
  }

  @Test
  void twoListsOfTheSameYearAreRefused(@TempDir Path home) throws IOException {
    Path data = Files.createDirectories(home.resolve("same-year"));
    Files.copy(TestData.LIST_2021, data.resolve("a.txt"));
    Files.copy(TestData.LIST_2021, data.resolve("b.txt"));

    assertThatThrownBy(() -> IndexBuild.run(TestData.config(home, data)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("b.txt")
        .hasMessageContaining("a second list of 2021");
  }

  @Test
  void aBrokenListStopsTheBuildAndTheServedIndexStaysIntact(@TempDir Path home) throws IOException {
    AppConfig good = TestData.config(home);
    IndexBuild.run(good);
    Path data = Files.createDirectories(home.resolve("broken-data"));
    String text = Files.readString(TestData.LIST_2021, StandardCharsets.UTF_8);
    Files.writeString(data.resolve("clusters-2021.txt"), text.replace("\t淄博高新区\n管委会\n", ""));
    AppConfig broken = TestData.config(home, data);

    try (SearchStack served = SearchStack.open(good).orElseThrow()) {
      Path before = served.index().generation();

      assertThatThrownBy(() -> IndexBuild.run(broken))
          .isInstanceOf(ListFormatException.class)
          .hasMessageContaining("clusters-2021.txt:")
          .hasMessageContaining("4 cells, expected 5");

      assertThat(new IndexLayout(home.resolve("index")).current()).contains(before);
      assertThat(generations(home.resolve("index"))).isEqualTo(1);
      assertThat(served.index().reloadIfChanged()).isFalse();
      assertThat(served.service().search(SearchRequest.of("", 10)).total()).isEqualTo(43);
    }
  }

  @Test
  void anUnknownRegionStopsTheBuildWithFileAndLine(@TempDir Path home) throws IOException {
    IndexBuild.run(TestData.config(home));
    Path data = Files.createDirectories(home.resolve("data"));
    String text = Files.readString(TestData.LIST_2021, StandardCharsets.UTF_8);
    Files.writeString(data.resolve("list.txt"), text.replace("\t宁波\n", "\t甬城\n"));

    assertThatThrownBy(() -> IndexBuild.run(TestData.config(home, data)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("list.txt:")
        .hasMessageContaining("地区 \"甬城\"");
    assertThat(generations(home.resolve("index"))).isEqualTo(1);
  }

  @Test
  void aServerPicksUpANewGenerationAndOldOnesArePruned(@TempDir Path home) throws IOException {
    AppConfig config = TestData.config(home);
    IndexBuild.run(config);
    try (SearchStack served = SearchStack.open(config).orElseThrow()) {
      Path first = served.index().generation();
      IndexBuild.run(config);
      IndexBuild.run(config);

      assertThat(served.index().reloadIfChanged()).isTrue();
      assertThat(served.index().generation()).isNotEqualTo(first);
      assertThat(served.service().search(SearchRequest.of("生物医药", 3)).hits()).hasSize(3);
      assertThat(generations(home.resolve("index"))).isEqualTo(2);
    }
  }
}
