package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.index.Fields;
import clustersearch.search.QueryPlan.Kind;
import clustersearch.search.QueryPlan.Reading;
import clustersearch.search.QueryPlan.Relation;
import clustersearch.source.IndustryKnowledge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 on the real list: the plan of words the list does not use (product, policy and place
 * words, sentences), the clauses the compiler makes of it, and matches apart from related answers.
 */
class UnderstandingGeneralisesTest extends OnTheRealList {

  private static QueryPlan plan(String q) throws IOException {
    AppConfig config = TestData.config(home);
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      return new QueryFactory(Fields.of(config), config, clustersearch.source.Gazetteer.of(config))
          .plan(q, false, lease.vocabulary());
    }
  }

  private static SearchResult search(String q) throws IOException {
    return service.search(SearchRequest.of(q, 20));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.cluster().id()).toList();
  }

  private static List<String> ids(SearchResult r, SearchResult.Match match) {
    return r.hits().stream().filter(h -> h.match() == match).map(h -> h.cluster().id()).toList();
  }

  @Test
  void theKnowledgeBaseReadsHeadWordsAndDropsModifiers() {
    IndustryKnowledge k = Fields.of(TestData.config(home)).knowledge();
    // 锂电 is a battery of vehicles and of storage; the longest term wins (新能源汽车, 铝基复合材料).
    assertThat(k.conceptsOfPhrase("锂电")).containsExactlyInAnyOrder("5.2", "6.5");
    assertThat(k.conceptsOfPhrase("智能网联新能源汽车")).containsExactlyInAnyOrder("5.1", "5");
    assertThat(k.conceptsOfPhrase("铝基复合材料")).containsExactly("3.2");
    assertThat(k.conceptsOfPhrase("煤化工")).containsExactly("0.1");
    assertThat(k.conceptsOf("储能")).containsExactly("1.2.3", "6.5");
    assertThat(k.find("碳中和"))
        .singleElement()
        .satisfies(f -> assertThat(f.policies()).containsExactly("carbon"));
  }

  @Test
  void aProductWordIsReadAsItsConceptsWithLabels() throws IOException {
    QueryPlan p = plan("储能");
    List<Reading> concepts =
        p.parts().get(0).readings().stream().filter(r -> r.kind() == Kind.CONCEPT).toList();
    assertThat(concepts).extracting(Reading::text).containsExactly("1.2.3", "6.5");
    assertThat(concepts.get(1).label()).isEqualTo("储能 → concept 6.5 智能电网产业");
    // 枣庄锂电 first: its phrase names the concept itself; no cluster names 储能 in its words.
    assertThat(ids(search("储能")).get(0)).isEqualTo("2021-17");
  }

  @Test
  void aSentenceIsCutIntoWordsAndFillersGoOnlyWhereTheyStandAlone() throws IOException {
    assertThat(plan("想找做储能电池的集群").understood().terms()).containsExactly("储能电池");
    assertThat(plan("碳中和").understood().terms()).containsExactly("碳中和");
    assertThat(plan("我们是做医疗器械的，想找中部的集群").understood().terms()).containsExactly("医疗器械");
    assertThat(ids(search("想找做储能电池的集群")).get(0)).isEqualTo("2021-17");
  }

  @Test
  void aPolicyWordFindsTheClustersOfWhatItMeans() throws IOException {
    SearchResult carbon = search("碳中和");
    assertThat(carbon.total()).isPositive();
    assertThat(ids(carbon).subList(0, 3)).contains("2021-28");
    assertThat(carbon.hits().get(0).readings()).anyMatch(r -> r.startsWith("碳中和 → policy"));
  }

  @Test
  void thePlaceIsRelaxedBeforeTheProduct() throws IOException {
    // No 中部 cluster makes medical devices: the medical ones are the matches, not 中部's others.
    SearchResult r = search("我们是做医疗器械的，想找中部的集群");
    assertThat(ids(r, SearchResult.Match.EXACT)).containsExactly("2021-16");
    // 淄博 makes 生物医学工程 (a related word of 医疗器械): next, above the place's other clusters.
    assertThat(ids(r).get(1)).isEqualTo("2021-19");
  }

  @Test
  void aPlaceAndAProductCountOnlyClustersWithBothAsMatches() throws IOException {
    SearchResult r = search("江苏有哪些电子元器件集群");
    assertThat(r.total()).isEqualTo(1);
    assertThat(ids(r, SearchResult.Match.EXACT)).containsExactly("2021-10");
    assertThat(r.related()).isPositive();
    assertThat(r.hits()).hasSize((int) (r.total() + r.related()));
  }

  @Test
  void aWordOnlyBuildersOrRecommendersHoldIsSearchedNotDropped() throws IOException {
    SearchResult r = search("科技局");
    // 天津市科技局, 宁波市科技局, 重庆市科技局, 新疆生产建设兵团科技局: not all 43.
    assertThat(ids(r)).containsExactlyInAnyOrder("2021-1", "2021-11", "2021-34", "2021-43");
  }

  @Test
  void aNicknameIsItsCityAndAnAmbiguousOneIsEveryCity() throws IOException {
    assertThat(ids(search("榕城"))).containsExactly("2021-13");
    assertThat(ids(search("泉城"))).containsExactly("2021-18"); // 莱芜 is a district of 济南
    assertThat(plan("江城").named()).extracting(Reading::text).contains("武汉", "吉林");
  }

  @Test
  void aCountyOfGbt2260IsReadAsItsCityUnlessItsNameIsAmbiguousOrInsideAWord() throws IOException {
    assertThat(plan("昆山").named()).extracting(Reading::text).contains("苏州");
    assertThat(plan("峨山").named()).extracting(Reading::text).contains("玉溪");
    assertThat(plan("通州").named()).isEmpty(); // a district of 北京 and one of 南通
    assertThat(plan("朝阳").named()).extracting(Reading::text).startsWith("朝阳"); // the city
    // 振兴 is a county of 丹东 and the last word of 乡村振兴: the policy word wins.
    assertThat(plan("乡村振兴").named()).isEmpty();
    assertThat(plan("新兴软件").named()).isEmpty();
    // 寿光 (潍坊) has no cluster: its province's are related.
    SearchResult shouguang = search("寿光");
    assertThat(shouguang.total()).isZero();
    assertThat(ids(shouguang, SearchResult.Match.RELATED))
        .containsExactlyInAnyOrder("2021-16", "2021-17", "2021-18", "2021-19");
  }

  @Test
  void aPlaceWithNoClusterShowsItsProvincesClustersAsRelated() throws IOException {
    SearchResult r = search("星城"); // 长沙 has none
    assertThat(r.total()).isZero();
    assertThat(r.note()).isEqualTo("长沙没有集群；以下是湖南的集群（相关）。");
    assertThat(ids(r, SearchResult.Match.RELATED))
        .containsExactlyInAnyOrder("2021-26", "2021-27", "2021-28", "2021-29");
    assertThat(plan("星城").named())
        .anyMatch(n -> n.kind() == Kind.NEARBY && n.relation() == Relation.RELATED);
  }

  @Test
  void aQueryWithNothingRelevantAnswersNothingWithANote() throws IOException {
    SearchResult r = search("婚纱摄影");
    assertThat(r.hits()).isEmpty();
    assertThat(r.note()).contains("没有");
  }

  @Test
  void everyPlaceClauseMeetsATermTheIndexHolds() throws IOException {
    // Place entries used to point at $facets while places live in $vocabulary: a dead clause.
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      IndexSearcher searcher = lease.searcher();
      for (Vocabulary.Entry e : lease.vocabulary().entries()) {
        assertThat(searcher.count(new TermQuery(e.term()))).as(e.text()).isEqualTo(e.count());
      }
      for (String place : List.of("淄博", "阜阳", "莱芜")) {
        assertThat(searcher.count(new TermQuery(Schema.named(QueryPlan.Dimension.CITY, place))))
            .as(place)
            .isPositive();
      }
      assertThat(searcher.count(new TermQuery(Schema.conceptIs("4.1")))).isPositive();
    }
  }

  @Test
  void editingIndexTimeConfigurationChangesTheFingerprint(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("knowledge.yaml"), "concepts: []\n");
    String before = Fields.fingerprint(dir);
    Files.writeString(dir.resolve("knowledge.yaml"), "concepts: [] # edited\n");
    String edited = Fields.fingerprint(dir);
    assertThat(edited).isNotEqualTo(before);
    Files.writeString(dir.resolve("weights.yaml"), "query-time only\n");
    assertThat(Fields.fingerprint(dir)).isEqualTo(edited);
  }

  /**
   * Found while benchmarking issue 19: the whole of settings.yaml counted as index-time
   * configuration, so a server started with the response cache off (or on another port) rebuilt the
   * index it was given. Only its analysis section changes what an index holds.
   */
  @Test
  void onlyTheAnalysisSectionOfTheSettingsCountsInTheFingerprint(@TempDir Path dir)
      throws IOException {
    String settings = Files.readString(clustersearch.TestData.CONFIG.resolve("settings.yaml"));
    Files.writeString(dir.resolve("settings.yaml"), settings);
    String before = Fields.fingerprint(dir);
    Files.writeString(
        dir.resolve("settings.yaml"),
        settings
                .replace("responseCacheMegabytes: 16", "responseCacheMegabytes: 0")
                .replace("port: 7070", "port: 7071")
                .replace("maxSize: 100", "maxSize: 50")
            + "# a comment\n");
    assertThat(Fields.fingerprint(dir)).isEqualTo(before);
    Files.writeString(dir.resolve("settings.yaml"), settings.replace("管委会, 科技厅", "管委会, 办公室, 科技厅"));
    assertThat(Fields.fingerprint(dir)).isNotEqualTo(before);
  }

  @Test
  void aMinusExcludesWhatItNamesInsteadOfBoostingIt() throws IOException {
    List<String> found = ids(search("生物医药 -山东"));
    assertThat(found).contains("2021-21", "2021-38").doesNotContain("2021-16", "2021-19");
  }

  @Test
  void fieldPrefixesFilterAsTheApisFiltersDo() throws IOException {
    assertThat(ids(search("province:山东")))
        .containsExactlyInAnyOrder("2021-16", "2021-17", "2021-18", "2021-19");
    assertThat(ids(search("builder:淄博"))).containsExactly("2021-19");
    // Values of one field OR'ed, fields AND'ed.
    assertThat(ids(search("province:山东 OR province:湖南 sector:新能源产业")))
        .containsExactlyInAnyOrder("2021-28");
  }

  @Test
  void aQuotedPhraseIsSearchedAsTypedOnly() throws IOException {
    // No related words: 中药, 医疗器械 and 细胞 do not come along.
    assertThat(ids(search("\"生物医药\""))).containsExactlyInAnyOrder("2021-19", "2021-21", "2021-38");
  }

  @Test
  void malformedSyntaxIsPlainTextNeverAnError() throws IOException {
    // Each parses badly in Lucene's syntax; each is searched as the text it holds.
    for (String q : List.of("\"生物医药", "生物医药 AND", "(生物医药", "生物医药 [1 TO", "生物医药^")) {
      assertThat(QuerySyntax.parse(q)).as(q).isEmpty();
      assertThat(ids(search(q))).as(q).startsWith("2021-19");
    }
  }

  @Test
  void theCompilerBuildsEachNamedClauseInTheFieldItsDimensionLivesIn() throws IOException {
    java.util.Set<org.apache.lucene.index.Term> terms = new java.util.HashSet<>();
    java.util.Set<org.apache.lucene.index.Term> absent = new java.util.HashSet<>();
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      Query query =
          service.queries().build("淄博 储能 科技", false, lease.searcher(), lease.vocabulary()).query();
      query.visit(
          new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... ts) {
              terms.addAll(List.of(ts));
              for (org.apache.lucene.index.Term t : ts) {
                try {
                  if (lease.searcher().getIndexReader().docFreq(t) == 0) {
                    absent.add(t);
                  }
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(
                org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
              return this;
            }
          });
    }
    // The place in $vocabulary, where places are indexed (it was built in $facets: a dead clause).
    assertThat(terms)
        .contains(
            org.apache.lucene.facet.DrillDownQuery.term(
                Fields.VOCABULARY_FACETS, Fields.DIM_PLACE, "淄博"),
            new org.apache.lucene.index.Term(Fields.CONCEPT, "=6.5"))
        .doesNotContain(
            org.apache.lucene.facet.DrillDownQuery.term(
                org.apache.lucene.facet.FacetsConfig.DEFAULT_INDEX_FIELD_NAME,
                Fields.DIM_PLACE,
                "淄博"));
    // A term no cluster has (储能 in the builder field, nothing under 6.5 but 6.5's own clusters)
    // is a clause that matches nothing and costs nothing (TermLookup), not a term query.
    assertThat(absent).isEmpty();
  }

  @Test
  void aLongQueryOfSingleLettersStaysWithinTheTermBudget() throws IOException {
    // Issue 17, fault 7: 499 letters made 471 terms (118 ms of CPU) past the 32-term budget.
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 499; i++) {
      letters.append((char) ('a' + i % 26)).append(' ');
    }
    java.util.concurrent.atomic.AtomicInteger terms =
        new java.util.concurrent.atomic.AtomicInteger();
    try (ClusterIndex.Lease lease = stack.index().acquire()) {
      service
          .queries()
          .build(letters.toString(), false, lease.searcher(), lease.vocabulary())
          .wide()
          .visit(
              new org.apache.lucene.search.QueryVisitor() {
                @Override
                public void consumeTerms(Query q, org.apache.lucene.index.Term... ts) {
                  terms.addAndGet(ts.length);
                }

                @Override
                public org.apache.lucene.search.QueryVisitor getSubVisitor(
                    org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                  return this;
                }
              });
    }
    // The clause budget, plus what the last reading before it ran out may add.
    assertThat(terms.get())
        .isLessThanOrEqualTo(
            (PlanCompiler.CLAUSES_PER_TERM + 1)
                * TestData.config(home).settings().search().maxQueryTerms());
  }

  @Test
  void aQueryCutAtItsBudgetSaysSo() throws IOException {
    String many = "生物医药 新材料 智能制造 光电 储能 锂电 氢能 集成电路 软件 航空 ".repeat(5);

    assertThat(service.search(SearchRequest.of(many, 10)).note()).startsWith(MatchLevels.CUT);
    assertThat(service.search(SearchRequest.of("生物医药 新材料", 10)).note()).isNull();
  }
}
