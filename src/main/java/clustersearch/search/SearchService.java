package clustersearch.search;

import clustersearch.config.Settings;
import clustersearch.config.Synonyms;
import clustersearch.config.Weights;
import clustersearch.index.ClusterDocuments;
import clustersearch.index.Fields;
import clustersearch.search.SearchResult.Explanation;
import clustersearch.search.SearchResult.FacetCounts;
import clustersearch.search.SearchResult.FacetsOnly;
import clustersearch.search.SearchResult.Highlight;
import clustersearch.search.SearchResult.Hit;
import clustersearch.source.Cluster;
import clustersearch.source.Gazetteer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;

/** Ranked, faceted search over the served index; no HTTP in here. */
public final class SearchService {
  /** Score first; ties in list order (year, then 序号), so pages are stable. */
  private static final Sort RANKING =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(Fields.YEAR, SortField.Type.INT),
          new SortField(Fields.SEQ, SortField.Type.INT));

  /** Year, then 序号: the order of the published lists. */
  private static final Sort LIST_ORDER =
      new Sort(
          new SortField(Fields.YEAR, SortField.Type.INT),
          new SortField(Fields.SEQ, SortField.Type.INT));

  /** The official order of provinces, then list order. */
  private static final Sort PROVINCE_ORDER =
      new Sort(
          new SortField(Fields.PROVINCE_RANK, SortField.Type.INT),
          new SortField(Fields.YEAR, SortField.Type.INT),
          new SortField(Fields.SEQ, SortField.Type.INT));

  private static Sort sortOf(SearchRequest.Order order) {
    return switch (order) {
      case RELEVANCE -> RANKING;
      case LIST -> LIST_ORDER;
      case PROVINCE -> PROVINCE_ORDER;
    };
  }

  /** The most completions one request may ask for. */
  public static final int MAX_SUGGESTIONS = 20;

  private final ClusterIndex index;
  private final Weights weights;
  private final SimilarClusters similar;
  private final MatchLevels matchLevels;
  private final StatsCounts statsCounts;
  private final FacetLabels facetLabels;
  private final QueryFactory queries;
  private final FilterValues filters;
  private final Gazetteer gazetteer;
  private final Settings.Search settings;
  private final List<String> provinceOrder;
  private final FacetsConfig facetsConfig = Fields.facetsConfig();
  private final Highlighter highlighter;
  private final Suggester suggester = new Suggester();
  private final AtomicLong configVersion = new AtomicLong();

  /** A suggestion's count for one reader and configuration. */
  private record CountKey(IndexReader.CacheKey reader, long config, String text) {}

  /**
   * The counts of suggestions, per reader and configuration version: a box asks for the same few
   * words over and over. Entries of old readers age out (bounded by entries; each is small).
   */
  private final Cache<CountKey, Long> suggestionCounts =
      Caffeine.newBuilder().maximumSize(SUGGESTION_COUNTS).build();

  /** Suggestion counts kept at most. */
  private static final int SUGGESTION_COUNTS = 10_000;

  /**
   * @param provinceOrder the official order of provinces, which breaks ties between equal counts
   * @param codes the stable codes and English labels of facet values
   */
  public SearchService(
      ClusterIndex index,
      QueryFactory queries,
      Fields fields,
      Settings.Search settings,
      List<String> provinceOrder,
      Gazetteer gazetteer,
      Weights weights,
      FacetCodes codes) {
    this.index = index;
    this.weights = weights;
    this.similar = new SimilarClusters(weights, fields.knowledge(), RANKING);
    this.matchLevels = new MatchLevels(weights);
    this.statsCounts = new StatsCounts(provinceOrder, gazetteer.areas(), codes);
    this.facetLabels = new FacetLabels(provinceOrder, gazetteer.areas(), codes);
    this.gazetteer = gazetteer;
    this.filters = new FilterValues(gazetteer);
    this.highlighter = new Highlighter(fields);
    this.queries = queries;
    this.settings = settings;
    this.provinceOrder = List.copyOf(provinceOrder);
  }

  /** The query factory, for tests of its cache. */
  QueryFactory queries() {
    return queries;
  }

  /** Uses re-read synonyms from now on (after a reindex; no reindex is needed for them). */
  public void setSynonyms(Synonyms synonyms) {
    queries.setSynonyms(synonyms);
    configVersion.incrementAndGet();
  }

  /**
   * What the answers depend on besides the request: the served generation and how often the
   * query-time configuration was re-read. Caches (ETags) are valid while it stays the same.
   */
  public String answerVersion() {
    ClusterIndex.Status status = index.status();
    return (status.generation() == null ? "none" : status.generation()) + "." + configVersion.get();
  }

  /** One page of hits for {@code request}, with the top facet values of the whole result. */
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    validate(request);
    try (ClusterIndex.Lease lease = index.acquire()) {
      IndexSearcher searcher = lease.searcher();
      int window = request.page() * request.size();
      QueryFactory.Parsed parsed = parse(request, lease);
      MatchLevels.Matching matching =
          matchLevels.matching(
              parsed, filterKey(request), lease, base -> drillDown(request, base, lease));
      boolean byScore = request.order() == SearchRequest.Order.RELEVANCE;
      Ranked ranked =
          byScore && !filtered(request) && searcher.getIndexReader().maxDoc() >= TOP_K_FROM
              ? topK(searcher, matching.ranking(), window, lease)
              : drillSideways(request, matching.ranking(), window, lease);
      List<Hit> hits = new ArrayList<>();
      ScoreDoc[] docs = ranked.docs();
      StoredFields stored = searcher.storedFields(); // one per request: reuses decompressed blocks
      List<String> needles = parsed.needles();
      int from = (request.page() - 1) * request.size();
      // The page's readings, found together for the hits not remembered yet.
      List<Integer> page = new ArrayList<>();
      for (int i = from; i < docs.length; i++) {
        page.add(docs[i].doc);
      }
      Map<Integer, List<String>> readings =
          parsed.matchesAll()
              ? Map.of()
              : parsed
                  .memo()
                  .readings(page, missing -> MatchLevels.readings(parsed, searcher, missing));
      for (int i = from; i < docs.length; i++) {
        FieldDoc doc = (FieldDoc) docs[i];
        Cluster cluster = lease.cluster(doc.doc, stored);
        Highlight highlight =
            new Highlight(
                highlighter.highlight(cluster.name(), needles),
                highlighter.highlight(cluster.builder(), needles));
        Explanation explain =
            request.explain() ? explanation(searcher.explain(matching.ranking(), doc.doc)) : null;
        float score = byScore ? (Float) doc.fields[0] : doc.score;
        SearchResult.Match match =
            matching.level() == null || score >= weights.matchBonus()
                ? SearchResult.Match.EXACT
                : SearchResult.Match.RELATED;
        hits.add(
            new Hit(
                cluster,
                score,
                match,
                readings.getOrDefault(doc.doc, List.of()),
                highlight,
                explain));
      }
      FacetCounts facets = facetLabels.counts(ranked.facets(), settings.facetSize());
      long found = ranked.found();
      long matches = matching.level() == null ? found : matching.matches();
      return new SearchResult(
          request.query(),
          matches,
          found - matches,
          MatchLevels.note(parsed, matches, found),
          request.page(),
          request.size(),
          millisSince(start),
          hits,
          facets,
          parsed.understood(),
          parsed.didYouMean() == null
              ? null
              : new SearchResult.DidYouMean(parsed.didYouMean(), request.query()));
    }
  }

  /**
   * From this many clusters on, an unfiltered search by relevance counts its matches in a pass of
   * its own and collects the page in another: the count needs no scores, and the page's pass lets
   * Lucene skip clusters that cannot reach it (the related ones once the page holds matches). On a
   * small index one pass costs less than the second query set-up.
   */
  static final int TOP_K_FROM = 50_000;

  /** A page's documents (at least the window), every match's facet counts, and how many. */
  record Ranked(ScoreDoc[] docs, Facets facets, long found) {}

  /** Whether the request filters by any facet. */
  private static boolean filtered(SearchRequest request) {
    return !request.provinces().isEmpty()
        || !request.industries().isEmpty()
        || !request.areas().isEmpty()
        || !request.years().isEmpty();
  }

  /** One pass: hits in the request's order, facet counts drilled sideways of its filters. */
  Ranked drillSideways(SearchRequest request, Query ranking, int window, ClusterIndex.Lease lease)
      throws IOException {
    boolean byScore = request.order() == SearchRequest.Order.RELEVANCE;
    DrillSideways.DrillSidewaysResult result =
        new DrillSideways(lease.searcher(), facetsConfig, lease.facetState())
            .search(
                drillDown(request, ranking, lease),
                null,
                null,
                window,
                sortOf(request.order()),
                !byScore);
    return new Ranked(result.hits.scoreDocs, result.facets, result.hits.totalHits.value);
  }

  /**
   * Two passes of an unfiltered query by relevance: the matches counted without scores (total and
   * facets), then the top {@code window} by score, ties in list order, collected with a total-hits
   * threshold of the window so that Lucene may skip what cannot make the page. The same hits, in
   * the same order, as one exhaustive pass ({@code TopKTest}).
   */
  Ranked topK(IndexSearcher searcher, Query ranking, int window, ClusterIndex.Lease lease)
      throws IOException {
    FacetsCollector counted = searcher.search(ranking, new FacetsCollectorManager());
    long found = counted.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    TopDocs top =
        searcher.search(ranking, new TopFieldCollectorManager(RANKING, window, null, window));
    return new Ranked(
        top.scoreDocs, new SortedSetDocValuesFacetCounts(lease.facetState(), counted), found);
  }

  /** The request's filters as one key, for the memo of match levels. */
  private static String filterKey(SearchRequest request) {
    return String.join("\u0000", request.provinces())
        + "\u0001"
        + String.join("\u0000", request.industries())
        + "\u0001"
        + String.join("\u0000", request.areas())
        + "\u0001"
        + String.join("\u0000", request.years());
  }

  /** A score explanation as a tree of the parts that matched (values of zero left out). */
  private static Explanation explanation(org.apache.lucene.search.Explanation e) {
    List<Explanation> details = new ArrayList<>();
    for (org.apache.lucene.search.Explanation d : e.getDetails()) {
      if (d.isMatch() && d.getValue().floatValue() != 0f) {
        details.add(explanation(d));
      }
    }
    return new Explanation(e.getValue().floatValue(), e.getDescription(), details);
  }

  /** The total and every facet value (not a top N) for a query and filters. */
  public FacetsOnly facets(SearchRequest request) throws IOException {
    SearchRequest counting = request.forCounting();
    try (ClusterIndex.Lease lease = index.acquire()) {
      QueryFactory.Parsed parsed = parse(counting, lease);
      DrillDownQuery query = drillDown(counting, parsed.query(), lease);
      return isWholeIndex(counting, parsed)
          ? lease.perReader(FacetsOnly.class, () -> facets(lease, query))
          : facets(lease, query);
    }
  }

  private FacetsOnly facets(ClusterIndex.Lease lease, DrillDownQuery query) throws IOException {
    DrillSideways.DrillSidewaysResult result =
        new DrillSideways(lease.searcher(), facetsConfig, lease.facetState())
            .search(query, null, null, 1, RANKING, false);
    return new FacetsOnly(
        result.hits.totalHits.value, facetLabels.counts(result.facets, Integer.MAX_VALUE));
  }

  /**
   * Province, sector and province × sector counts over every cluster matching the query and all
   * filters (not drill sideways: a dashboard charts the result as filtered), zeros included; from
   * facet counts (the province / sector dimension), never from the records, so its cost grows with
   * the matches' ordinals, not with reading them.
   */
  public Stats stats(SearchRequest request) throws IOException {
    SearchRequest counting = request.forCounting();
    try (ClusterIndex.Lease lease = index.acquire()) {
      QueryFactory.Parsed parsed = parse(counting, lease);
      DrillDownQuery query = drillDown(counting, parsed.query(), lease);
      return isWholeIndex(counting, parsed)
          ? lease.perReader(Stats.class, () -> statsCounts.of(lease, query))
          : statsCounts.of(lease, query);
    }
  }

  /**
   * True when the request matches every cluster: no text (or only boilerplate) and no filter. The
   * whole index's statistics and facet values are then counted once per reader, since dashboards
   * and search pages open on them and counting a million clusters' ordinals took 76–80 ms.
   */
  private static boolean isWholeIndex(SearchRequest request, QueryFactory.Parsed parsed) {
    return parsed.matchesAll() && !filtered(request);
  }

  /** Receives an export: the number of matches first, then the records in order, in batches. */
  public interface ExportSink {
    void start(int total) throws IOException;

    void batch(List<Cluster> clusters) throws IOException;
  }

  /** Records read from the index and handed on at a time, while exporting. */
  public static final int EXPORT_BATCH = 500;

  /**
   * Streams every cluster matching the query and filters, in the request's order, to {@code sink}:
   * only the matches' document ids are held for all of them ({@link OrderedMatches}, 16 bytes a
   * match); records are read and handed on {@value #EXPORT_BATCH} at a time.
   */
  public void export(SearchRequest request, ExportSink sink) throws IOException {
    try (ClusterIndex.Lease lease = index.acquire()) {
      IndexSearcher searcher = lease.searcher();
      OrderedMatches matches =
          OrderedMatches.collect(
              searcher, drillDown(request, parse(request, lease).query(), lease), request.order());
      sink.start(matches.size());
      StoredFields stored = searcher.storedFields();
      List<Cluster> batch = new ArrayList<>(EXPORT_BATCH);
      for (int i = 0; i < matches.size(); i++) {
        batch.add(ClusterDocuments.fromDocument(stored.document(matches.doc(i))));
        if (batch.size() == EXPORT_BATCH) {
          sink.batch(batch);
          batch = new ArrayList<>(EXPORT_BATCH);
        }
      }
      if (!batch.isEmpty()) {
        sink.batch(batch);
      }
    }
  }

  /**
   * Every cluster matching the query and filters, in the request's order, as one list: for tests
   * and small lists; an export streams instead ({@link #export}).
   */
  public List<Cluster> matching(SearchRequest request) throws IOException {
    List<Cluster> all = new ArrayList<>();
    export(
        request,
        new ExportSink() {
          @Override
          public void start(int total) {}

          @Override
          public void batch(List<Cluster> clusters) {
            all.addAll(clusters);
          }
        });
    return all;
  }

  /** The id of the one cluster a name suggestion names in full, or null. */
  private static String clusterNamed(Vocabulary.Entry entry, ClusterIndex.Lease lease)
      throws IOException {
    if (!entry.kind().equals("name") || entry.term() == null) {
      return null;
    }
    ScoreDoc[] named = lease.searcher().search(new TermQuery(entry.term()), 2).scoreDocs;
    return named.length == 1
        ? lease.cluster(named[0].doc, lease.searcher().storedFields()).id()
        : null;
  }

  /**
   * Up to {@code size} completions of {@code prefix}: words, their pinyin, their initials, each
   * with the number of clusters a search for it finds.
   */
  public SearchResult.Suggestions suggest(String prefix, int size) throws IOException {
    if (size < 1 || size > MAX_SUGGESTIONS) {
      throw new InvalidRequestException(
          "invalid_parameter", "size must be from 1 to " + MAX_SUGGESTIONS + ", got " + size);
    }
    try (ClusterIndex.Lease lease = index.acquire()) {
      List<Vocabulary.Entry> found =
          suggester.suggest(lease.vocabulary(), QueryText.normalize(prefix), size);
      // Each count is what searching the suggestion returns (生物医药: 7, not the 2 clusters whose
      // industry is exactly 生物医药), so the box never promises what the results do not hold.
      List<SearchResult.Suggestion> counted = new ArrayList<>(found.size());
      IndexReader reader = lease.searcher().getIndexReader();
      for (Vocabulary.Entry s : found) {
        long count =
            suggestionCounts.get(
                new CountKey(reader.getReaderCacheHelper().getKey(), configVersion.get(), s.text()),
                k -> {
                  Query q =
                      queries.build(s.text(), false, lease.searcher(), lease.vocabulary()).query();
                  try {
                    return (long) lease.searcher().count(q);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        counted.add(new SearchResult.Suggestion(s.text(), s.kind(), count, clusterNamed(s, lease)));
      }
      return new SearchResult.Suggestions(prefix, counted);
    }
  }

  /** The cluster with {@code id}, if the index holds it. */
  public Optional<Cluster> get(String id) throws IOException {
    try (ClusterIndex.Lease lease = index.acquire()) {
      return find(lease, id);
    }
  }

  private static Optional<Cluster> find(ClusterIndex.Lease lease, String id) throws IOException {
    IndexSearcher searcher = lease.searcher();
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(lease.cluster(top.scoreDocs[0].doc, searcher.storedFields()));
  }

  /**
   * A cluster's related clusters, for its page: the same industry phrase first, then the same
   * sector, then the same province, each tie in list order. Empty when there is no such id.
   */
  public Optional<SearchResult.Similar> similar(String id, int size) throws IOException {
    if (size < 1 || size > MAX_SUGGESTIONS) {
      throw new InvalidRequestException(
          "invalid_parameter", "size must be from 1 to " + MAX_SUGGESTIONS + ", got " + size);
    }
    try (ClusterIndex.Lease lease = index.acquire()) {
      // One lease for the cluster and its relatives: a reindex in between cannot mix generations.
      Optional<Cluster> cluster = find(lease, id);
      if (cluster.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new SearchResult.Similar(id, similar.of(cluster.get(), lease, size)));
    }
  }

  /** What the served index holds; STARTING while no verified generation is open. */
  public Health health() throws IOException {
    ClusterIndex.Status status = index.status();
    if (!status.ready()) {
      return new Health("STARTING", 0, List.of(), null);
    }
    try (ClusterIndex.Lease lease = index.acquire()) {
      return new Health(
          "UP",
          lease.searcher().getIndexReader().numDocs(),
          lease.vocabulary().years(),
          index.generation().getFileName().toString());
    }
  }

  /** The state of the served index, for /api/health. */
  public record Health(String status, int documents, List<Integer> years, String generation) {}

  /** Whether a verified generation is served, and what went wrong if not, for /api/ready. */
  public ClusterIndex.Status status() {
    return index.status();
  }

  /**
   * After a request failed unexpectedly: checks the served generation, and sets it aside when it
   * was damaged while served (see {@link ClusterIndex#checkServed}).
   *
   * @return true when it was damaged: the request failed because of it
   */
  public boolean checkServedIndex() {
    return index.checkServed();
  }

  private void validate(SearchRequest request) {
    if (request.page() < 1) {
      throw new InvalidRequestException(
          "invalid_parameter", "page must be 1 or more, got " + request.page());
    }
    if (request.size() < 1 || request.size() > settings.maxSize()) {
      throw new InvalidRequestException(
          "invalid_parameter",
          "size must be from 1 to " + settings.maxSize() + ", got " + request.size());
    }
    if (request.explain() && request.size() > settings.maxExplainSize()) {
      throw new InvalidRequestException(
          "invalid_parameter",
          "explain=true explains at most "
              + settings.maxExplainSize()
              + " hits; ask for size="
              + settings.maxExplainSize()
              + " or fewer (got "
              + request.size()
              + ")");
    }
    if ((long) request.page() * request.size() > settings.maxResultWindow()) {
      throw new InvalidRequestException(
          "result_window_too_large",
          "page × size must not exceed "
              + settings.maxResultWindow()
              + " (got "
              + request.page()
              + " × "
              + request.size()
              + "); narrow the query or the filters instead");
    }
  }

  /** The understood query of the request's text. */
  private QueryFactory.Parsed parse(SearchRequest request, ClusterIndex.Lease lease) {
    return queries.build(request.query(), request.exact(), lease.searcher(), lease.vocabulary());
  }

  /**
   * The query with its filters: values of one dimension OR'ed, dimensions AND'ed. Filter values are
   * read as people write them (山东省, 鲁, Shandong; 生物医药 without its sector); a value that names
   * nothing is a 400 naming the closest known values.
   */
  private DrillDownQuery drillDown(SearchRequest request, Query base, ClusterIndex.Lease lease) {
    DrillDownQuery query = new DrillDownQuery(facetsConfig, base);
    for (String province : capped("province", request.provinces())) {
      query.add(Fields.DIM_PROVINCE, filters.province(province));
    }
    for (String industry : capped("industry", request.industries())) {
      query.add(Fields.DIM_INDUSTRY, filters.industry(industry, lease.vocabulary()));
    }
    for (String area : capped("area", request.areas())) {
      query.add(Fields.DIM_AREA, filters.area(area));
    }
    for (String year : capped("year", request.years())) {
      query.add(Fields.DIM_YEAR, filters.year(year, lease.vocabulary().years()));
    }
    return query;
  }

  /**
   * The distinct values of one filter, refused when there are more than the settings allow: each is
   * a clause, and Lucene refuses a query of more than 1,024 clauses.
   */
  private List<String> capped(String dimension, List<String> values) {
    List<String> distinct = values.stream().map(String::strip).distinct().toList();
    if (distinct.size() > settings.maxFilterValues()) {
      throw new InvalidRequestException(
          "too_many_values",
          dimension
              + " takes at most "
              + settings.maxFilterValues()
              + " distinct values, got "
              + distinct.size());
    }
    return distinct;
  }

  private static double millisSince(long start) {
    return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
  }
}
