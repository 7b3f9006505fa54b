package clustersearch.search;

import clustersearch.config.Settings;
import clustersearch.config.Weights;
import clustersearch.index.Fields;
import clustersearch.search.QueryPlan.Dimension;
import clustersearch.search.QueryPlan.Kind;
import clustersearch.search.QueryPlan.Part;
import clustersearch.search.QueryPlan.Reading;
import clustersearch.search.QueryPlan.Relation;
import clustersearch.source.IndustryKnowledge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.NamedMatches;
import org.apache.lucene.search.Query;

/**
 * Turns a {@link QueryPlan} into Lucene queries: one clause per reading, labelled with the
 * reading's label ({@link NamedMatches}), so explain and each hit say which readings matched.
 * Besides the ranking query it gives the match levels: which clusters are matches (every dimension
 * the query names) and, relaxed in order, the place dropped before the product.
 */
final class PlanCompiler {
  /**
   * Term clauses one query may make, per term of {@code search.maxQueryTerms}: a part's typed
   * reading spreads its terms over the field groups (about four clauses a term), and the longest
   * judged questions stay well under it.
   */
  static final int CLAUSES_PER_TERM = 4;

  /** Appended to a concept's label for the clause of its neighbours. */
  static final String RELATED_LABEL = " (related)";

  private final Fields fields;
  private final Weights weights;
  private final Settings.Search settings;
  private final LuceneQueryBuilder builder;

  PlanCompiler(Fields fields, Weights weights, Settings.Search settings) {
    this.fields = fields;
    this.weights = weights;
    this.settings = settings;
    this.builder = new LuceneQueryBuilder(fields, weights);
  }

  /**
   * A compiled plan.
   *
   * @param query the ranking query: every reading, matches and related
   * @param wide the ranking query with the concepts' neighbours too (the clusters named by a
   *     broader concept or under the same parent), searched only when nothing matches
   * @param levels the match queries, strictest first; the first that finds a cluster decides which
   *     clusters are matches (empty: every cluster the query finds is a match)
   * @param readings the texts searched, for the response
   * @param needles the character strings the highlighter marks
   */
  /**
   * The compiled plan.
   *
   * @param cut the term or clause budget ran out: the query's later words were not searched
   */
  record Compiled(
      Query query,
      Query wide,
      List<Query> levels,
      List<String> readings,
      List<String> needles,
      boolean cut) {}

  Compiled compile(QueryPlan plan, TermLookup lookup, Vocabulary vocabulary) {
    if (plan.matchAll()) {
      return new Compiled(
          new MatchAllDocsQuery(), new MatchAllDocsQuery(), List.of(), List.of(), List.of(), false);
    }
    Compiled free = compileFree(plan, lookup, vocabulary);
    if (plan.required().isEmpty() && plan.excluded().isEmpty()) {
      return free;
    }
    // The syntax's field prefixes filter every query (values of one dimension OR'ed, dimensions
    // AND'ed) and its - clauses leave clusters out of every query.
    Map<Dimension, List<Query>> byDimension = new LinkedHashMap<>();
    for (Reading r : plan.required()) {
      byDimension.computeIfAbsent(r.target(), d -> new ArrayList<>()).add(filter(r, lookup));
    }
    List<Query> required = byDimension.values().stream().map(PlanCompiler::any).toList();
    List<Query> excluded = plan.excluded().stream().map(r -> filter(r, lookup)).toList();
    List<Query> levels = new ArrayList<>();
    for (Query level : free.levels()) {
      levels.add(restricted(level, required, excluded));
    }
    Query base =
        plan.parts().isEmpty() && plan.named().isEmpty() ? new MatchAllDocsQuery() : free.query();
    Query wide =
        plan.parts().isEmpty() && plan.named().isEmpty() ? new MatchAllDocsQuery() : free.wide();
    return new Compiled(
        restricted(base, required, excluded),
        restricted(wide, required, excluded),
        List.copyOf(levels),
        free.readings(),
        free.needles(),
        free.cut());
  }

