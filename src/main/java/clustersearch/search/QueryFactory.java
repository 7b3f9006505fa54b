package clustersearch.search;

import clustersearch.config.AppConfig;
import clustersearch.config.Settings;
import clustersearch.config.Synonyms;
import clustersearch.index.Fields;
import clustersearch.source.Gazetteer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Query understanding, one stage per class, read top to bottom in {@link #parse}:
 *
 * <ol>
 *   <li>normalise: full width, case, traditional → simplified ({@link QueryText});
 *   <li>recognise places and areas through the gazetteer ({@link EntityRecognizer}), and report the
 *       sectors and industry phrases the text holds;
 *   <li>drop question and filler words ({@link FillerWords});
 *   <li>expand each part into readings: synonyms, related words, concepts, pinyin, English,
 *       homophones ({@link Expander});
 *   <li>build the Lucene query ({@link LuceneQueryBuilder}).
 * </ol>
 *
 * Every weight is in config/weights.yaml. The result is cached per index reader.
 */
public final class QueryFactory {
  /** Bigrams analyzed from one text at most; the term budget cuts the query well before. */
  private static final int MAX_GRAMS = 256;

  private final Fields fields;
  private final Settings.Search settings;
  private final EntityRecognizer entities;
  private final FillerWords fillers;
  private final Expander expander;
  private final LuceneQueryBuilder builder;
  private final ParsedQueryCache cache = new ParsedQueryCache();

  public QueryFactory(Fields fields, AppConfig config, Gazetteer gazetteer) {
    this.fields = fields;
    this.settings = config.settings().search();
    this.entities = new EntityRecognizer(gazetteer);
    this.fillers =
        new FillerWords(config.understanding().fillers(), config.understanding().englishFillers());
    this.expander = Expander.of(config);
    this.builder = new LuceneQueryBuilder(fields, config.weights());
  }

  /** The cache of parsed queries, for tests. */
  ParsedQueryCache cache() {
    return cache;
  }

  /** Swaps in re-read synonyms; queries built afterwards use them. */
  public void setSynonyms(Synonyms synonyms) {
    expander.setSynonyms(synonyms);
    cache.clear();
  }

  /**
   * A query and what it was understood as.
   *
   * @param readings every text searched: the parts, their synonyms, concepts and pinyin readings
   * @param needles the character strings the highlighter marks
   * @param understood the places, areas, sectors, industries and terms the query names
   * @param didYouMean the phrase a typo was read as (富硒 for 富西), or null
   */
  public record Parsed(
      Query query,
      List<String> readings,
      List<String> needles,
      Understood understood,
      String didYouMean) {}

  /**
   * The query for {@code text} against {@code searcher}'s index; blank or boilerplate-only text
   * matches every cluster.
   *
   * @param exact search the text as typed: no homophone reading of typos
   */
  public Parsed build(String text, boolean exact, IndexSearcher searcher, Vocabulary vocabulary) {
    String cut = text == null ? "" : text;
    if (cut.length() > settings.maxQueryLength()) {
      // Terms are cut at maxQueryTerms anyway; the rest of a huge text would only cost CPU.
      cut = cut.substring(0, settings.maxQueryLength());
    }
    String key = exact ? "\u0000exact\u0000" + cut : cut;
    String typed = cut;
    return cache.get(
        searcher.getIndexReader(), key, t -> parse(typed, exact, searcher, vocabulary));
  }

  private Parsed parse(String text, boolean exact, IndexSearcher searcher, Vocabulary vocabulary) {
    // 1. Normalise.
    String normalized = QueryText.normalize(text);
    if (fields.isOnlyBoilerplate(normalized)) {
      return new Parsed(new MatchAllDocsQuery(), List.of(), List.of(), Understood.NOTHING, null);
    }
    // 2. Recognise places and areas; they leave the text.
    EntityRecognizer.Result recognized = entities.recognize(normalized, vocabulary);
    // 3. Drop question and filler words.
    FillerWords.Result left = fillers.drop(fields.stripBoilerplate(recognized.rest()), vocabulary);
    // 4 and 5. Expand each part and build its query; places and areas become entity clauses.
    Map<String, List<String>> analyzed = new HashMap<>();
    Function<String, List<String>> grams =
        t ->
            analyzed.computeIfAbsent(
                t, x -> LuceneQueryBuilder.tokens(fields.gramQueryAnalyzer(), "", x, MAX_GRAMS));
    TermLookup lookup = new TermLookup(searcher);
    int budget = settings.maxQueryTerms();
    List<Query> named = new ArrayList<>();
    recognized.places().forEach(e -> named.add(builder.entity(e, lookup)));
    recognized.sectors().forEach(sector -> named.add(builder.sector(sector, lookup)));
    List<Query> clauses = new ArrayList<>();
    Set<String> readings = new LinkedHashSet<>();
    String didYouMean = null;
    for (String part : parts(left.parts(), vocabulary)) {
      List<Query> alternatives = new ArrayList<>();
      for (Expander.Reading reading :
          expander.expand(part, vocabulary, t -> units(grams.apply(t)))) {
        if (exact && reading.kind() == Expander.Kind.HOMOPHONE) {
          continue;
        }
        Query query;
        if (reading.kind() == Expander.Kind.TYPED) {
          List<String> g = grams.apply(part);
          g = g.subList(0, Math.min(g.size(), Math.max(0, budget)));
          budget -= g.size();
          // A one-character word of a longer part (布 of 无纺布) is a stray character, not a match.
          List<String> words =
              LuceneQueryBuilder.tokens(fields.wordAnalyzer(), Fields.INDUSTRY, part, budget)
                  .stream()
                  .filter(w -> w.length() > 1 || part.length() == 1)
                  .toList();
          budget -= words.size();
          query =
              g.isEmpty()
                      && words.isEmpty()
                      && !Expander.LATIN.matcher(part).matches()
                      && !Expander.ENGLISH_WORDS.matcher(part).matches()
                  ? null
                  : builder.typed(
                      part,
                      g,
                      words,
                      reading.units(),
                      LuceneQueryBuilder.heldBy(fields.stripBoilerplate(part), vocabulary, lookup),
                      lookup);
        } else {
          query = builder.rewriting(reading.text(), reading.units(), vocabulary, lookup);
        }
        if (query != null) {
          alternatives.add(LuceneQueryBuilder.weighted(query, reading.weight()));
          readings.add(reading.text());
          if (reading.kind() == Expander.Kind.HOMOPHONE) {
            didYouMean = reading.text();
          }
        }
      }
      if (!alternatives.isEmpty()) {
        clauses.add(builder.part(alternatives));
      }
      if (budget <= 0) {
        break;
      }
    }
    if (!named.isEmpty() && !clauses.isEmpty()) {
      clauses.add(builder.both(named, List.copyOf(clauses)));
    }
    clauses.addAll(named);
    Set<String> needles = new LinkedHashSet<>();
    for (String reading : readings) {
      needles.addAll(grams.apply(reading));
    }
    for (Gazetteer.Entity e : recognized.places()) {
      if (e.kind() != Gazetteer.Kind.AREA) {
        needles.addAll(grams.apply(e.value())); // 淄博 is marked in 淄博高新区管委会
      }
    }
    Understood understood = understood(recognized, left, normalized, vocabulary);
    return new Parsed(
        rewritten(LuceneQueryBuilder.any(clauses), searcher),
        List.copyOf(readings),
        List.copyOf(needles),
        understood,
        didYouMean);
  }

  /**
   * The query as the searcher rewrites it for its reader. The parsed query is kept per reader, so
   * rewriting it here once spares every search of it the rewrite (a tenth of a search's CPU).
   */
  private static Query rewritten(Query query, IndexSearcher searcher) {
    try {
      return searcher.rewrite(query);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The parts to search; the longest run of Latin words that reads as pinyin when joined (sheng wu
   * yi yao) becomes one part.
   */
  private static List<String> parts(List<String> words, Vocabulary vocabulary) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int end = i + 1;
      StringBuilder joined = new StringBuilder();
      for (int j = i; j < words.size() && Expander.LATIN.matcher(words.get(j)).matches(); j++) {
        joined.append(words.get(j));
        if (j > i && !vocabulary.read(joined.toString()).isEmpty()) {
          end = j + 1;
        }
      }
      StringBuilder part = new StringBuilder();
      for (int k = i; k < end; k++) {
        part.append(words.get(k));
      }
      parts.add(part.toString());
      i = end;
    }
    // Latin words that read as no pinyin are English: one part, searched as a phrase of words.
    List<String> merged = new ArrayList<>();
    for (String part : parts) {
      int last = merged.size() - 1;
      if (last >= 0 && isEnglish(merged.get(last), vocabulary) && isEnglish(part, vocabulary)) {
        merged.set(last, merged.get(last) + " " + part);
      } else {
        merged.add(part);
      }
    }
    return merged;
  }

  private static boolean isEnglish(String part, Vocabulary vocabulary) {
    return part.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == ' ')
        && (part.contains(" ") || vocabulary.read(part).isEmpty());
  }

  /** What the query names, for the response and the page. */
  private static Understood understood(
      EntityRecognizer.Result recognized,
      FillerWords.Result left,
      String normalized,
      Vocabulary vocabulary) {
    List<String> province = new ArrayList<>();
    List<String> city = new ArrayList<>();
    List<String> area = new ArrayList<>();
    for (Gazetteer.Entity e : recognized.places()) {
      switch (e.kind()) {
        case PROVINCE -> province.add(e.value());
        case CITY -> city.add(e.value());
        case AREA -> area.add(e.value());
      }
    }
    List<String> sector = new ArrayList<>(recognized.sectors());
    List<String> industry = new ArrayList<>();
    for (Vocabulary.Entry e : vocabulary.phrases()) {
      if (e.kind().equals("industry") && normalized.contains(e.text())) {
        industry.add(e.text());
      }
    }
    return new Understood(
        province, city, area, sector, industry, List.copyOf(left.parts()), left.dropped());
  }

  /** How many distinct bigrams a text has. */
  private static int units(List<String> grams) {
    return Math.max(1, new HashSet<>(grams).size());
  }
}
