package clustersearch.search;

import clustersearch.config.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * Matches apart from related answers: which of a parsed query's match levels decides under a
 * request's filters (place and product; then the product alone), the ranking query that puts every
 * match above every related cluster, which labelled readings found a hit, and the line a person
 * reads when nothing (or only something related) was found.
 */
final class MatchLevels {
  private final Weights weights;

  MatchLevels(Weights weights) {
    this.weights = weights;
  }

  /**
   * The ranking query of a request and which clusters are matches.
   *
   * @param level the match query chosen (the strictest with a match under the filters), or null
   *     when every cluster the query finds is a match
   * @param matches how many clusters match under the filters
   */
  record Matching(Query ranking, Query level, long matches) {}

  /**
   * The match level of the parsed query under the request's filters: the strictest that finds a
   * cluster (place and product; then the product alone, the place relaxed). Matches get {@code
   * matchBonus}, so they rank above every related cluster.
   */
  Matching matching(
      QueryFactory.Parsed parsed,
      String filters,
      ClusterIndex.Lease lease,
      UnaryOperator<Query> filtered) {
    if (parsed.matchesAll() || parsed.levels().isEmpty()) {
      return new Matching(parsed.query(), null, 0);
    }
    ParsedMemo.Decided decided =
        parsed.memo().level(filters, f -> ranked(parsed, decide(parsed, lease, filtered), lease));
    if (decided.level() < 0) {
      // Nothing matches: the related clusters, the concepts' neighbours among them.
      return new Matching(parsed.wide(), new MatchNoDocsQuery(), 0);
    }
    return new Matching(decided.ranking(), decided.levelQuery(), decided.matches());
  }

