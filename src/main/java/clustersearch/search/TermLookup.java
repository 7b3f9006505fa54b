package clustersearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Term queries whose term statistics are looked up with one terms enumerator per field and segment,
 * instead of a fresh one per term and clause as {@link TermQuery} does by itself. A query here has
 * a few dozen term clauses over a handful of fields; looking them up is most of its cost.
 */
final class TermLookup {
  private final IndexReaderContext top;
  private final Map<String, TermsEnum[]> enums = new HashMap<>();
  private final Map<Term, TermStates> states;

  /** Term statistics kept per reader at most: the terms of several thousand distinct queries. */
  static final int MAX_SHARED = 20_000;

  /** A look-up of its own, for one query. */
  TermLookup(IndexSearcher searcher) {
    this(searcher, new HashMap<>());
  }

  /**
   * A look-up that keeps what it finds in {@code shared}, the statistics of {@code searcher}'s
   * reader (while it holds fewer than {@link #MAX_SHARED}): queries parsed later find their terms
   * there instead of seeking them in every field again (most of a new query's terms, its bigrams in
   * each field and the phrases holding it, are those of earlier queries).
   */
  TermLookup(IndexSearcher searcher, Map<Term, TermStates> shared) {
    this.top = searcher.getTopReaderContext();
    this.states = shared;
  }

  /**
   * A term query carrying its statistics, looked up once; a term no cluster has matches nothing and
   * costs nothing. Half the term clauses of a typical query are such terms (生物医药's bigrams in the
   * builder, recommender and place fields: 15 of 33), and Lucene made a weight, a BM25 norm table
   * and, per search, a scorer for each.
   */
  Query query(Term term) {
    TermStates found = states.get(term);
    if (found == null) {
      found = lookUp(term);
      if (states.size() < MAX_SHARED) {
        states.putIfAbsent(term, found);
      }
    }
    return found.docFreq() == 0
        ? new MatchNoDocsQuery("no cluster has " + term)
        : new TermQuery(term, found);
  }

  private TermStates lookUp(Term term) {
    try {
      TermStates result = new TermStates(top);
      TermsEnum[] perLeaf =
          enums.computeIfAbsent(term.field(), f -> new TermsEnum[top.leaves().size()]);
      for (LeafReaderContext leaf : top.leaves()) {
        TermsEnum terms = perLeaf[leaf.ord];
        if (terms == null) {
          Terms fieldTerms = leaf.reader().terms(term.field());
          if (fieldTerms == null) {
            continue;
          }
          terms = perLeaf[leaf.ord] = fieldTerms.iterator();
        }
        if (terms.seekExact(term.bytes())) {
          result.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
