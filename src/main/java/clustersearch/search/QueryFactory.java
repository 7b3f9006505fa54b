package clustersearch.search;

import clustersearch.config.AppConfig;
import clustersearch.config.Settings;
import clustersearch.config.Synonyms;
import clustersearch.index.Fields;
import clustersearch.source.Gazetteer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * From query text to Lucene queries in two steps that share nothing but the plan: {@link
 * QueryPlanner} reads the text into a {@link QueryPlan} (no Lucene in it), {@link PlanCompiler}
 * turns the plan into the ranking query and the match levels. Every weight is in
 * config/weights.yaml. The result is cached per index reader.
 */
public final class QueryFactory {
  private final Settings.Search settings;
  private final QueryPlanner planner;
  private final PlanCompiler compiler;
  private final ParsedQueryCache cache = new ParsedQueryCache();

  public QueryFactory(Fields fields, AppConfig config, Gazetteer gazetteer) {
    this.settings = config.settings().search();
    this.planner = new QueryPlanner(fields, config, gazetteer);
    this.compiler = new PlanCompiler(fields, config.weights(), settings);
  }

  /** The cache of parsed queries, for tests. */
  ParsedQueryCache cache() {
    return cache;
  }

  /** Swaps in re-read synonyms; queries built afterwards use them. */
  public void setSynonyms(Synonyms synonyms) {
    planner.setSynonyms(synonyms);
    cache.clear();
  }

  /**
   * A query and what it was understood as.
   *
   * @param wide the query with the concepts' neighbours, for when nothing matches
   * @param levels the match queries, strictest first (see {@link PlanCompiler.Compiled})
   * @param readings every text searched: the parts, their synonyms and pinyin readings
   * @param needles the character strings the highlighter marks
   * @param understood the places, areas, sectors, industries and terms the query names
   * @param didYouMean the phrase a typo was read as (富硒 for 富西), or null
   * @param notes what the plan tells the user (长沙没有集群 …), in order
   * @param matchesAll the query asks for every cluster
   * @param cut the query was longer than its budget of terms: its later words were not searched
   * @param memo what searches of this query under each filter set found, kept with it
   */
  public record Parsed(
      Query query,
      Query wide,
      List<Query> levels,
      List<String> readings,
      List<String> needles,
      Understood understood,
      String didYouMean,
      List<String> notes,
      boolean matchesAll,
      boolean cut,
      ParsedMemo memo) {}

  /**
   * The query for {@code text} against {@code searcher}'s index; blank text matches every cluster.
   *
   * @param exact search the text as typed: no homophone reading of typos
   */
  public Parsed build(String text, boolean exact, IndexSearcher searcher, Vocabulary vocabulary) {
    String cut = text == null ? "" : text;
    if (cut.length() > settings.maxQueryLength()) {
      // Terms are cut at maxQueryTerms anyway; the rest of a huge text would only cost CPU.
      cut = cut.substring(0, settings.maxQueryLength());
    }
    String key = exact ? "\u0000exact\u0000" + cut : cut;
    String typed = cut;
    return cache.get(
        searcher.getIndexReader(), key, t -> parse(typed, exact, searcher, vocabulary));
  }

  /** The plan of {@code text}, with no index: what understanding made of it. */
  public QueryPlan plan(String text, boolean exact, Vocabulary vocabulary) {
    return planner.plan(text == null ? "" : text, exact, vocabulary);
  }

  private Parsed parse(String text, boolean exact, IndexSearcher searcher, Vocabulary vocabulary) {
    QueryPlan plan = planner.plan(text, exact, vocabulary);
    PlanCompiler.Compiled compiled =
        compiler.compile(
            plan,
            new TermLookup(searcher, cache.termStates(searcher.getIndexReader())),
            vocabulary);
    List<Query> levels = new ArrayList<>();
    for (Query level : compiled.levels()) {
      levels.add(rewritten(level, searcher));
    }
    Query query = rewritten(compiled.query(), searcher);
    return new Parsed(
        query,
        compiled.wide() == compiled.query() ? query : rewritten(compiled.wide(), searcher),
        List.copyOf(levels),
        compiled.readings(),
        compiled.needles(),
        plan.understood(),
        plan.didYouMean(),
        plan.notes(),
        plan.matchAll(),
        compiled.cut(),
        new ParsedMemo());
  }

  /**
   * The query as the searcher rewrites it for its reader. The parsed query is kept per reader, so
   * rewriting it here once spares every search of it the rewrite (a tenth of a search's CPU). Its
   * readings that only look terms up are then scored from one postings list per distinct term
   * ({@link CollapsedReadings}).
   */
  private static Query rewritten(Query query, IndexSearcher searcher) {
    try {
      return CollapsedReadings.collapse(searcher.rewrite(query));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
