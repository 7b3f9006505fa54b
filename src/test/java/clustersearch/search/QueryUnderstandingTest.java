package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.source.Gazetteer;
import clustersearch.source.Gazetteer.Entity;
import clustersearch.source.Gazetteer.Kind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each stage of query understanding on its own: input text → structure, on the real list. */
class QueryUnderstandingTest extends OnTheRealList {
  static AppConfig config;
  static Gazetteer gazetteer;
  static ClusterIndex.Lease lease;
  static Vocabulary vocabulary;

  @BeforeAll
  static void stages() throws IOException {
    config = TestData.config(home);
    gazetteer = Gazetteer.of(config);
    lease = stack.index().acquire();
    vocabulary = lease.vocabulary();
  }

  @AfterAll
  static void release() throws IOException {
    lease.close();
  }

  // 1. Normalise.

  @Test
  void normalisingFoldsWidthCaseAndTraditionalCharacters() {
    assertThat(QueryText.normalize("生物醫藥 ＳＨＡＮＤＯＮＧ")).isEqualTo("生物医药 shandong");
  }

  // 2. Recognise.

  private static EntityRecognizer.Result recognize(String text) {
    return new EntityRecognizer(gazetteer, clustersearch.index.Fields.of(config).knowledge())
        .recognize(QueryText.normalize(text), vocabulary);
  }

  @Test
  void aProvinceIsRecognisedByAnyOfItsNamesAndLeavesTheText() {
    for (String name : List.of("山东", "山东省", "鲁", "Shandong", "shandong")) {
      assertThat(recognize(name).places())
          .as(name)
          .containsExactly(new Entity(Kind.PROVINCE, "山东"));
    }
    EntityRecognizer.Result question = recognize("江苏有哪些电子元器件集群");
    assertThat(question.places()).containsExactly(new Entity(Kind.PROVINCE, "江苏"));
    assertThat(question.rest()).isEqualTo("有哪些电子元器件集群");
  }

  @Test
  void citiesAreasAndSectorsAreRecognisedInsideText() {
    assertThat(recognize("淄博生物医药").places()).containsExactly(new Entity(Kind.CITY, "淄博"));
    assertThat(recognize("燕郊").places()).containsExactly(new Entity(Kind.CITY, "廊坊"));
    assertThat(recognize("长江三角洲的电子").places()).containsExactly(new Entity(Kind.AREA, "长三角"));
    assertThat(recognize("Yangtze River Delta").places())
        .containsExactly(new Entity(Kind.AREA, "长三角"));
    assertThat(recognize("大湾区 新能源汽车").places()).containsExactly(new Entity(Kind.AREA, "粤港澳大湾区"));
    EntityRecognizer.Result sector = recognize("有哪些新材料产业集群");
    assertThat(sector.sectors()).containsExactly("新材料产业");
    assertThat(sector.rest()).isEqualTo("有哪些 集群");
  }

  @Test
  void aOneCharacterAbbreviationCountsOnlyAsAWholePart() {
    assertThat(recognize("新材料").places()).isEmpty(); // 新 is 新疆 only alone
    assertThat(recognize("云计算").places()).isEmpty(); // 云 is 云南 only alone
  }

  // 3. Cut into words, fillers dropped where they stand as words.

  private static Segmenter.Result drop(String text) {
    return new Segmenter(
            clustersearch.index.Fields.of(config).knowledge(), config.understanding().fillers())
        .segment(QueryText.normalize(text), vocabulary);
  }

  @Test
  void questionAndFillerWordsAreDropped() {
    Segmenter.Result r = drop("有哪些电子元器件集群");
    assertThat(r.parts()).containsExactly("电子元器件");
    assertThat(r.dropped()).containsExactly("有哪些", "集群");
    assertThat(drop("我想找新能源汽车相关的").parts()).containsExactly("新能源汽车");
  }

