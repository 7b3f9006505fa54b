package clustersearch.search;

import clustersearch.config.Weights;
import clustersearch.index.Fields;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The clause builders of {@link PlanCompiler}: Lucene queries of a plan's readings, built from
 * analyzer tokens, so no text fails to parse. Per-field queries are built directly, since
 * MultiFieldQueryParser drops the AND operator on CJK text (apache/lucene#16443).
 *
 * <ul>
 *   <li>A part scores by its best reading (plus {@code readingsTieBreaker} of the others).
 *   <li>The part as typed scores by its best field group (plus {@code fieldTieBreaker} of the
 *       others): the BM25 of its bigrams in the industry phrase, the place, the builders and the
 *       recommender, when two of them (or half, of a short part) match; a smartcn word match in the
 *       industry phrase, the head (last) word weighing {@code headBoost}; and {@code foundWhole}
 *       per bigram when a field holds the part whole. Latin text also searches the English names.
 *   <li>Any other reading (synonym, concept, pinyin, English word, homophone) counts only where an
 *       industry phrase or a place holds it whole: a word sharing one character with a cluster says
 *       nothing about it.
 * </ul>
 *
 * Everything is OR'ed and adds up, so a cluster matching a place and an industry ranks above one
 * matching either.
 */
final class LuceneQueryBuilder {

  /** English words taken from one part at most. */
  private static final int MAX_ENGLISH = 8;

  private final Fields fields;
  private final Weights weights;

  LuceneQueryBuilder(Fields fields, Weights weights) {
    this.fields = fields;
    this.weights = weights;
  }

  /**
   * The bonus of a cluster in a named place (or sector) that also matches the terms: it ranks above
   * every cluster that matches only one of the two.
   */
  Query both(List<Query> entities, List<Query> parts) {
    BooleanQuery.Builder anyEntity = new BooleanQuery.Builder();
    entities.forEach(e -> anyEntity.add(e, Occur.SHOULD));
    BooleanQuery.Builder anyPart = new BooleanQuery.Builder();
    parts.forEach(p -> anyPart.add(p, Occur.SHOULD));
    BooleanQuery both =
        new BooleanQuery.Builder()
            .add(anyEntity.build(), Occur.FILTER)
            .add(anyPart.build(), Occur.FILTER)
            .build();
    return new BoostQuery(new ConstantScoreQuery(both), weights.entityAndTerms());
  }

  /**
   * The part as typed: its best field group, or null when it has no searchable token.
   *
   * @param grams the part's bigrams, within the query's term budget
   * @param words its smartcn words, within the budget
   * @param heldBy the facet terms of the industry phrases and places that hold it whole
   */
  Query typed(
      String text,
      List<String> grams,
      List<String> words,
      int units,
      Map<String, List<Query>> heldBy,
      TermLookup lookup) {
    Set<String> distinct = new LinkedHashSet<>(grams);
    List<Query> groups = new ArrayList<>();
    for (String group : Fields.GROUPS) {
      String gramField = Fields.gram(group);
      BooleanQuery.Builder builder = new BooleanQuery.Builder();
      if (!group.equals(Fields.NAME)) {
        // Two bigrams must match (one of a two-character part): one shared bigram of a longer
        // part (生物 of 生物医药 in 生物降解材料, 工程 of 工程机械 in 生物医学工程) is a shared word, not the
        // thing asked for.
        BooleanQuery.Builder bigrams = new BooleanQuery.Builder();
        for (String term : distinct) {
          bigrams.add(lookup.query(new Term(gramField, term)), Occur.SHOULD);
        }
        bigrams.setMinimumNumberShouldMatch(
            Math.min(weights.minBigrams(), (distinct.size() + 1) / 2));
        BooleanQuery matched = bigrams.build();
        if (!matched.clauses().isEmpty()) {
          builder.add(matched, Occur.SHOULD);
        }
      }
      if (heldBy.containsKey(group)) {
        for (Query whole : heldBy.get(group)) {
          builder.add(found(whole, units), Occur.SHOULD);
        }
      } else if (!distinct.isEmpty()
          && (group.equals(Fields.NAME)
              || group.equals(Fields.BUILDER)
              || group.equals(Fields.RECOMMENDER))) {
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
        Set<String> distinctWords = new LinkedHashSet<>(words);
        // Two words must match when the part has two: 智能 alone of 智能制造 is 智能家居, not it.
        wordQuery.setMinimumNumberShouldMatch(Math.min(weights.minBigrams(), distinctWords.size()));
        for (String term : distinctWords) {
          Query word = lookup.query(new Term(group, term));
          boolean head = term.equals(words.get(words.size() - 1)) && words.size() > 1;
          wordQuery.add(head ? new BoostQuery(word, weights.headBoost()) : word, Occur.SHOULD);
        }
        builder.add(weighted(wordQuery.build(), weights.wordWeight()), Occur.SHOULD);
      }
      BooleanQuery groupQuery = builder.build();
      if (!groupQuery.clauses().isEmpty()) {
        groups.add(weighted(groupQuery, weights.field(group)));
      }
    }
    if (Expander.LATIN.matcher(text).matches() || Expander.ENGLISH_WORDS.matcher(text).matches()) {
      BooleanQuery.Builder english = new BooleanQuery.Builder();
      Set<String> terms =
          new LinkedHashSet<>(tokens(fields.englishAnalyzer(), Fields.ENGLISH, text, MAX_ENGLISH));
      for (String term : terms) {
        english.add(lookup.query(new Term(Fields.ENGLISH, term)), Occur.SHOULD);
      }
      // Every word of a short phrase (new display: not every name with New in it), all but one
      // of a longer one.
      english.setMinimumNumberShouldMatch(
          terms.size() <= weights.englishAllWords() ? terms.size() : terms.size() - 1);
      BooleanQuery q = english.build();
      if (!q.clauses().isEmpty()) {
        groups.add(weighted(q, weights.field("english")));
      }
    }
    return groups.isEmpty() ? null : new DisjunctionMaxQuery(groups, weights.fieldTieBreaker());
  }

  /** The facet terms of the industry phrases and places that hold {@code text}, by group. */
  static Map<String, List<Query>> heldBy(String text, Vocabulary vocabulary, TermLookup lookup) {
    Map<String, List<Query>> byGroup = new HashMap<>();
    if (text.isBlank()) {
      return byGroup;
    }
    for (Vocabulary.Entry entry : vocabulary.containing(text)) {
      String group = entry.kind().equals("place") ? Fields.PLACE : Fields.INDUSTRY;
      byGroup
          .computeIfAbsent(group, g -> new ArrayList<>())
          .add(new ConstantScoreQuery(lookup.query(entry.term())));
    }
    return byGroup;
  }

  /**
   * A rewriting (synonym, concept, pinyin or English reading, homophone) counts only where an
   * industry phrase or a place holds it whole, as the found-whole constant. Null when nothing holds
   * it.
   */
  Query rewriting(String text, int units, Vocabulary vocabulary, TermLookup lookup) {
    List<Query> found = new ArrayList<>();
    for (Vocabulary.Entry entry : vocabulary.containing(text)) {
      String group = entry.kind().equals("place") ? Fields.PLACE : Fields.INDUSTRY;
      Query clusters = new ConstantScoreQuery(lookup.query(entry.term()));
      found.add(weighted(found(clusters, units), weights.field(group)));
    }
    return found.isEmpty() ? null : new DisjunctionMaxQuery(found, 0f);
  }

  /** A part: the best of its readings, plus a share of the others. */
  Query part(List<Query> readings) {
    return readings.size() == 1
        ? readings.get(0)
        : new DisjunctionMaxQuery(readings, weights.readingsTieBreaker());
  }

  /** Parts and entities, any of which may match; a cluster matching several adds them up. */
  static Query any(List<Query> clauses) {
    if (clauses.isEmpty()) {
      return new MatchNoDocsQuery("no searchable characters");
    }
    if (clauses.size() == 1) {
      return clauses.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query clause : clauses) {
      any.add(clause, Occur.SHOULD);
    }
    return any.build();
  }

  /** The found-whole constant of a part of {@code units} bigrams. */
  private Query found(Query whole, int units) {
    return new BoostQuery(whole, weights.foundWhole() * units);
  }

  static Query weighted(Query query, float weight) {
    return weight == 1f ? query : new BoostQuery(query, weight);
  }

  /** Texts up to this long keep their tokens ({@link #TOKENS}): words and parts, not sentences. */
  static final int CACHED_LENGTH = 32;

  private record Analysed(Analyzer analyzer, String field, String text) {}

  /**
   * Every token of short texts, by analyzer: the parts, synonyms and readings of new queries are
   * mostly those of earlier ones (医药 in 生物医药, 山东医药 and 医药健康), and analysing them again (smartcn's
   * word graph, the bigram filter) was an eighth of parsing a query.
   */
  private static final Cache<Analysed, List<String>> TOKENS =
      Caffeine.newBuilder().maximumSize(20_000).executor(Runnable::run).build();

  /** At most {@code limit} tokens of {@code text}. */
  static List<String> tokens(Analyzer analyzer, String field, String text, int limit) {
    if (limit <= 0) {
      return new ArrayList<>();
    }
    if (text.length() > CACHED_LENGTH) {
      return analyse(analyzer, field, text, limit);
    }
    List<String> all =
        TOKENS.get(
            new Analysed(analyzer, field, text),
            k -> List.copyOf(analyse(analyzer, field, text, Integer.MAX_VALUE)));
    return new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
  }

  private static List<String> analyse(Analyzer analyzer, String field, String text, int limit) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
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