  /**
   * {@code decided} with its ranking query, rewritten once for the reader: remembered with the
   * decision, a search under the same filters rewrites nothing (the walk over every clause was 4 %
   * of a search's CPU).
   */
  private ParsedMemo.Decided ranked(
      QueryFactory.Parsed parsed, ParsedMemo.Decided decided, ClusterIndex.Lease lease) {
    if (decided.level() < 0) {
      return decided;
    }
    // The matches as a bit set when the memo has them: ranking them first costs no clause work.
    Query level =
        decided.docs() != null
            ? new DocSetQuery(
                decided.docs(), lease.searcher().getIndexReader().getReaderCacheHelper().getKey())
            : parsed.levels().get(decided.level());
    // Every level lies inside the query, so the query is required and the bonus optional: a
    // required clause spares the bulk disjunction scorer (BooleanScorer's 2,048 buckets, a fifth
    // of a search's bytes) that a pure disjunction at the top would be scored with.
    Query ranking =
        new BooleanQuery.Builder()
            .add(parsed.query(), Occur.MUST)
            .add(new BoostQuery(new ConstantScoreQuery(level), weights.matchBonus()), Occur.SHOULD)
            .build();
    try {
      return decided.with(new Rewritten(lease.searcher().rewrite(ranking)), level);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The strictest level that finds a cluster under the request's filters, and how many. */
  private static ParsedMemo.Decided decide(
      QueryFactory.Parsed parsed, ClusterIndex.Lease lease, UnaryOperator<Query> filtered) {
    IndexSearcher searcher = lease.searcher();
    boolean small = searcher.getIndexReader().maxDoc() <= ParsedMemo.MAX_DOCS;
    try {
      for (int i = 0; i < parsed.levels().size(); i++) {
        Query level = filtered.apply(parsed.levels().get(i));
        if (small) {
          FixedBitSet docs = searcher.search(level, new DocSetCollector(searcher));
          if (docs.cardinality() > 0) {
            return new ParsedMemo.Decided(i, docs.cardinality(), docs);
          }
        } else {
          long n = searcher.count(level);
          if (n > 0) {
            return new ParsedMemo.Decided(i, n, null);
          }
        }
      }
      return new ParsedMemo.Decided(-1, 0, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects the documents a query matches into one bit set over the reader's ids. */
  private static final class DocSetCollector
      implements CollectorManager<DocSetCollector.Bits, FixedBitSet> {
    private final int maxDoc;

    DocSetCollector(IndexSearcher searcher) {
      this.maxDoc = searcher.getIndexReader().maxDoc();
    }

    /** One slice's documents. */
    static final class Bits extends SimpleCollector {
      final FixedBitSet docs;
      private int base;

      Bits(int maxDoc) {
        this.docs = new FixedBitSet(maxDoc);
      }

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void collect(int doc) {
        docs.set(base + doc);
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }

    @Override
    public Bits newCollector() {
      return new Bits(maxDoc);
    }

    @Override
    public FixedBitSet reduce(Collection<Bits> slices) {
      FixedBitSet all = new FixedBitSet(maxDoc);
      slices.forEach(b -> all.or(b.docs));
      return all;
    }
  }

  /**
   * The readings that found each of {@code docs} (a page of hits of {@code parsed}): each labelled
   * clause of the wide query searched once per leaf and its iterator advanced over the page's
   * documents, where Lucene's Matches API built every clause's postings again for each hit.
   * Readings come in the order the query names them; a concept's neighbours are left out where the
   * concept itself matched.
   */
  static Map<Integer, List<String>> readings(
      QueryFactory.Parsed parsed, IndexSearcher searcher, List<Integer> docs) {
    Map<Integer, List<String>> found = new java.util.HashMap<>();
    int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    for (int doc : sorted) {
      found.put(doc, new ArrayList<>());
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    try {
      for (Map.Entry<String, Query> label : Labelled.in(parsed.wide()).entrySet()) {
        Weight weight =
            searcher.createWeight(
                searcher.rewrite(label.getValue()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        int at = 0;
        while (at < sorted.length) {
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[at], leaves));
          int end = leaf.docBase + leaf.reader().maxDoc();
          Scorer scorer = weight.scorer(leaf);
          DocIdSetIterator matching = scorer == null ? null : scorer.iterator();
          for (; at < sorted.length && sorted[at] < end; at++) {
            int local = sorted[at] - leaf.docBase;
            if (matching != null && matching.docID() < local) {
              matching.advance(local);
            }
            if (matching != null && matching.docID() == local) {
              found.get(sorted[at]).add(label.getKey());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Integer, List<String>> readings = new java.util.HashMap<>();
    found.forEach((doc, names) -> readings.put(doc, withoutCoveredNeighbours(names)));
    return readings;
  }

  /** A concept that matched needs no word that its neighbours did too. */
  static List<String> withoutCoveredNeighbours(List<String> names) {
    return names.stream()
        .filter(
            n ->
                !n.endsWith(RELATED_LABEL)
                    || !names.contains(n.substring(0, n.length() - RELATED_LABEL.length())))
        .toList();
  }

  /** What the compiler appends to the label of a concept's neighbours. */
  private static final String RELATED_LABEL = PlanCompiler.RELATED_LABEL;

  /** What the answer says when a query was longer than its budget (search.maxQueryTerms). */
  static final String CUT = "查询太长，只用前面的词检索。";

  /** A line for a person when the answer needs one, or null. */
  static String note(QueryFactory.Parsed parsed, long matches, long found) {
    if (parsed.matchesAll()) {
      return null;
    }
    String note = answerNote(parsed, matches, found);
    return !parsed.cut() ? note : note == null ? CUT : CUT + note;
  }

  /** What the matches and related clusters found call for, or null. */
  private static String answerNote(QueryFactory.Parsed parsed, long matches, long found) {
    if (found == 0) {
      return "没有与“" + String.join(" ", parsed.understood().terms()) + "”相关的集群；试试更宽的词，或去掉一个条件。";
    }
    if (matches == 0) {
      return parsed.notes().isEmpty()
          ? "没有完全符合的集群；以下 " + found + " 个是相关集群。"
          : String.join("", parsed.notes());
    }
    return null;
  }
}