  @Test
  void fillersInsideAnIndustryPhraseStay() {
    assertThat(drop("新兴软件和新型信息技术服务").parts()).containsExactly("新兴软件和新型信息技术服务");
    assertThat(drop("细胞产业").parts()).containsExactly("细胞产业");
  }

  // 4. Expand.

  private static List<Expander.Reading> expand(String part) {
    return Expander.of(config).expand(part, vocabulary, t -> Math.max(1, t.length() - 1));
  }

  private static Expander.Reading reading(String part, String text) {
    return expand(part).stream().filter(r -> r.text().equals(text)).findFirst().orElseThrow();
  }

  @Test
  void eachReadingCarriesItsKindAndTheWeightOfTheTable() {
    var w = config.weights();
    assertThat(expand("无纺布").get(0))
        .isEqualTo(new Expander.Reading("无纺布", Expander.Kind.TYPED, 1f, 2));
    assertThat(reading("无纺布", "非织造布").kind()).isEqualTo(Expander.Kind.SYNONYM);
    assertThat(reading("无纺布", "非织造布").weight()).isEqualTo(w.synonym());
    assertThat(reading("swyy", "生物医药").kind()).isEqualTo(Expander.Kind.PINYIN);
    assertThat(reading("swyy", "生物医药").weight()).isEqualTo(w.pinyin());
    assertThat(reading("aluminium", "铝").kind()).isEqualTo(Expander.Kind.ENGLISH);
    assertThat(reading("电动车", "新能源汽车").kind()).isEqualTo(Expander.Kind.CONCEPT);
    assertThat(reading("电动车", "新能源汽车").weight()).isEqualTo(w.concept());
  }

  @Test
  void aTypoIsReadAsTheOnePhraseThatSoundsTheSame() {
    assertThat(reading("富西", "富硒").kind()).isEqualTo(Expander.Kind.HOMOPHONE);
    assertThat(reading("富西", "富硒").weight()).isEqualTo(config.weights().homophone());
    assertThat(reading("数字市听", "数字视听").kind()).isEqualTo(Expander.Kind.HOMOPHONE);
    assertThat(expand("生物医药")).noneMatch(r -> r.kind() == Expander.Kind.HOMOPHONE);
  }

  // 5. The whole pipeline: the understood structure of a query.

  @Test
  void theResponseSaysWhatWasUnderstood() throws IOException {
    SearchResult r = service.search(SearchRequest.of("江苏有哪些电子元器件集群", 10));

    assertThat(r.understood().province()).containsExactly("江苏");
    assertThat(r.understood().terms()).containsExactly("电子元器件");
    assertThat(r.understood().dropped()).containsExactly("有哪些", "集群");
    assertThat(r.hits().get(0).cluster().id()).isEqualTo("2021-10"); // 盐城: 江苏 and the industry
    assertThat(r.didYouMean()).isNull();
  }

  @Test
  void theRecommenderIsSearchable() throws IOException {
    SearchResult corps = service.search(SearchRequest.of("新疆生产建设兵团科技局", 10));
    assertThat(corps.hits()).extracting(h -> h.cluster().id()).containsExactly("2021-43");
    SearchResult ningbo = service.search(SearchRequest.of("宁波市科技局", 10));
    assertThat(ningbo.hits()).extracting(h -> h.cluster().id()).containsExactly("2021-11");
  }

  @Test
  void aPlaceAndAnIndustryRankClustersWithBothFirst() throws IOException {
    List<String> ids =
        service.search(SearchRequest.of("湖南的装备制造集群有哪些", 10)).hits().stream()
            .map(h -> h.cluster().id())
            .toList();

    assertThat(ids.subList(0, 3)).containsExactlyInAnyOrder("2021-26", "2021-27", "2021-29");
  }

