package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.Synonyms;
import clustersearch.search.SearchResult.Hit;
import clustersearch.source.Cluster;
import clustersearch.source.Pinyin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Synonyms, pinyin, traditional characters, highlighting and autocomplete on the real list. */
class RelevanceFeaturesTest extends OnTheRealList {
  static List<Hit> hits(String q) throws IOException {
    return service.search(SearchRequest.of(q, 20)).hits();
  }

  static List<String> ids(String q) throws IOException {
    return hits(q).stream().map(h -> h.cluster().id()).toList();
  }

  /**
   * Every rule of config/synonyms.txt, end to end: where a word of a rule is in a cluster's name,
   * searching the rule's other side finds that cluster. Matching is on characters, so a rule cannot
   * silently fail the way a smartcn-segmented rule can.
   */
  @Test
  void everySynonymRuleFindsTheClustersItsWordsName() throws IOException {
    Synonyms synonyms = Synonyms.load(TestData.CONFIG);
    List<Cluster> list = TestData.expected2021();
    List<String> checked = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, Set<String>> rule : synonyms.rules().entrySet()) {
      for (String target : rule.getValue()) {
        for (Cluster c : list) {
          if (c.name().toLowerCase().contains(target)) {
            checked.add(rule.getKey() + " → " + target);
            if (!ids(rule.getKey()).contains(c.id())) {
              failed.add(rule.getKey() + " does not find " + c.id() + " (" + target + ")");
            }
          }
        }
      }
    }
    assertThat(failed).isEmpty();
    assertThat(checked).hasSizeGreaterThan(40);
  }

  @Test
  void newSynonymsApplyWithoutAReindexAndClearParsedQueries() throws IOException {
    // 资讯 is found only through its synonym 信息 (电子信息, 信息终端设备制造 …).
    assertThat(ids("资讯")).contains("2021-6", "2021-32");
    try {
      service.setSynonyms(Synonyms.none());
      assertThat(ids("资讯")).isEmpty();
    } finally {
      service.setSynonyms(Synonyms.load(TestData.CONFIG));
    }
    assertThat(ids("资讯")).contains("2021-6", "2021-32");
  }

  @Test
  void equivalentWordsFindTheListsSpelling() throws IOException {
    assertThat(ids("无纺布")).first().isEqualTo("2021-23");
    assertThat(ids("风电")).first().isEqualTo("2021-28");
    assertThat(ids("锂电池")).first().isEqualTo("2021-17");
    assertThat(ids("中医药")).first().isEqualTo("2021-39");
    assertThat(ids("智造")).first().isEqualTo("2021-34");
    assertThat(ids("汽车摩托车")).first().isEqualTo("2021-34");
  }

  @Test
  void theQueryAsTypedOutranksItsSynonyms() throws IOException {
    List<String> ids = ids("智造");
    assertThat(ids.indexOf("2021-34")).isLessThan(ids.indexOf("2021-18"));
    List<String> biomedicine = ids("生物医药");
    assertThat(biomedicine.subList(0, 3))
        .containsExactlyInAnyOrder("2021-19", "2021-21", "2021-38");
    assertThat(biomedicine.subList(3, 5)).containsExactlyInAnyOrder("2021-35", "2021-39");
    // 生物降解材料 shares only the word 生物: it is not what 生物医药 asks for.
    assertThat(biomedicine).doesNotContain("2021-5");
  }

  @ParameterizedTest
  @CsvSource({
    "shengwuyiyao, 2021-19 2021-21 2021-38",
    "sheng wu yi yao, 2021-19 2021-21 2021-38",
    "swyy, 2021-19 2021-21 2021-38",
    "zhinengzhizao, 2021-18 2021-26 2021-41",
    "znzz, 2021-18 2021-26 2021-41",
    "lidian, 2021-17",
    "lv, 2021-12",
    "feizhizaobu, 2021-23",
  })
  void pinyinAndInitialsFindTheIndustry(String pinyin, String best) throws IOException {
    List<String> expected = List.of(best.split(" "));

    assertThat(ids(pinyin).subList(0, expected.size()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The places of the list in pinyin, written by hand, including those ICU reads wrongly. */
  @ParameterizedTest
  @CsvSource({
    "tianjin, 天津", "yanjiao, 河北", "taiyuan, 山西", "changzhi, 山西", "yingkou, 辽宁",
    "jilin, 吉林", "songjiang, 上海", "xuzhou, 江苏", "changshu, 江苏", "yancheng, 江苏",
    "ningbo, 浙江", "fuyang, 安徽", "jieshou, 安徽", "fuzhou, 福建", "yingtan, 江西",
    "weihai, 山东", "zaozhuang, 山东", "laiwu, 山东", "zibo, 山东", "xuchang, 河南",
    "xinxiang, 河南", "suizhou, 湖北", "xiantao, 湖北", "huangshi, 湖北", "xiaogan, 湖北",
    "yueyang, 湖南", "changde, 湖南", "xiangtan, 湖南", "loudi, 湖南", "foshan, 广东",
    "zhaoqing, 广东", "heyuan, 广东", "shantou, 广东", "yongchuan, 重庆", "chongqing, 重庆",
    "chengdu, 四川", "mianyang, 四川", "anshun, 贵州", "yuxi, 云南", "chuxiong, 云南",
    "yulin, 陕西", "weinan, 陕西", "ankang, 陕西", "shihezi, 新疆", "shandong, 山东",
    "shaanxi, 陕西", "shanxi, 山西", "guangdong, 广东", "hubei, 湖北", "xinjiang, 新疆",
  })
  void everyPlaceOfTheListIsFoundByItsPinyin(String pinyin, String province) throws IOException {
    List<Hit> hits = hits(pinyin);
    assertThat(hits).as(pinyin).isNotEmpty();
    assertThat(hits.get(0).cluster().province()).as(pinyin).isEqualTo(province);
  }

  @Test
  void icuMisreadingsAreCorrectedByTheOverrideList() {
    Pinyin pinyin = new Pinyin(clustersearch.config.PinyinConfig.load(TestData.CONFIG));

    assertThat(pinyin.syllables("长治")).containsExactly("chang", "zhi");
    assertThat(pinyin.syllables("成都")).containsExactly("cheng", "du");
    assertThat(pinyin.syllables("佛山")).containsExactly("fo", "shan");
    assertThat(pinyin.syllables("陕西")).containsExactly("shaan", "xi");
    assertThat(pinyin.syllables("山西")).containsExactly("shan", "xi");
    assertThat(pinyin.syllables("铝G")).containsExactly("lv", null);
  }

  @Test
  void aPinyinMatchScoresBelowTheCharacterMatchOfTheSameWords() throws IOException {
    float chars = hits("生物医药").get(0).score();
    float pinyin = hits("shengwuyiyao").get(0).score();

    assertThat(pinyin).isLessThan(chars);
  }

  @Test
  void traditionalCharactersMatchTheirSimplifiedForms() throws IOException {
    assertThat(ids("生物醫藥")).isEqualTo(ids("生物医药"));
    assertThat(ids("非織造布")).first().isEqualTo("2021-23");
    assertThat(ids("智能製造")).isEqualTo(ids("智能制造"));
  }

  @Test
  void highlightsMarkBigramSmartcnSynonymPinyinAndTraditionalMatches() throws IOException {
    assertThat(hits("生物医药").get(0).highlight().name())
        .isEqualTo("淄博高新区<em>生物医药</em>与<em>生物医学</em>工程创新型产业集群");
    assertThat(hits("无纺布").get(0).highlight().name()).isEqualTo("仙桃高新区<em>非织造布</em>创新型产业集群");
    assertThat(hits("swyy").get(0).highlight().name())
        .isEqualTo("淄博高新区<em>生物医药</em>与<em>生物医学</em>工程创新型产业集群");
    assertThat(hits("生物醫藥").get(0).highlight().name())
        .isEqualTo("淄博高新区<em>生物医药</em>与<em>生物医学</em>工程创新型产业集群");
    // 铝基 is a concept word of 铝 (concepts.yaml), found whole in the phrase.
    assertThat(hits("铝").get(0).highlight().name()).isEqualTo("阜阳界首高新区<em>铝基</em>复合材料创新型产业集群");
    assertThat(hits("淄博").get(0).highlight().builder()).isEqualTo("<em>淄博</em>高新区管委会");
    assertThat(hits("g60").get(0).highlight().name()).isEqualTo("松江<em>G60</em>科创走廊数字经济创新型产业集群");
  }

  @Test
  void highlightsNeverMarkBoilerplateAndEscapeTheRest() {
    Highlighter highlighter =
        new Highlighter(
            new clustersearch.index.Fields(
                clustersearch.config.Settings.defaults().analysis(), List.of()));

    assertThat(highlighter.highlight("甲高新区乙", List.of("高新", "新区"))).isEqualTo("甲高新区乙");
    assertThat(highlighter.highlight("<b>生物&医药</b>", List.of("生物", "物医", "医药")))
        .isEqualTo("&lt;b&gt;<em>生物</em>&amp;<em>医药</em>&lt;/b&gt;");
  }

  @Test
  void suggestionsCompletePrefixesPinyinAndInitials() throws IOException {
    assertThat(service.suggest("生物", 10).suggestions())
        .first()
        .satisfies(s -> assertThat(s.text()).isEqualTo("生物医药"));
    assertThat(service.suggest("swy", 10).suggestions())
        .extracting(SearchResult.Suggestion::text)
        .startsWith("生物医药");
    assertThat(service.suggest("shand", 10).suggestions())
        .extracting(SearchResult.Suggestion::text)
        .first()
        .isEqualTo("山东");
    assertThat(service.suggest("山东", 10).suggestions().get(0).count()).isEqualTo(4);
    assertThat(service.suggest("生", 3).suggestions()).hasSize(3);
    assertThat(service.suggest("  ", 10).suggestions()).isEmpty();
  }

  @Test
  void areasAreSuggestedAndAFullNameCarriesItsCluster() throws IOException {
    // Issue 18: 长三 suggested nothing, and choosing a cluster's full name searched for it.
    assertThat(service.suggest("长三", 10).suggestions())
        .filteredOn(s -> s.kind().equals("area"))
        .extracting(SearchResult.Suggestion::text)
        .contains("长三角");

    List<SearchResult.Suggestion> named =
        service.suggest("新乡高新区生物医药", 10).suggestions().stream()
            .filter(s -> s.kind().equals("name"))
            .toList();
    assertThat(named).hasSize(1);
    assertThat(named.get(0).text()).isEqualTo("新乡高新区生物医药创新型产业集群");
    assertThat(service.get(named.get(0).id()).orElseThrow().name()).isEqualTo(named.get(0).text());
    assertThat(service.suggest("生物", 10).suggestions())
        .filteredOn(s -> !s.kind().equals("name"))
        .allSatisfy(s -> assertThat(s.id()).isNull());
  }
}
