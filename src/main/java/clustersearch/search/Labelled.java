package clustersearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.NamedMatches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A reading's clause, named as Lucene's {@link NamedMatches} names it (explain and the Matches API
 * still say which readings matched), and findable again in a compiled query: {@link #in} lists
 * every label and what it searches, so a page's readings are found with one scorer per reading
 * (MatchLevels) instead of a Matches tree per hit, which built every clause's postings again for
 * each of them (most of the bytes a never-seen query cost).
 */
final class Labelled extends Query {
  private final String name;
  private final Query in;

  /**
   * Computed once: rewriting a query hashes its clauses again and again (to find duplicates), and a
   * label's query is a deep tree (a tenth of parsing a query went to hashing them anew).
   */
  private final int hash;

  private Labelled(String name, Query in) {
    this.name = Objects.requireNonNull(name);
    this.in = Objects.requireNonNull(in);
    this.hash = 31 * (31 * classHash() + name.hashCode()) + in.hashCode();
  }

  /** The label. */
  String label() {
    return name;
  }

  /** The labelled query. */
  Query inner() {
    return in;
  }

  /** {@code in}, labelled {@code name}. */
  static Query wrap(String name, Query in) {
    return new Labelled(name, in);
  }

  /**
   * The labels of {@code query} and, for each, the query its clauses search (OR'ed when a label
   * names several), in the order they appear; clauses that leave clusters out are not readings.
   */
  static Map<String, Query> in(Query query) {
    Map<String, List<Query>> found = new LinkedHashMap<>();
    collect(query, found);
    Map<String, Query> labels = new LinkedHashMap<>();
    found.forEach(
        (label, queries) -> {
          if (queries.size() == 1) {
            labels.put(label, queries.get(0));
          } else {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            queries.forEach(q -> any.add(q, Occur.SHOULD));
            labels.put(label, any.build());
          }
        });
    return labels;
  }

  /**
   * The labels under {@code query} in the order Lucene's Matches API reports them: a boolean
   * query's clauses as added, a disjunction's as it holds them, wrappers' inner queries.
   */
  private static void collect(Query query, Map<String, List<Query>> found) {
    if (query instanceof Labelled l) {
      found.computeIfAbsent(l.name, n -> new ArrayList<>()).add(l.in);
      collect(l.in, found);
    } else if (query instanceof BooleanQuery b) {
      for (BooleanClause clause : b.clauses()) {
        if (clause.getOccur() != Occur.MUST_NOT) {
          collect(clause.getQuery(), found);
        }
      }
    } else if (query instanceof DisjunctionMaxQuery d) {
      for (Query disjunct : d.getDisjuncts()) {
        collect(disjunct, found);
      }
    } else if (query instanceof BoostQuery b) {
      collect(b.getQuery(), found);
    } else if (query instanceof ConstantScoreQuery c) {
      collect(c.getQuery(), found);
    } else {
      // Any other query holding labels: found in the order it visits its parts.
      query.visit(
          new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
              if (occur == Occur.MUST_NOT) {
                return QueryVisitor.EMPTY_VISITOR;
              }
              if (parent instanceof Labelled l) {
                found.computeIfAbsent(l.name, n -> new ArrayList<>()).add(l.in);
              }
              return this;
            }
          });
    }
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    return NamedMatches.wrapQuery(name, in).createWeight(searcher, scoreMode, boost);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? this : new Labelled(name, rewritten);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "NamedQuery(" + name + "," + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && name.equals(((Labelled) other).name)
        && in.equals(((Labelled) other).in);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