  /** {@code query} with every required query as a filter and every excluded one left out. */
  private static Query restricted(Query query, List<Query> required, List<Query> excluded) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
    required.forEach(r -> b.add(r, Occur.FILTER));
    excluded.forEach(e -> b.add(e, Occur.MUST_NOT));
    return b.build();
  }

  /** The clusters a required or excluded reading names, as a labelled constant-score filter. */
  private Query filter(Reading r, TermLookup lookup) {
    Query q;
    if (Schema.isText(r.target())) {
      List<String> grams =
          LuceneQueryBuilder.tokens(
              fields.gramQueryAnalyzer(), "", r.text(), settings.maxQueryTerms());
      List<Query> anyField = new ArrayList<>();
      for (String field : Schema.gramFields(r.target())) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String gram : new LinkedHashSet<>(grams)) {
          all.add(lookup.query(new org.apache.lucene.index.Term(field, gram)), Occur.FILTER);
        }
        anyField.add(grams.isEmpty() ? new MatchNoDocsQuery("no searchable text") : all.build());
      }
      q = any(anyField);
    } else {
      q = lookup.query(Schema.named(r.target(), r.text()));
    }
    return Labelled.wrap(r.label(), new ConstantScoreQuery(q));
  }

  /** The plan's parts and named readings, without the syntax's filters. */
  private Compiled compileFree(QueryPlan plan, TermLookup lookup, Vocabulary vocabulary) {
    int budget = settings.maxQueryTerms();
    // Every term clause a query's readings make counts too, so that no text (499 single letters,
    // each a part over every field) costs more than a few of the longest queries people type.
    int clauseBudget = CLAUSES_PER_TERM * settings.maxQueryTerms();
    List<Query> clauses = new ArrayList<>();
    List<Query> neighbours = new ArrayList<>();
    List<Query> partMatches = new ArrayList<>();
    Set<String> readings = new LinkedHashSet<>();
    Set<String> needles = new LinkedHashSet<>(plan.needles());
    int compiledParts = 0;
    boolean readingsLeft = false;
    for (Part part : plan.parts()) {
      List<Query> alternatives = new ArrayList<>();
      List<Query> matches = new ArrayList<>();
      for (Reading r : part.readings()) {
        if (clauseBudget <= 0) {
          readingsLeft = true;
          break;
        }
        Query q;
        Query related = null;
        if (r.kind() == Kind.EXACT) {
          List<String> grams =
              LuceneQueryBuilder.tokens(
                  fields.gramQueryAnalyzer(), "", part.text(), Math.max(0, budget));
          budget -= grams.size();
          List<String> words =
              LuceneQueryBuilder.tokens(fields.wordAnalyzer(), Fields.INDUSTRY, part.text(), budget)
                  .stream()
                  .filter(w -> w.length() > 1 || part.text().length() == 1)
                  .toList();
          budget -= words.size();
          q =
              grams.isEmpty()
                      && words.isEmpty()
                      && !Expander.LATIN.matcher(part.text()).matches()
                      && !Expander.ENGLISH_WORDS.matcher(part.text()).matches()
                  ? null
                  : builder.typed(
                      part.text(),
                      grams,
                      words,
                      r.units(),
                      LuceneQueryBuilder.heldBy(
                          fields.stripBoilerplate(part.text()), vocabulary, lookup),
                      lookup);
          needles.addAll(grams);
        } else if (r.target() == Dimension.CONCEPT) {
          q = conceptMatch(r, lookup);
          related = conceptRelated(r, lookup);
        } else {
          q = builder.rewriting(r.text(), r.units(), vocabulary, lookup);
          if (q != null) {
            needles.addAll(
                LuceneQueryBuilder.tokens(
                    fields.gramQueryAnalyzer(), "", r.text(), QueryPlanner.MAX_GRAMS));
          }
        }
        if (q != null) {
          clauseBudget -= termCount(q) + (related == null ? 0 : termCount(related));
          Query weighted = Labelled.wrap(r.label(), LuceneQueryBuilder.weighted(q, r.weight()));
          alternatives.add(weighted);
          if (r.relation() == Relation.MATCH && r.kind() != Kind.RELATED) {
            matches.add(weighted);
          }
          if (r.kind() != Kind.CONCEPT && r.kind() != Kind.POLICY) {
            readings.add(r.text());
          }
        }
        if (related != null) {
          neighbours.add(
              Labelled.wrap(
                  r.label() + RELATED_LABEL, LuceneQueryBuilder.weighted(related, r.weight())));
        }
      }
      if (!alternatives.isEmpty()) {
        clauses.add(builder.part(alternatives));
      }
      if (!matches.isEmpty()) {
        partMatches.add(any(matches));
      }
      compiledParts++;
      if (budget <= 0 || clauseBudget <= 0) {
        break;
      }
    }
    boolean cut = readingsLeft || compiledParts < plan.parts().size();
    List<Query> places = new ArrayList<>();
    List<Query> others = new ArrayList<>();
    List<Query> named = new ArrayList<>();
    for (Reading r : plan.named()) {
      Query there =
          Labelled.wrap(
              r.label(),
              new BoostQuery(
                  new ConstantScoreQuery(lookup.query(Schema.named(r.target(), r.text()))),
                  weights.entity() * r.weight()));
      named.add(there);
      if (r.relation() == Relation.MATCH) {
        if (r.kind() == Kind.PLACE || r.kind() == Kind.REGION) {
          places.add(there);
        } else {
          others.add(there);
        }
      }
    }
    if (!named.isEmpty() && !clauses.isEmpty()) {
      clauses.add(builder.both(named, List.copyOf(clauses)));
    }
    clauses.addAll(named);
    List<Query> levels = new ArrayList<>();
    List<Query> groups = new ArrayList<>();
    if (!partMatches.isEmpty()) {
      groups.add(any(partMatches));
    }
    others.forEach(groups::add);
    if (!places.isEmpty()) {
      levels.add(all(groups, any(places)));
      if (!groups.isEmpty()) {
        levels.add(all(groups, null)); // the place relaxed before the product
      }
    } else if (!groups.isEmpty()) {
      levels.add(all(groups, null));
    }
    if (levels.isEmpty() && clauses.isEmpty() && plan.required().isEmpty()) {
      levels.add(new MatchNoDocsQuery("nothing to match"));
    }
    Query query = LuceneQueryBuilder.any(clauses);
    List<Query> wide = new ArrayList<>(clauses);
    wide.addAll(neighbours);
    return new Compiled(
        query,
        neighbours.isEmpty() ? query : LuceneQueryBuilder.any(wide),
        List.copyOf(levels),
        List.copyOf(readings),
        List.copyOf(needles),
        cut);
  }

  /** How many term clauses a query holds. */
  private static int termCount(Query q) {
    int[] n = {0};
    q.visit(
        new org.apache.lucene.search.QueryVisitor() {
          @Override
          public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
            n[0] += terms.length;
          }

          @Override
          public org.apache.lucene.search.QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    return n[0];
  }

  /** The clusters whose phrase names the concept or one below it. */
  private Query conceptMatch(Reading r, TermLookup lookup) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(lookup.query(Schema.conceptIs(r.text())), Occur.SHOULD);
    q.add(lookup.query(Schema.conceptUnder(r.text())), Occur.SHOULD);
    return new BoostQuery(new ConstantScoreQuery(q.build()), weights.conceptMatch());
  }

  /**
   * Related clusters of a concept: a cluster named by a concept above it (高端装备制造 for 无人机), or one
   * below its parent (a sibling: 智能制造装备 for 无人机). Null for a sector.
   */
  private Query conceptRelated(Reading r, TermLookup lookup) {
    List<String> above = IndustryKnowledge.ancestors(r.text());
    if (above.isEmpty()) {
      return null;
    }
    List<Query> related = new ArrayList<>();
    BooleanQuery.Builder broader = new BooleanQuery.Builder();
    for (String id : above) {
      broader.add(lookup.query(Schema.conceptIs(id)), Occur.SHOULD);
    }
    related.add(new BoostQuery(new ConstantScoreQuery(broader.build()), weights.conceptBroader()));
    related.add(
        new BoostQuery(
            new ConstantScoreQuery(lookup.query(Schema.conceptUnder(above.get(0)))),
            weights.conceptSibling()));
    return new DisjunctionMaxQuery(related, 0f);
  }

  private static Query any(List<Query> queries) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    queries.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  /** Every group must match (and the place, when given). */
  private static Query all(List<Query> groups, Query place) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    groups.forEach(g -> b.add(g, Occur.FILTER));
    if (place != null) {
      b.add(place, Occur.FILTER);
    }
    return new ConstantScoreQuery(b.build());
  }
}
