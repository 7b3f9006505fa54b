package clustersearch.index;

import clustersearch.config.Settings;
import clustersearch.source.IndustryKnowledge;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Names every index field, says why it is indexed the way it is, and builds the analyzers that the
 * indexer and the query side share.
 *
 * <p>Each searchable group (industry, name, place, builder, recommender) is indexed with CJK
 * bigrams plus unigrams ({@code group.gram}): smartcn alone loses recall on this list (as a query
 * 中药 segments to 中/药 while the name holds the token 中药, and 汽摩智造 or 锂电 fall apart into single
 * characters). Bigrams match any run of two or more characters, unigrams serve one-character
 * queries such as 铝. The industry phrase alone is also indexed with smartcn, for the word-level
 * match (the head word 制造 of 智能制造) that the query reads; the other groups' smartcn twins were never
 * queried and are gone. The English names are one more field, with English analysis.
 */
public final class Fields {

  /** The commit data key that names the fields' version a generation was written with. */
  public static final String SCHEMA_KEY = "cluster-search.schema";

  /**
   * The version of the fields and facet dimensions; a generation written with another is rebuilt,
   * not served (3: province rank, list title and category, the province / sector dimension; 4:
   * place, name and province / sector in facet fields of their own; 5: text fields without
   * positions; 6: industry concepts and unit words; 7: a concept read by the longest term only; 8:
   * areas in the statistics' facet field too).
   */
  public static final String SCHEMA = "8";

  /**
   * The configuration files whose content the index is built from (index-time configuration): an
   * edit of one makes the fingerprint differ, and serve rebuilds the index instead of serving it.
   * Of {@code settings.yaml} only its {@code analysis} section counts: the server's, the search's
   * and the lists' settings change nothing an index holds.
   */
  public static final List<String> INDEX_TIME_CONFIG =
      List.of(
          "settings.yaml",
          "provinces.yaml",
          "industries.yaml",
          "places.yaml",
          "regions.yaml",
          "glossary.yaml",
          "pinyin.yaml",
          "knowledge.yaml",
          "divisions.tsv");

  /**
   * The index field of the place and name dimensions (the vocabulary's), apart from the default
   * facet field that searches count, so a search counts only the dimensions it shows.
   */
  public static final String VOCABULARY_FACETS = "$vocabulary";

  /** The index field of the province / sector dimension, counted by /api/stats only. */
  public static final String STATS_FACETS = "$stats";

  /** Exact id ("2021-19"), for /api/clusters/{id}; stored. */
  public static final String ID = "id";

  /** The list's year: stored, a doc value (list order across years) and a facet dimension. */
  public static final String YEAR = "year";

  /** The list number: stored and a doc value, the tie-breaker of every ranking. */
  public static final String SEQ = "seq";

  /**
   * The province's place in the official order (北京 0, 天津 1 …; unknown last): a doc value, for
   * sorting by province.
   */
  public static final String PROVINCE_RANK = "province_rank";

  /** The title of the list a cluster was published in, and its category (试点, 培育): stored. */
  public static final String LIST_TITLE = "list_title";

  public static final String CATEGORY = "category";

  /** The industry phrase (生物医药): smartcn for the word match, stored for display. */
  public static final String INDUSTRY = "industry";

  /** The whole name: stored; searched through its bigram twin. */
  public static final String NAME = "name";

  /** Region, province, city and the place the name prints (宁波 浙江; 淄博): bigrams only. */
  public static final String PLACE = "place";

  /** The builder units, one value each: stored; searched through the bigram twin. */
  public static final String BUILDER = "builder";

  /** The recommending department (山东省科技厅): stored; searched through the bigram twin. */
  public static final String RECOMMENDER = "recommender";

  /** The English names (name, province, sector, industry, areas): English analysis, not stored. */
  public static final String ENGLISH = "english";

  /**
   * The industry concepts of a cluster (config/knowledge.yaml), not analysed, documents only:
   * {@code =ID} for each concept its industry phrase names, {@code <ID} for each concept above one
   * of those (4.1.3 gives =4.1.3, <4.1, <4). A query concept meets them in a few term clauses: its
   * own id or one below it ({@code =C}, {@code <C}), one above it ({@code =P}), a sibling ({@code
   * <P}).
   */
  public static final String CONCEPT = "concept";

  /** Prefix of a concept the cluster's phrase names. */
  public static final String CONCEPT_IS = "=";

  /** Prefix of a concept above one the cluster's phrase names. */
  public static final String CONCEPT_UNDER = "<";

  /**
   * The boilerplate words its name, builder units and recommender hold (管委会, 科技厅, 高新区), not
   * analysed: the gram fields blank them out, so a query of nothing but such words (科技厅) finds the
   * clusters a 科技厅 recommended through this field instead of matching every cluster.
   */
  public static final String UNIT = "unit";

