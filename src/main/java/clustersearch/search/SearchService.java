package clustersearch.search;

import clustersearch.config.IndustryRules;
import clustersearch.config.Settings;
import clustersearch.config.Synonyms;
import clustersearch.config.Weights;
import clustersearch.index.ClusterDocuments;
import clustersearch.index.Fields;
import clustersearch.search.SearchResult.Explanation;
import clustersearch.search.SearchResult.FacetCounts;
import clustersearch.search.SearchResult.FacetValue;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.NamedMatches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

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
   */
  public SearchService(
      ClusterIndex index,
      QueryFactory queries,
      Fields fields,
      Settings.Search settings,
      List<String> provinceOrder,
      Gazetteer gazetteer,
      Weights weights) {
    this.index = index;
    this.weights = weights;
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
      Matching matching = matching(request, parsed, lease);
      DrillDownQuery query = drillDown(request, matching.ranking(), lease);
      boolean byScore = request.order() == SearchRequest.Order.RELEVANCE;
      DrillSideways.DrillSidewaysResult result =
          new DrillSideways(searcher, facetsConfig, lease.facetState())
              .search(query, null, null, window, sortOf(request.order()), !byScore);
      List<Hit> hits = new ArrayList<>();
      ScoreDoc[] docs = result.hits.scoreDocs;
      StoredFields stored = searcher.storedFields(); // one per request: reuses decompressed blocks
      List<String> needles = parsed.needles();
      int from = (request.page() - 1) * request.size();
      // The weight that reads a hit's readings, made only when one is not remembered yet.
      Weight[] labels = new Weight[1];
      boolean labelled = !parsed.matchesAll();
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
                labelled
                    ? parsed
                        .memo()
                        .readings(doc.doc, d -> matchedReadings(labels, parsed, searcher, d))
                    : List.of(),
                highlight,
                explain));
      }
      FacetCounts facets = counts(result.facets, settings.facetSize());
      long found = result.hits.totalHits.value;
      long matches = matching.level() == null ? found : matching.matches();
      return new SearchResult(
          request.query(),
          matches,
          found - matches,
          note(parsed, matches, found),
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
   * The ranking query of a request and which clusters are matches.
   *
   * @param level the match query chosen (the strictest with a match under the filters), or null
   *     when every cluster the query finds is a match
   * @param matches how many clusters match under the filters
   */
  private record Matching(Query ranking, Query level, long matches) {}

  /**
   * The match level of the parsed query under the request's filters: the strictest that finds a
   * cluster (place and product; then the product alone, the place relaxed). Matches get {@code
   * matchBonus}, so they rank above every related cluster.
   */
  private Matching matching(
      SearchRequest request, QueryFactory.Parsed parsed, ClusterIndex.Lease lease) {
    if (parsed.matchesAll() || parsed.levels().isEmpty()) {
      return new Matching(parsed.query(), null, 0);
    }
    String filters =
        String.join("\u0000", request.provinces())
            + "\u0001"
            + String.join("\u0000", request.industries())
            + "\u0001"
            + String.join("\u0000", request.areas())
            + "\u0001"
            + String.join("\u0000", request.years());
    ParsedMemo.Decided decided = parsed.memo().level(filters, f -> decide(request, parsed, lease));
    if (decided.level() < 0) {
      // Nothing matches: the related clusters, the concepts' neighbours among them.
      return new Matching(parsed.wide(), new MatchNoDocsQuery(), 0);
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
    return new Matching(ranking, level, decided.matches());
  }

  /** The strictest level that finds a cluster under the request's filters, and how many. */
  private ParsedMemo.Decided decide(
      SearchRequest request, QueryFactory.Parsed parsed, ClusterIndex.Lease lease) {
    IndexSearcher searcher = lease.searcher();
    boolean small = searcher.getIndexReader().maxDoc() <= ParsedMemo.MAX_DOCS;
    try {
      for (int i = 0; i < parsed.levels().size(); i++) {
        Query level = drillDown(request, parsed.levels().get(i), lease);
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

  /** The labels of the readings that found {@code doc}, in the plan's order. */
  private static List<String> matchedReadings(
      Weight[] weight, QueryFactory.Parsed parsed, IndexSearcher searcher, int doc) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Matches m;
    try {
      if (weight[0] == null) {
        weight[0] = searcher.createWeight(parsed.wide(), ScoreMode.COMPLETE_NO_SCORES, 1f);
      }
      m = weight[0].matches(leaf, doc - leaf.docBase);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (m == null) {
      return List.of();
    }
    return NamedMatches.findNamedMatches(m).stream().map(NamedMatches::getName).distinct().toList();
  }

  /** A line for a person when the answer needs one, or null. */
  private static String note(QueryFactory.Parsed parsed, long matches, long found) {
    if (parsed.matchesAll()) {
      return null;
    }
    if (found == 0) {
      return "没有与“" + String.join(" ", parsed.understood().terms()) + "”相关的集群；试试更宽的词，或去掉一个条件。";
    }
    if (matches == 0) {
      return "没有完全符合的集群；以下 " + found + " 个是相关集群。";
    }
    return null;
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
    return new FacetsOnly(result.hits.totalHits.value, counts(result.facets, Integer.MAX_VALUE));
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
          ? lease.perReader(Stats.class, () -> stats(lease, query))
          : stats(lease, query);
    }
  }

  /**
   * The statistics of the clusters {@code query} matches, from the facet ordinals of the matches,
   * never from their records. A whole index's are kept per reader and shared: never modified.
   */
  private Stats stats(ClusterIndex.Lease lease, Query query) throws IOException {
    List<String> sectors = new ArrayList<>(IndustryRules.SECTORS);
    sectors.add(IndustryRules.OTHER);
    long[][] counts = new long[provinceOrder.size()][sectors.size()];
    List<String> areaOrder = gazetteer.areas();
    long[] byArea = new long[areaOrder.size()];
    FacetsCollector matches = lease.searcher().search(query, new FacetsCollectorManager());
    long total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    if (total > 0) {
      Facets matrix = new SortedSetDocValuesFacetCounts(lease.statsState(), matches);
      for (int p = 0; p < provinceOrder.size(); p++) {
        FacetResult row = matrix.getAllChildren(Fields.DIM_PROVINCE_SECTOR, provinceOrder.get(p));
        for (LabelAndValue cell : row == null ? new LabelAndValue[0] : row.labelValues) {
          int s = sectors.indexOf(cell.label);
          if (s >= 0) {
            counts[p][s] = cell.value.longValue();
          }
        }
      }
      Facets facets = new SortedSetDocValuesFacetCounts(lease.facetState(), matches);
      FacetResult areaCounts = facets.getAllChildren(Fields.DIM_AREA);
      for (LabelAndValue cell :
          areaCounts == null ? new LabelAndValue[0] : areaCounts.labelValues) {
        int a = areaOrder.indexOf(cell.label);
        if (a >= 0) {
          byArea[a] = cell.value.longValue();
        }
      }
    }
    List<FacetValue> areas = new ArrayList<>();
    for (int a = 0; a < areaOrder.size(); a++) {
      areas.add(new FacetValue(areaOrder.get(a), byArea[a]));
    }
    List<FacetValue> byProvince = new ArrayList<>();
    for (int p = 0; p < provinceOrder.size(); p++) {
      byProvince.add(new FacetValue(provinceOrder.get(p), Arrays.stream(counts[p]).sum()));
    }
    List<FacetValue> bySector = new ArrayList<>();
    for (int s = 0; s < sectors.size(); s++) {
      long n = 0;
      for (long[] row : counts) {
        n += row[s];
      }
      bySector.add(new FacetValue(sectors.get(s), n));
    }
    return new Stats(
        total,
        byProvince,
        bySector,
        areas,
        new Stats.Matrix(provinceOrder, List.copyOf(sectors), counts));
  }

  /**
   * True when the request matches every cluster: no text (or only boilerplate) and no filter. The
   * whole index's statistics and facet values are then counted once per reader, since dashboards
   * and search pages open on them and counting a million clusters' ordinals took 76–80 ms.
   */
  private static boolean isWholeIndex(SearchRequest request, QueryFactory.Parsed parsed) {
    return parsed.matchesAll()
        && request.provinces().isEmpty()
        && request.industries().isEmpty()
        && request.areas().isEmpty()
        && request.years().isEmpty();
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
      List<SearchResult.Suggestion> found =
          suggester.suggest(lease.vocabulary(), QueryText.normalize(prefix), size);
      // Each count is what searching the suggestion returns (生物医药: 7, not the 2 clusters whose
      // industry is exactly 生物医药), so the box never promises what the results do not hold.
      List<SearchResult.Suggestion> counted = new ArrayList<>(found.size());
      IndexReader reader = lease.searcher().getIndexReader();
      for (SearchResult.Suggestion s : found) {
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
        counted.add(new SearchResult.Suggestion(s.text(), s.kind(), count));
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
      IndexSearcher searcher = lease.searcher();
      Optional<Cluster> cluster = find(lease, id);
      if (cluster.isEmpty()) {
        return Optional.empty();
      }
      Cluster c = cluster.get();
      String field = facetsConfig.getDimConfig(Fields.DIM_INDUSTRY).indexFieldName;
      String provinceField = facetsConfig.getDimConfig(Fields.DIM_PROVINCE).indexFieldName;
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      q.add(
          related(DrillDownQuery.term(field, Fields.DIM_INDUSTRY, c.sector(), c.industry()), 100),
          Occur.SHOULD);
      q.add(related(DrillDownQuery.term(field, Fields.DIM_INDUSTRY, c.sector()), 10), Occur.SHOULD);
      q.add(
          related(DrillDownQuery.term(provinceField, Fields.DIM_PROVINCE, c.province()), 1),
          Occur.SHOULD);
      q.add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT);
      TopDocs top = searcher.search(q.build(), size, RANKING);
      StoredFields stored = searcher.storedFields();
      List<SearchResult.Related> related = new ArrayList<>();
      for (ScoreDoc doc : top.scoreDocs) {
        Cluster other = lease.cluster(doc.doc, stored);
        List<String> reasons = new ArrayList<>();
        if (other.industry().equals(c.industry())) {
          reasons.add("industry");
        }
        if (other.sector().equals(c.sector())) {
          reasons.add("sector");
        }
        if (other.province().equals(c.province())) {
          reasons.add("province");
        }
        related.add(new SearchResult.Related(other, reasons));
      }
      return Optional.of(new SearchResult.Similar(id, related));
    }
  }

  /** The constant weight of one reason two clusters are related. */
  private static Query related(Term term, float weight) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), weight);
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

  private FacetCounts counts(Facets facets, int topN) throws IOException {
    List<FacetValue> provinces =
        sorted(top(facets, topN, Fields.DIM_PROVINCE), byOrder(provinceOrder));
    List<FacetValue> sectors = new ArrayList<>();
    for (FacetValue sector : sorted(top(facets, topN, Fields.DIM_INDUSTRY), bySector())) {
      List<FacetValue> industries =
          sorted(top(facets, topN, Fields.DIM_INDUSTRY, sector.value()), Comparator.naturalOrder());
      sectors.add(new FacetValue(sector.value(), sector.count(), industries));
    }
    List<FacetValue> areas = sorted(top(facets, topN, Fields.DIM_AREA), byOrder(gazetteer.areas()));
    // Newest list first.
    List<FacetValue> years =
        top(facets, topN, Fields.DIM_YEAR).stream()
            .sorted(Comparator.comparing(FacetValue::value).reversed())
            .toList();
    return new FacetCounts(provinces, sectors, areas, years);
  }

  private static List<FacetValue> top(Facets facets, int topN, String dim, String... path)
      throws IOException {
    FacetResult result =
        topN == Integer.MAX_VALUE
            ? facets.getAllChildren(dim, path)
            : facets.getTopChildren(topN, dim, path);
    return values(result);
  }

  private static List<FacetValue> values(FacetResult result) {
    if (result == null) {
      return List.of();
    }
    List<FacetValue> values = new ArrayList<>();
    for (LabelAndValue lv : result.labelValues) {
      if (lv.value.longValue() > 0) {
        values.add(new FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return values;
  }

  /** Count descending, then the given order of labels. */
  private static List<FacetValue> sorted(List<FacetValue> values, Comparator<String> labels) {
    return values.stream()
        .sorted(
            Comparator.comparingLong(FacetValue::count)
                .reversed()
                .thenComparing(FacetValue::value, labels))
        .toList();
  }

  private static Comparator<String> byOrder(List<String> order) {
    return Comparator.comparingInt((String s) -> rank(order, s)).thenComparing(s -> s);
  }

  private static Comparator<String> bySector() {
    return byOrder(IndustryRules.SECTORS);
  }

  private static int rank(List<String> order, String value) {
    int i = order.indexOf(value);
    return i < 0 ? order.size() : i;
  }

  private static double millisSince(long start) {
    return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
  }
}