  @Test
  void aTypoIsSearchedAsThePhraseUnlessExact() throws IOException {
    SearchResult read = service.search(SearchRequest.of("富西", 10));
    assertThat(read.didYouMean()).isEqualTo(new SearchResult.DidYouMean("富硒", "富西"));
    assertThat(read.hits().get(0).cluster().id()).isEqualTo("2021-42");

    SearchResult exact =
        service.search(
            new SearchRequest(
                "富西",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                1,
                10,
                true,
                false,
                SearchRequest.Order.RELEVANCE));
    assertThat(exact.didYouMean()).isNull();
    assertThat(exact.total()).isZero();
  }

  @Test
  void explainGivesEachHitItsScoreParts() throws IOException {
    SearchResult r =
        service.search(
            new SearchRequest(
                "锂电",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                1,
                3,
                false,
                true,
                SearchRequest.Order.RELEVANCE));

    SearchResult.Explanation top = r.hits().get(0).explain();
    assertThat(top.value()).isEqualTo(r.hits().get(0).score());
    assertThat(flatten(top)).anyMatch(d -> d.contains("industry.gram:锂电"));
  }

  private static List<String> flatten(SearchResult.Explanation e) {
    List<String> all = new java.util.ArrayList<>(List.of(e.description()));
    e.details().forEach(d -> all.addAll(flatten(d)));
    return all;
  }

  @Test
  void regionsCountAsTheNationalBureauOfStatisticsDrawsThem() throws IOException {
    List<SearchResult.FacetValue> areas = service.facets(SearchRequest.of("", 1)).facets().area();

    assertThat(areas)
        .extracting(SearchResult.FacetValue::value, SearchResult.FacetValue::count)
        .contains(
            org.assertj.core.groups.Tuple.tuple("东部", 16L),
            org.assertj.core.groups.Tuple.tuple("中部", 15L),
            org.assertj.core.groups.Tuple.tuple("西部", 10L),
            org.assertj.core.groups.Tuple.tuple("东北", 2L),
            org.assertj.core.groups.Tuple.tuple("长三角", 6L),
            org.assertj.core.groups.Tuple.tuple("珠三角", 2L),
            org.assertj.core.groups.Tuple.tuple("成渝地区双城经济圈", 3L));
    Stats stats = service.stats(SearchRequest.of("", 1));
    assertThat(stats.areas()).hasSize(gazetteer.areas().size());
    assertThat(stats.areas().get(0).value()).isEqualTo("东部");
    assertThat(stats.areas().get(0).count()).isEqualTo(16);
  }

  @Test
  void everyClusterHasEnglishNames() throws IOException {
    List<SearchResult.Hit> all = service.search(SearchRequest.of("", 43)).hits();

    assertThat(all)
        .allSatisfy(
            h -> {
              var en = h.cluster().english();
              assertThat(en.nameEn())
                  .matches("[A-Za-z0-9 ()'\\-]+")
                  .endsWith("Innovative Industrial Cluster");
              assertThat(en.provinceEn()).matches("[A-Za-z ]+");
              assertThat(en.industryEn()).matches("[A-Za-z ()\\-]+");
            });
    assertThat(all.get(18).cluster().english().nameEn())
        .isEqualTo(
            "Zibo High-tech Zone Biomedicine and Biomedical Engineering Innovative Industrial Cluster");
    assertThat(all.get(6).cluster().english().nameEn())
        .isEqualTo(
            "Songjiang G60 Science and Technology Innovation Corridor Digital Economy Innovative Industrial Cluster");
    assertThat(all.get(0).cluster().english().nameEn())
        .isEqualTo("Tianjin Cell Industry Innovative Industrial Cluster");
    // Pinyin writes an apostrophe before a syllable starting with a, o or e: Ji'an, not Jian.
    assertThat(all)
        .filteredOn(h -> h.cluster().name().startsWith("吉安"))
        .singleElement()
        .satisfies(h -> assertThat(h.cluster().english().nameEn()).startsWith("Ji'an "));
    assertThat(all.get(25).cluster().english().nameEn())
        .isEqualTo(
            "Yueyang Lingang High-tech Zone Intelligent Manufacturing Equipment Innovative Industrial Cluster");
  }
}
