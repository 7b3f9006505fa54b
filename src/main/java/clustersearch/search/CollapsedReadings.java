package clustersearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.NamedMatches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * A disjunction of a part's readings (a {@link DisjunctionMaxQuery}) in which every reading that
 * only looks terms up is scored from one postings list per distinct term. Such a reading (a
 * synonym, a concept, a pinyin or English reading, found whole in an industry phrase or a place)
 * scores a constant where a cluster holds one of its terms, its highest; the readings of one part
 * name the same few phrase terms again and again (生物医药: 11 term clauses over 5 terms, each a
 * weight, a scorer and a postings list per search). Here each distinct term is read once and each
 * reading's score comes from a table.
 *
 * <p>Scores are Lucene's, bit for bit: a reading's constant is its boosts multiplied in the order
 * {@link BoostQuery} multiplies them, and the readings combine as {@code DisjunctionMaxScorer}
 * combines them (the highest plus the tie-breaker times the others, summed in double). {@link
 * #visit} walks the original disjunction, so the labels of its readings ({@link Labelled#in}) and
 * the query's terms are what they were.
 */
final class CollapsedReadings extends Query {

  /**
   * A term of a table reading.
   *
   * @param factors the boosts from the reading down to the term, outermost first
   */
  private record Entry(Term term, TermStates states, float[] factors) {}

  /** A reading scored from terms: the constant of the best of its terms a cluster holds. */
  private record Table(String label, List<Entry> entries) {}

  private final DisjunctionMaxQuery original;
  private final List<Query> general;
  private final List<Table> tables;

  private CollapsedReadings(DisjunctionMaxQuery original, List<Query> general, List<Table> tables) {
    this.original = original;
    this.general = general;
    this.tables = tables;
  }

  /**
   * {@code query} (rewritten) with every disjunction that holds two or more term clauses of table
   * readings collapsed; the rest of the tree as it was.
   */
  static Query collapse(Query query) {
    if (query instanceof DisjunctionMaxQuery d) {
      List<Query> general = new ArrayList<>();
      List<Table> tables = new ArrayList<>();
      List<Query> disjuncts = new ArrayList<>();
      boolean changed = false;
      int entries = 0;
      for (Query disjunct : d.getDisjuncts()) {
        Table table = table(disjunct);
        if (table != null) {
          tables.add(table);
          entries += table.entries().size();
          disjuncts.add(disjunct);
        } else {
          Query collapsed = collapse(disjunct);
          changed |= collapsed != disjunct;
          general.add(collapsed);
          disjuncts.add(collapsed);
        }
      }
      if (entries >= 2) {
        return new CollapsedReadings(d, List.copyOf(general), List.copyOf(tables));
      }
      return changed ? new DisjunctionMaxQuery(disjuncts, d.getTieBreakerMultiplier()) : d;
    }
    if (query instanceof BooleanQuery b) {
      BooleanQuery.Builder rebuilt =
          new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause clause : b.clauses()) {
        Query collapsed = collapse(clause.getQuery());
        changed |= collapsed != clause.getQuery();
        rebuilt.add(collapsed, clause.getOccur());
      }
      return changed ? rebuilt.build() : b;
    }
    if (query instanceof BoostQuery b) {
      Query collapsed = collapse(b.getQuery());
      return collapsed == b.getQuery() ? b : new BoostQuery(collapsed, b.getBoost());
    }
    if (query instanceof ConstantScoreQuery c) {
      Query collapsed = collapse(c.getQuery());
      return collapsed == c.getQuery() ? c : new ConstantScoreQuery(collapsed);
    }
    if (query instanceof Labelled l) {
      Query collapsed = collapse(l.inner());
      return collapsed == l.inner() ? l : Labelled.wrap(l.label(), collapsed);
    }
    return query;
  }

  /**
   * The table of a reading that only looks terms up: (labelled,) boosted, constant-score term
   * clauses, alone or under a disjunction without tie-breaker. Null for any other query.
   */
  private static Table table(Query reading) {
    String label = null;
    List<Float> factors = new ArrayList<>();
    Query q = reading;
    while (true) {
      if (q instanceof Labelled l && label == null) {
        label = l.label();
        q = l.inner();
      } else if (q instanceof BoostQuery b) {
        factors.add(b.getBoost());
        q = b.getQuery();
      } else {
        break;
      }
    }
    List<Entry> entries = new ArrayList<>();
    if (q instanceof DisjunctionMaxQuery d) {
      if (d.getTieBreakerMultiplier() != 0f) {
        return null;
      }
      for (Query disjunct : d.getDisjuncts()) {
        if (!entries(disjunct, factors, entries)) {
          return null;
        }
      }
    } else if (!entries(q, factors, entries)) {
      return null;
    }
    return entries.isEmpty() ? null : new Table(label == null ? "" : label, entries);
  }

  /** Adds the terms of one constant-score term clause, false when {@code q} is not one. */
  private static boolean entries(Query q, List<Float> outer, List<Entry> into) {
    List<Float> factors = new ArrayList<>(outer);
    while (q instanceof BoostQuery b) {
      factors.add(b.getBoost());
      q = b.getQuery();
    }
    if (q instanceof MatchNoDocsQuery) {
      return true;
    }
    if (!(q instanceof ConstantScoreQuery c)) {
      return false;
    }
    List<TermQuery> terms = new ArrayList<>();
    Query inner = c.getQuery();
    if (inner instanceof TermQuery t) {
      terms.add(t);
    } else if (inner instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() <= 1) {
      for (BooleanClause clause : b.clauses()) {
        if (clause.getOccur() != BooleanClause.Occur.SHOULD
            || !(clause.getQuery() instanceof TermQuery t)) {
          return false;
        }
        terms.add(t);
      }
    } else if (!(inner instanceof MatchNoDocsQuery)) {
      return false;
    }
    float[] chain = new float[factors.size()];
    for (int i = 0; i < chain.length; i++) {
      chain[i] = factors.get(i);
    }
    for (TermQuery t : terms) {
      into.add(new Entry(t.getTerm(), t.getTermStates(), chain));
    }
    return true;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    return this; // made from a rewritten query
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    List<Weight> generalWeights = new ArrayList<>();
    for (Query q : general) {
      generalWeights.add(searcher.createWeight(q, scoreMode, boost));
    }
    // The distinct terms, and per table its terms' indexes and constants.
    Map<Term, Integer> index = new LinkedHashMap<>();
    List<TermStates> states = new ArrayList<>();
    int[][] termsOf = new int[tables.size()][];
    float[][] scoresOf = new float[tables.size()][];
    for (int t = 0; t < tables.size(); t++) {
      List<Entry> entries = tables.get(t).entries();
      termsOf[t] = new int[entries.size()];
      scoresOf[t] = new float[entries.size()];
      for (int e = 0; e < entries.size(); e++) {
        Entry entry = entries.get(e);
        Integer at = index.get(entry.term());
        if (at == null) {
          at = index.size();
          index.put(entry.term(), at);
          TermStates known = entry.states();
          states.add(
              known != null && known.wasBuiltFor(searcher.getTopReaderContext())
                  ? known
                  : TermStates.build(searcher, entry.term(), false));
        }
        float score = boost; // as BoostQuery passes its boost down: outer times inner, in turn
        for (float factor : entry.factors()) {
          score = factor * score;
        }
        termsOf[t][e] = at;
        scoresOf[t][e] = score;
      }
    }
    Term[] terms = index.keySet().toArray(new Term[0]);
    return new CollapsedWeight(generalWeights, terms, states, termsOf, scoresOf);
  }

  private final class CollapsedWeight extends Weight {
    private final List<Weight> generalWeights;
    private final Term[] terms;
    private final List<TermStates> states;
    private final int[][] termsOf;
    private final float[][] scoresOf;

    CollapsedWeight(
        List<Weight> generalWeights,
        Term[] terms,
        List<TermStates> states,
        int[][] termsOf,
        float[][] scoresOf) {
      super(CollapsedReadings.this);
      this.generalWeights = generalWeights;
      this.terms = terms;
      this.states = states;
      this.termsOf = termsOf;
      this.scoresOf = scoresOf;
    }

    @Override
    public Scorer scorer(LeafReaderContext leaf) throws IOException {
      Scorer[] generals = new Scorer[generalWeights.size()];
      boolean any = false;
      for (int i = 0; i < generals.length; i++) {
        generals[i] = generalWeights.get(i).scorer(leaf);
        any |= generals[i] != null;
      }
      PostingsEnum[] postings = new PostingsEnum[terms.length];
      Map<String, TermsEnum> enums = new HashMap<>();
      for (int i = 0; i < terms.length; i++) {
        TermState state = states.get(i).get(leaf);
        if (state == null) {
          continue;
        }
        TermsEnum termsEnum = enums.get(terms[i].field());
        if (termsEnum == null) {
          Terms fieldTerms = leaf.reader().terms(terms[i].field());
          if (fieldTerms == null) {
            continue;
          }
          termsEnum = fieldTerms.iterator();
          enums.put(terms[i].field(), termsEnum);
        }
        termsEnum.seekExact(terms[i].bytes(), state);
        postings[i] = termsEnum.postings(null, PostingsEnum.NONE);
        any = true;
      }
      return any ? new CollapsedScorer(this, generals, postings) : null;
    }

    @Override
    public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
      CollapsedScorer scorer = (CollapsedScorer) scorer(leaf);
      if (scorer == null || scorer.iterator().advance(doc) != doc) {
        return Explanation.noMatch("no reading matched");
      }
      List<Explanation> details = new ArrayList<>();
      for (int i = 0; i < generalWeights.size(); i++) {
        Explanation e = generalWeights.get(i).explain(leaf, doc);
        if (e.isMatch()) {
          details.add(e);
        }
      }
      for (int t = 0; t < tables.size(); t++) {
        int best = scorer.best(t);
        if (best >= 0) {
          details.add(
              Explanation.match(
                  scoresOf[t][best],
                  tables.get(t).label() + ": " + terms[termsOf[t][best]] + ", a constant"));
        }
      }
      return Explanation.match(
          scorer.score(),
          "max plus " + original.getTieBreakerMultiplier() + " times others of:",
          details);
    }

    /** What Lucene's Matches API says of the readings: each matching one under its label. */
    @Override
    public Matches matches(LeafReaderContext leaf, int doc) throws IOException {
      List<Matches> matched = new ArrayList<>();
      for (Weight w : generalWeights) {
        Matches m = w.matches(leaf, doc);
        if (m != null) {
          matched.add(m);
        }
      }
      CollapsedScorer scorer = (CollapsedScorer) scorer(leaf);
      if (scorer != null && scorer.iterator().advance(doc) == doc) {
        for (int t = 0; t < tables.size(); t++) {
          if (scorer.best(t) >= 0) {
            String label = tables.get(t).label();
            matched.add(
                label.isEmpty()
                    ? MatchesUtils.MATCH_WITH_NO_TERMS
                    : new NamedMatches(label, MatchesUtils.MATCH_WITH_NO_TERMS));
          }
        }
      }
      return MatchesUtils.fromSubMatches(matched);
    }

    @Override
    public boolean isCacheable(LeafReaderContext leaf) {
      return generalWeights.stream().allMatch(w -> w.isCacheable(leaf));
    }
  }

  /** The union of the readings' documents, scored as a disjunction-max of the readings. */
  private final class CollapsedScorer extends Scorer {
    private final CollapsedWeight weight;
    private final Scorer[] generals;
    private final DocIdSetIterator[] iterators;
    private final PostingsEnum[] postings;
    private final DocIdSetIterator union;
    private int doc = -1;

    CollapsedScorer(CollapsedWeight weight, Scorer[] generals, PostingsEnum[] postings) {
      super(weight);
      this.weight = weight;
      this.generals = generals;
      this.postings = postings;
      List<DocIdSetIterator> all = new ArrayList<>();
      for (Scorer s : generals) {
        if (s != null) {
          all.add(s.iterator());
        }
      }
      for (PostingsEnum p : postings) {
        if (p != null) {
          all.add(p);
        }
      }
      this.iterators = all.toArray(new DocIdSetIterator[0]);
      long cost = 0;
      for (DocIdSetIterator it : iterators) {
        cost += it.cost();
      }
      long totalCost = cost;
      this.union =
          new DocIdSetIterator() {
            @Override
            public int docID() {
              return doc;
            }

            @Override
            public int nextDoc() throws IOException {
              return doc == NO_MORE_DOCS ? NO_MORE_DOCS : advance(doc + 1);
            }

            @Override
            public int advance(int target) throws IOException {
              int min = NO_MORE_DOCS;
              for (DocIdSetIterator it : iterators) {
                int at = it.docID();
                if (at < target) {
                  at = it.advance(target);
                }
                min = Math.min(min, at);
              }
              return doc = min;
            }

            @Override
            public long cost() {
              return totalCost;
            }
          };
    }

    /** The entry of table {@code t} with the highest constant that the document holds, or -1. */
    int best(int t) {
      int[] termIndexes = weight.termsOf[t];
      float[] scores = weight.scoresOf[t];
      int best = -1;
      for (int e = 0; e < termIndexes.length; e++) {
        PostingsEnum p = postings[termIndexes[e]];
        if (p != null && p.docID() == doc && (best < 0 || scores[e] > scores[best])) {
          best = e;
        }
      }
      return best;
    }

    @Override
    public float score() throws IOException {
      // As DisjunctionMaxScorer: the highest, plus the tie-breaker times the sum of the others;
      // the readings scored by Lucene first, then the tables.
      float max = 0f;
      double others = 0;
      for (int i = 0; i < generals.length + weight.termsOf.length; i++) {
        float score;
        if (i < generals.length) {
          if (generals[i] == null || generals[i].docID() != doc) {
            continue;
          }
          score = generals[i].score();
        } else {
          int t = i - generals.length;
          int best = best(t);
          if (best < 0) {
            continue;
          }
          score = weight.scoresOf[t][best];
        }
        if (score >= max) {
          others += max;
          max = score;
        } else {
          others += score;
        }
      }
      return (float) (max + others * original.getTieBreakerMultiplier());
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      // The sum of every reading's highest bounds the highest plus a share of the others.
      double sum = 0;
      for (Scorer s : generals) {
        if (s != null) {
          sum += s.getMaxScore(upTo);
        }
      }
      for (float[] scores : weight.scoresOf) {
        float most = 0f;
        for (float s : scores) {
          most = Math.max(most, s);
        }
        sum += most;
      }
      return Math.nextUp((float) sum);
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
      return union;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    original.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return original.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && original.equals(((CollapsedReadings) other).original);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + original.hashCode();
  }
}
