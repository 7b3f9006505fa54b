package clustersearch.search;

import clustersearch.config.Settings;
import clustersearch.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * Turns user text into a Lucene query from analyzer tokens, so no text fails to parse: quotes,
 * operators and field syntax are just characters the tokenizers drop.
 *
 * <p>The text is split on white space into parts (山东 生物医药 has two); a part scores by its best field
 * group (industry, place, name, builder), and each group sums a bigram match, a phrase match of the
 * whole part and a smartcn word match. Parts are OR'ed, and a cluster that matches every part
 * scores double, so 山东 生物医药 puts 淄博 first. Per-field queries are built directly, since
 * MultiFieldQueryParser drops the AND operator on CJK text (apache/lucene#16443).
 */
public final class QueryFactory {
  private static final float TIE_BREAKER = 0.3f;

  /** The groups that also get a smartcn word clause; the industry phrase also gets a phrase. */
  private static final Set<String> WORD_GROUPS = Set.of(Fields.INDUSTRY, Fields.NAME);

  private final Fields fields;
  private final Settings.Search settings;

  public QueryFactory(Fields fields, Settings.Search settings) {
    this.fields = fields;
    this.settings = settings;
  }

  /**
   * The query for {@code text} against {@code searcher}'s index; blank or boilerplate-only text
   * matches every cluster.
   */
  public Query build(String text, IndexSearcher searcher) {
    if (text == null || fields.isOnlyBoilerplate(text)) {
      return new MatchAllDocsQuery();
    }
    int budget = settings.maxQueryTerms();
    List<Query> parts = new ArrayList<>();
    TermLookup lookup = new TermLookup(searcher);
    for (String part : text.strip().split("[\\s\\u3000]+")) {
      List<Token> grams = tokens(fields.gramQueryAnalyzer(), part, budget);
      budget -= grams.size();
      List<Token> words = tokens(fields.wordAnalyzer(), part, budget);
      budget -= words.size();
      if (grams.isEmpty() && words.isEmpty()) {
        continue;
      }
      parts.add(part(grams, words, lookup));
      if (budget <= 0) {
        break;
      }
    }
    if (parts.isEmpty()) {
      return new MatchNoDocsQuery("no searchable characters");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    // Any part may match; a cluster that matches every part scores its sum twice.
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Query part : parts) {
      any.add(part, Occur.SHOULD);
      all.add(part, Occur.MUST);
    }
    any.add(all.build(), Occur.SHOULD);
    return any.build();
  }

  private Query part(List<Token> grams, List<Token> words, TermLookup lookup) {
    List<Query> groups = new ArrayList<>();
    for (String group : Fields.GROUPS) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder();
      String gramField = Fields.gram(group);
      for (String term : distinct(grams)) {
        builder.add(lookup.query(new Term(gramField, term)), Occur.SHOULD);
      }
      // Overlapping bigrams already reward adjacent characters; the phrase clause makes a whole
      // query part found as one run rank first. The industry phrase is where that matters (the
      // name holds the same run), and every extra clause costs term lookups and positions reads.
      if (WORD_GROUPS.contains(group)) {
        if (grams.size() > 1 && group.equals(Fields.INDUSTRY)) {
          PhraseQuery.Builder phrase = new PhraseQuery.Builder();
          for (Token token : grams) {
            phrase.add(new Term(gramField, token.term), token.position);
          }
          builder.add(new BoostQuery(phrase.build(), settings.phraseBoost()), Occur.SHOULD);
        }
        if (!words.isEmpty()) {
          BooleanQuery.Builder wordQuery = new BooleanQuery.Builder();
          for (String term : distinct(words)) {
            wordQuery.add(lookup.query(new Term(group, term)), Occur.SHOULD);
          }
          builder.add(new BoostQuery(wordQuery.build(), settings.wordWeight()), Occur.SHOULD);
        }
      }
      groups.add(new BoostQuery(builder.build(), settings.boost(group)));
    }
    return new DisjunctionMaxQuery(groups, TIE_BREAKER);
  }

  private static Set<String> distinct(List<Token> tokens) {
    Set<String> terms = new LinkedHashSet<>();
    for (Token token : tokens) {
      terms.add(token.term);
    }
    return terms;
  }

  /** A token and its position in the part, for phrases. */
  private record Token(String term, int position) {}

  /** At most {@code limit} tokens of {@code text}, with their positions. */
  private static List<Token> tokens(Analyzer analyzer, String text, int limit) {
    List<Token> tokens = new ArrayList<>();
    if (limit <= 0) {
      return tokens;
    }
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken() && tokens.size() < limit) {
        position += increment.getPositionIncrement();
        tokens.add(new Token(term.toString(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String does no I/O
    }
    return tokens;
  }
}