  /** Stored only: the city and the areas of a cluster, and the English names one by one. */
  public static final String CITY = "city";

  public static final String AREAS = "areas";
  public static final String NAME_EN = "name_en";
  public static final String PROVINCE_EN = "province_en";
  public static final String SECTOR_EN = "sector_en";
  public static final String INDUSTRY_EN = "industry_en";

  /** Stored only: the values a hit displays but nobody searches. */
  public static final String REGION = "region";

  public static final String PROVINCE = "province";
  public static final String BUILDER_TEXT = "builder_text";
  public static final String SECTOR = "sector";

  /**
   * Facet dimensions: flat province and year, hierarchical sector / industry, multi-valued area (a
   * cluster lies in one NBS region and in any number of strategic areas).
   */
  public static final String DIM_PROVINCE = "province";

  public static final String DIM_AREA = "area";

  public static final String DIM_INDUSTRY = "industry";
  public static final String DIM_YEAR = "year";

  /**
   * Province / sector, hierarchical: the province × sector matrix of /api/stats from facet counts.
   */
  public static final String DIM_PROVINCE_SECTOR = "province_sector";

  /**
   * The areas again, in the statistics' facet field: /api/stats counts its matrix and its areas in
   * one pass over one field's ordinals, not two.
   */
  public static final String DIM_STATS_AREA = "stats_area";

  /** Internal dimensions for autocomplete and pinyin: every place name, every cluster name. */
  public static final String DIM_PLACE = "place";

  public static final String DIM_NAME = "name";

  /** The searchable groups, each indexed as {@code group.gram}. */
  public static final List<String> GROUPS = List.of(INDUSTRY, NAME, PLACE, BUILDER, RECOMMENDER);

  private static final String GRAM_SUFFIX = ".gram";

  private final List<String> boilerplate;
  private final List<String> provinceOrder;
  private final IndustryKnowledge knowledge;
  private final String fingerprint;
  private final Analyzer word;
  private final Analyzer gramIndex;
  private final Analyzer gramQuery;
  private final Analyzer index;
  private final Analyzer english;

  /** The analyzers alone, for tests of analysis: no knowledge base, so no concept is ever given. */
  public Fields(Settings.Analysis analysis, List<String> provinceOrder) {
    this(
        analysis,
        provinceOrder,
        new IndustryKnowledge(new clustersearch.config.Knowledge(List.of(), List.of())),
        "none");
  }

  /**
   * Builds the analyzers for the boilerplate of {@code analysis}.
   *
   * @param provinceOrder the official order of provinces, for {@link #PROVINCE_RANK}
   */
  public Fields(
      Settings.Analysis analysis,
      List<String> provinceOrder,
      IndustryKnowledge knowledge,
      String fingerprint) {
    this.boilerplate = analysis.boilerplate();
    this.provinceOrder = List.copyOf(provinceOrder);
    this.knowledge = knowledge;
    this.fingerprint = fingerprint;
    NormalizeCharMap blanks = blanks(boilerplate);
    this.word = new WordAnalyzer(blanks);
    this.gramIndex = new GramAnalyzer(blanks, true);
    this.gramQuery = new GramAnalyzer(blanks, false);
    this.english = new EnglishAnalyzer();
    Map<String, Analyzer> perField = new HashMap<>();
    GROUPS.forEach(group -> perField.put(gram(group), gramIndex));
    perField.put(ENGLISH, english);
    this.index = new PerFieldAnalyzerWrapper(word, perField);
  }

  /** The fields of a configuration: its boilerplate and its province order. */
  public static Fields of(clustersearch.config.AppConfig config) {
    return new Fields(
        config.settings().analysis(),
        config.provinces().order(),
        new IndustryKnowledge(config.knowledge()),
        fingerprint(config.configDir(), config.settings().analysis()));
  }

  /**
   * What a generation's commit data records and what a served one must match: the fields' version
   * and the fingerprint of the index-time configuration that built it.
   */
  public String stamp() {
    return SCHEMA + "/" + fingerprint;
  }

  /** The knowledge base the concept field is built from. */
  public IndustryKnowledge knowledge() {
    return knowledge;
  }

  /**
   * The first 12 hex digits of the SHA-256 of the index-time configuration of {@code dir} ({@link
   * #INDEX_TIME_CONFIG}, by name and content; a missing file counts as empty, missing settings as
   * the defaults), its settings read from its {@code settings.yaml}.
   */
  public static String fingerprint(Path dir) {
    Settings settings =
        Files.isRegularFile(dir.resolve(Settings.FILE)) ? Settings.load(dir) : Settings.defaults();
    return fingerprint(dir, settings.analysis());
  }

