package clustersearch.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of a bit set over one reader's document ids, as a constant-score query: the matches
 * of a parsed query's level, counted once per reader and filters ({@link ParsedMemo}), are ranked
 * first without evaluating the level's clauses again on every search.
 */
final class DocSetQuery extends Query {
  private final FixedBitSet docs;
  private final Object reader;

  /**
   * @param docs the documents, by their id in the reader
   * @param reader the reader's cache key: the ids mean nothing in another reader
   */
  DocSetQuery(FixedBitSet docs, Object reader) {
    this.docs = docs;
    this.reader = reader;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        int base = context.docBase;
        int max = context.reader().maxDoc();
        FixedBitSet leaf = new FixedBitSet(max);
        for (int d = docs.nextSetBit(base);
            d != DocIdSetIterator.NO_MORE_DOCS && d < base + max;
            d = d + 1 < docs.length() ? docs.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
          leaf.set(d - base);
        }
        return new ConstantScoreScorer(
            this, score(), scoreMode, new BitSetIterator(leaf, leaf.cardinality()));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "matches(" + docs.cardinality() + " docs)";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && docs.equals(((DocSetQuery) other).docs)
        && reader == ((DocSetQuery) other).reader;
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + docs.hashCode();
  }
}
