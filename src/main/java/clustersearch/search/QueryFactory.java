package clustersearch.search;

import clustersearch.config.Settings;
import clustersearch.config.Synonyms;
import clustersearch.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns user text into a Lucene query from analyzer tokens, so no text fails to parse: quotes,
 * operators and field syntax are just characters the tokenizers drop.
 *
 * <p>The text is normalised (full width, case, traditional characters) and split on white space
 * into parts (山东 生物医药 has two). Each part is searched as typed and in its rewritings: the
 * equivalent and related words of synonyms.txt, and, for Latin letters, the characters its pinyin
 * reads as; the best of them counts, rewritings weighted below the part as typed. One reading
 * scores by its best field group (industry, place, name, builder): the BM25 of its bigrams, a
 * smartcn word match for the name and industry, and a constant when the field holds every bigram
 * (the part found whole, not a stray shared character). Parts are OR'ed, and a cluster that matches
 * every part scores double, so 山东 生物医药 puts 淄博 first. Per-field queries are built directly, since
 * MultiFieldQueryParser drops the AND operator on CJK text (apache/lucene#16443).
 */
public final class QueryFactory {
  private static final float TIE_BREAKER = 0.3f;

  /**
   * The best reading of a part counts whole, the others a fifth: a cluster that matches the query
   * and also its related words (淄博 生物医药与生物医学工程) ranks above one matching only the query.
   */
  private static final float READINGS_TIE_BREAKER = 0.2f;

  private static final int MAX_VARIANTS = 8;
  private static final Pattern LATIN = Pattern.compile("[a-z]+");
  private static final float AS_TYPED = 1f;

  /** Bigrams analyzed from one text at most; the term budget cuts the query well before. */
  private static final int MAX_GRAMS = 256;

  /** Each related word of a rule weighs this much less than the one listed before it. */
  private static final float RELATED_DECAY = 0.9f;

  /**
   * The last word of a part is its head in Chinese (制造 in 智能制造, 医药 in 生物医药): a cluster sharing the
   * head is closer than one sharing a modifier.
   */
  private static final float HEAD_BOOST = 2f;

  private final Fields fields;
  private final Settings.Search settings;
  private volatile Synonyms synonyms;
  private final ParsedQueryCache cache = new ParsedQueryCache();

  public QueryFactory(Fields fields, Settings.Search settings, Synonyms synonyms) {
    this.fields = fields;
    this.settings = settings;
    this.synonyms = synonyms;
  }

  /** The cache of parsed queries, for tests. */
  ParsedQueryCache cache() {
    return cache;
  }

  /** Swaps in re-read synonyms; queries built afterwards use them. */
  public void setSynonyms(Synonyms synonyms) {
    this.synonyms = synonyms;
    cache.clear();
  }

  /**
   * A query and the character strings it searches for, which the highlighter marks.
   *
   * @param readings every text searched: the parts, their synonyms and pinyin readings
   */
  public record Parsed(Query query, List<String> readings, List<String> needles) {}

  /**
   * The query for {@code text} against {@code searcher}'s index; blank or boilerplate-only text
   * matches every cluster.
   *
   * @param pinyin the characters of the index that a run of Latin letters reads as, best first
   */
  public Parsed build(String text, IndexSearcher searcher, Vocabulary vocabulary) {
    String cut = text == null ? "" : text;
    if (cut.length() > settings.maxQueryLength()) {
      // Terms are cut at maxQueryTerms anyway; the rest of a huge text would only cost CPU.
      cut = cut.substring(0, settings.maxQueryLength());
    }
    return cache.get(searcher.getIndexReader(), cut, t -> parse(t, searcher, vocabulary));
  }

  private Parsed parse(String text, IndexSearcher searcher, Vocabulary vocabulary) {
    Function<String, List<String>> pinyin = vocabulary::read;
    // Each text is analyzed once per query, whether for its units, its clauses or its highlights.
    Map<String, List<String>> analyzed = new HashMap<>();
    Function<String, List<String>> grams =
        t -> analyzed.computeIfAbsent(t, x -> tokens(fields.gramQueryAnalyzer(), x, MAX_GRAMS));
    String normalized = text == null ? "" : QueryText.normalize(text);
    if (fields.isOnlyBoilerplate(normalized)) {
      return new Parsed(new MatchAllDocsQuery(), List.of(), List.of());
    }
    TermLookup lookup = new TermLookup(searcher);
    int[] budget = {settings.maxQueryTerms()};
    List<Query> parts = new ArrayList<>();
    Set<String> readings = new LinkedHashSet<>();
    for (String part : parts(normalized, pinyin)) {
      List<Query> alternatives = new ArrayList<>();
      for (Reading variant : variants(part, pinyin, grams)) {
        Query reading =
            variant.text().equals(part)
                ? reading(
                    variant.text(),
                    grams.apply(variant.text()),
                    variant.units(),
                    lookup,
                    budget,
                    vocabulary)
                : rewriting(variant.text(), variant.units(), vocabulary);
        if (reading != null) {
          alternatives.add(weighted(reading, variant.weight()));
          readings.add(variant.text());
        }
      }
      if (!alternatives.isEmpty()) {
        parts.add(
            alternatives.size() == 1
                ? alternatives.get(0)
                : new DisjunctionMaxQuery(alternatives, READINGS_TIE_BREAKER));
      }
      if (budget[0] <= 0) {
        break;
      }
    }
    Set<String> needles = new LinkedHashSet<>();
    for (String reading : readings) {
      needles.addAll(grams.apply(reading));
    }
    return new Parsed(combine(parts), List.copyOf(readings), List.copyOf(needles));
  }

  private static Query combine(List<Query> parts) {
    if (parts.isEmpty()) {
      return new MatchNoDocsQuery("no searchable characters");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    // Any part may match; a cluster matching every part adds up every part's found-whole constant.
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query part : parts) {
      any.add(part, Occur.SHOULD);
    }
    return any.build();
  }

  /**
   * White-space separated parts; the longest run of Latin words that reads as pinyin when joined
   * (sheng wu yi yao) becomes one part.
   */
  private static List<String> parts(String text, Function<String, List<String>> pinyin) {
    String[] words = text.strip().split("\\s+");
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < words.length) {
      int end = i + 1;
      StringBuilder joined = new StringBuilder();
      for (int j = i; j < words.length && LATIN.matcher(words[j]).matches(); j++) {
        joined.append(words[j]);
        if (j > i && !pinyin.apply(joined.toString()).isEmpty()) {
          end = j + 1;
        }
      }
      StringBuilder part = new StringBuilder();
      for (int k = i; k < end; k++) {
        part.append(words[k]);
      }
      parts.add(part.toString());
      i = end;
    }
    return parts;
  }

  /**
   * A text to search for a part, with its weight and the length (in bigrams) of what was typed,
   * which sizes the found-whole constant: a long synonym of a short query is not worth more.
   */
  private record Reading(String text, float weight, int units) {}

  /** The part as typed (weight 1), its pinyin readings and their synonyms, best first. */
  private List<Reading> variants(
      String part, Function<String, List<String>> pinyin, Function<String, List<String>> grams) {
    Map<String, Reading> variants = new LinkedHashMap<>();
    variants.put(part, new Reading(part, AS_TYPED, units(grams.apply(part))));
    if (LATIN.matcher(part).matches()) {
      for (String chars : pinyin.apply(part)) {
        variants.putIfAbsent(
            chars, new Reading(chars, settings.pinyinWeight(), units(grams.apply(chars))));
      }
    }
    for (Reading base : List.copyOf(variants.values())) {
      for (Synonyms.Variant v : synonyms.expand(base.text(), MAX_VARIANTS)) {
        float w =
            base.weight()
                * (v.related()
                    ? settings.relatedWeight() * (float) Math.pow(RELATED_DECAY, v.rank())
                    : settings.synonymWeight());
        Reading reading = new Reading(v.text(), w, base.units());
        variants.merge(v.text(), reading, (a, b) -> a.weight() >= b.weight() ? a : b);
      }
    }
    return variants.values().stream().limit(MAX_VARIANTS).toList();
  }

  /** How many distinct bigrams a text has. */
  private static int units(List<String> grams) {
    return Math.max(1, new HashSet<>(grams).size());
  }

  /**
   * The part as typed: its best field group, or null when it has no searchable token. The industry
   * phrase, the place and the builders score by the BM25 of the part's bigrams, plus a smartcn word
   * match in the industry phrase (the head word weighing more), plus a constant when the field
   * holds the part whole. The name is the place and the industry phrase joined, so it only adds the
   * found-whole constant, for a query across both or a full name. Industry phrases and places are
   * vocabulary words, so whether one holds the part is a facet term; names and builders are checked
   * with all the part's bigrams.
   */
  private Query reading(
      String text,
      List<String> analyzed,
      int units,
      TermLookup lookup,
      int[] budget,
      Vocabulary vocabulary) {
    List<String> grams = analyzed.subList(0, Math.min(analyzed.size(), Math.max(0, budget[0])));
    budget[0] -= grams.size();
    // A one-character word of a longer part (布 of 无纺布) is a stray character, not a match.
    List<String> words =
        tokens(fields.wordAnalyzer(), text, budget[0]).stream()
            .filter(w -> w.length() > 1 || text.length() == 1)
            .toList();
    budget[0] -= words.size();
    if (grams.isEmpty() && words.isEmpty()) {
      return null;
    }
    Set<String> distinct = new LinkedHashSet<>(grams);
    Map<String, List<Query>> heldBy = vocabularyMatches(fields.stripBoilerplate(text), vocabulary);
    List<Query> groups = new ArrayList<>();
    for (String group : Fields.GROUPS) {
      String gramField = Fields.gram(group);
      BooleanQuery.Builder builder = new BooleanQuery.Builder();
      if (!group.equals(Fields.NAME)) {
        for (String term : distinct) {
          builder.add(lookup.query(new Term(gramField, term)), Occur.SHOULD);
        }
      }
      if (heldBy.containsKey(group)) {
        for (Query whole : heldBy.get(group)) {
          builder.add(found(whole, units), Occur.SHOULD);
        }
      } else if (!distinct.isEmpty()
          && (group.equals(Fields.NAME) || group.equals(Fields.BUILDER))) {
        // Worth more the longer the part, so a long query found whole in a builder outranks a
        // few of its characters found in an industry phrase.
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : distinct) {
          all.add(lookup.query(new Term(gramField, term)), Occur.FILTER);
        }
        builder.add(found(new ConstantScoreQuery(all.build()), units), Occur.SHOULD);
      }
      if (group.equals(Fields.INDUSTRY) && !words.isEmpty()) {
        BooleanQuery.Builder wordQuery = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(words)) {
          Query word = lookup.query(new Term(group, term));
          boolean head = term.equals(words.get(words.size() - 1)) && words.size() > 1;
          wordQuery.add(head ? new BoostQuery(word, HEAD_BOOST) : word, Occur.SHOULD);
        }
        builder.add(weighted(wordQuery.build(), settings.wordWeight()), Occur.SHOULD);
      }
      BooleanQuery groupQuery = builder.build();
      if (!groupQuery.clauses().isEmpty()) {
        groups.add(weighted(groupQuery, settings.boost(group)));
      }
    }
    return groups.isEmpty() ? null : new DisjunctionMaxQuery(groups, TIE_BREAKER);
  }

  /** The facet terms of the industry phrases and places that hold {@code text}, by group. */
  private static Map<String, List<Query>> vocabularyMatches(String text, Vocabulary vocabulary) {
    Map<String, List<Query>> byGroup = new HashMap<>();
    if (text.isBlank()) {
      return byGroup;
    }
    for (Vocabulary.Entry entry : vocabulary.containing(text)) {
      String group = entry.kind().equals("place") ? Fields.PLACE : Fields.INDUSTRY;
      byGroup
          .computeIfAbsent(group, g -> new ArrayList<>())
          .add(new ConstantScoreQuery(new TermQuery(entry.term())));
    }
    return byGroup;
  }

  /**
   * A rewriting (a synonym, a pinyin reading) counts only where an industry phrase or a place holds
   * it whole, as the found-whole constant: a synonym sharing one character with a cluster says
   * nothing about it. The vocabulary knows which phrases hold it, so this is one facet term per
   * phrase instead of bigrams scored field by field. Null when nothing holds it.
   */
  private Query rewriting(String text, int units, Vocabulary vocabulary) {
    List<Query> found = new ArrayList<>();
    for (Vocabulary.Entry entry : vocabulary.containing(text)) {
      String group = entry.kind().equals("place") ? Fields.PLACE : Fields.INDUSTRY;
      Query clusters = new ConstantScoreQuery(new TermQuery(entry.term()));
      found.add(weighted(found(clusters, units), settings.boost(group)));
    }
    return found.isEmpty() ? null : new DisjunctionMaxQuery(found, 0f);
  }

  /** The found-whole constant of a part of {@code units} bigrams. */
  private Query found(Query whole, int units) {
    return new BoostQuery(whole, settings.coverageBoost() * units);
  }

  private static Query weighted(Query query, float weight) {
    return weight == 1f ? query : new BoostQuery(query, weight);
  }

  /** At most {@code limit} tokens of {@code text}. */
  private static List<String> tokens(Analyzer analyzer, String text, int limit) {
    List<String> tokens = new ArrayList<>();
    if (limit <= 0) {
      return tokens;
    }
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && tokens.size() < limit) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String does no I/O
    }
    return tokens;
  }
}