  /**
   * As {@link #fingerprint(Path)}, with {@code analysis} (the settings' one index-time section, as
   * parsed) standing for {@code settings.yaml}.
   */
  public static String fingerprint(Path dir, Settings.Analysis analysis) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String name : INDEX_TIME_CONFIG) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        Path file = dir.resolve(name);
        if (name.equals(Settings.FILE)) {
          for (String phrase : analysis.boilerplate()) {
            sha.update(phrase.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 1);
          }
        } else if (Files.isRegularFile(file)) {
          sha.update(Files.readAllBytes(file));
        }
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  /** The bigram twin of a searchable group. */
  public static String gram(String group) {
    return group + GRAM_SUFFIX;
  }

  /** The facet dimensions: industry is hierarchical (sector / industry). */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setHierarchical(DIM_INDUSTRY, true);
    config.setHierarchical(DIM_PROVINCE_SECTOR, true);
    config.setIndexFieldName(DIM_PROVINCE_SECTOR, STATS_FACETS);
    config.setIndexFieldName(DIM_STATS_AREA, STATS_FACETS);
    config.setMultiValued(DIM_STATS_AREA, true);
    config.setIndexFieldName(DIM_PLACE, VOCABULARY_FACETS);
    config.setIndexFieldName(DIM_NAME, VOCABULARY_FACETS);
    config.setMultiValued(DIM_PLACE, true);
    config.setMultiValued(DIM_AREA, true);
    return config;
  }

  /** English analysis (stemmed, stop words dropped): vehicles finds Vehicle. */
  public Analyzer englishAnalyzer() {
    return english;
  }

  /** What the IndexWriter analyzes with: smartcn, and bigrams plus unigrams on the gram fields. */
  public Analyzer indexAnalyzer() {
    return index;
  }

  /** smartcn words, for the word-level query. */
  public Analyzer wordAnalyzer() {
    return word;
  }

  /**
   * Bigrams only, for queries: 生物医药 becomes 生物/物医/医药, matched as terms and as a phrase. A lone
   * character (铝) stays a unigram, which the index holds.
   */
  public Analyzer gramQueryAnalyzer() {
    return gramQuery;
  }

  /**
   * The place as a name prints it, before its industry phrase, without boilerplate or 市: 淄博高新区生物医药…
   * → 淄博, 阜阳界首高新区… → 阜阳界首. Empty when the name does not hold the phrase. (The city, 阜阳, is the
   * gazetteer's.)
   */
  public String printedPlaceOf(String name, String industry) {
    int at = name.indexOf(industry);
    String prefix = at > 0 ? name.substring(0, at) : "";
    for (String phrase : boilerplate) {
      prefix = prefix.replace(phrase, "");
    }
    return prefix.endsWith("市") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  /** Where {@code province} stands in the official order; after every known one when unknown. */
  public int provinceRank(String province) {
    int rank = provinceOrder.indexOf(province);
    return rank < 0 ? provinceOrder.size() : rank;
  }

  /** The boilerplate phrases blanked out before analysis. */
  public List<String> boilerplate() {
    return boilerplate;
  }

  /** {@code text} without its boilerplate phrases. */
  public String stripBoilerplate(String text) {
    String rest = text;
    for (String phrase : boilerplate) {
      rest = rest.replace(phrase, "");
    }
    return rest.strip();
  }

  /** True when {@code text} holds nothing but boilerplate and white space. */
  public boolean isOnlyBoilerplate(String text) {
    return stripBoilerplate(text).isBlank();
  }

  private static NormalizeCharMap blanks(List<String> phrases) {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    for (String phrase : phrases) {
      builder.add(phrase, " ");
    }
    return builder.build();
  }

  /** Boilerplate becomes a space, so offsets stay right and no bigram bridges the gap. */
  private static Reader blankBoilerplate(NormalizeCharMap map, Reader reader) {
    return new MappingCharFilter(map, reader);
  }

  /** smartcn word segmentation, lower-cased, punctuation dropped. */
  private static final class WordAnalyzer extends Analyzer {
    private final NormalizeCharMap boilerplate;

    WordAnalyzer(NormalizeCharMap boilerplate) {
      this.boilerplate = boilerplate;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return blankBoilerplate(boilerplate, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new HMMChineseTokenizer();
      TokenStream stream = new LowerCaseFilter(tokenizer);
      stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  /** CJK bigrams (with unigrams at index time); full-width Latin folded, so Ｇ６０ matches g60. */
  private static final class GramAnalyzer extends Analyzer {
    private final NormalizeCharMap boilerplate;
    private final boolean unigrams;

    GramAnalyzer(NormalizeCharMap boilerplate, boolean unigrams) {
      this.boilerplate = boilerplate;
      this.unigrams = unigrams;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return blankBoilerplate(boilerplate, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new CJKWidthFilter(tokenizer);
      stream = new LowerCaseFilter(stream);
      stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN, unigrams);
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(new CJKWidthFilter(in));
    }
  }
}
