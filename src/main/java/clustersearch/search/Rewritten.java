package clustersearch.search;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query already rewritten for one reader, kept for its searches: its own rewrite is itself, so
 * IndexSearcher does not walk the whole tree again on every search. Equal only to itself: it is
 * made once per parsed query, filters and reader.
 */
final class Rewritten extends Query {
  private final Query in;

  Rewritten(Query rewritten) {
    this.in = rewritten;
  }

  /** The rewritten query. */
  Query query() {
    return in;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    return in.createWeight(searcher, scoreMode, boost);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return in.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
