package clustersearch.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Parsed queries per index reader, so a query typed again (portals send the same few industry words
 * over and over) skips normalisation, smartcn, synonym and pinyin expansion and term look-ups. A
 * parsed query holds term statistics of one reader, so entries are keyed by reader and go when the
 * reader closes; new synonyms clear everything.
 *
 * <p>Bounded by what its entries keep alive, not by their number: each weighs its query nodes and
 * characters ({@link #estimatedBytes}), and the cache keeps at most {@link #MAX_BYTES}. A fixed
 * cost per entry was not enough: a 1,000-character query holds some 2,000 query nodes, and the
 * second probe kept 50 MB alive under a 4 MB budget that way.
 */
final class ParsedQueryCache {
  /** The most the cache may hold, estimated; a few thousand typical queries fit. */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  /** The estimated cost of one entry's query objects (clauses, term states) beyond its text. */
  private static final int ENTRY_OVERHEAD_BYTES = 2048;

  /** The estimated cost of one node of a parsed query tree (see {@link #estimatedBytes}). */
  static final int BYTES_PER_NODE = 120;

  private record Key(IndexReader.CacheKey reader, String text) {}

  /** The readers whose closing is listened to, so each registers one listener. */
  private final Set<IndexReader.CacheKey> readers = ConcurrentHashMap.newKeySet();

  /** Term statistics per reader ({@link #termStates}). */
  private final Map<IndexReader.CacheKey, Map<Term, TermStates>> termStates =
      new ConcurrentHashMap<>();

  private final Cache<Key, QueryFactory.Parsed> cache =
      Caffeine.newBuilder()
          // Evicts on the thread that adds, not later on the common pool: under load the pool
          // lagged and the cache held three times its budget (ParsedQueryCacheTest in the suite).
          .executor(Runnable::run)
          .maximumWeight(MAX_BYTES)
          .weigher((Key key, QueryFactory.Parsed parsed) -> weight(key, parsed))
          .build();

  QueryFactory.Parsed get(
      IndexReader reader, String text, Function<String, QueryFactory.Parsed> parse) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return parse.apply(text);
    }
    Key key = new Key(helper.getKey(), text);
    QueryFactory.Parsed hit = cache.getIfPresent(key);
    if (hit != null) {
      return hit;
    }
    register(helper);
    QueryFactory.Parsed fresh = parse.apply(text);
    cache.put(key, fresh);
    return fresh;
  }

  /**
   * The term statistics looked up in {@code reader} so far, shared by the queries parsed for it
   * ({@link TermLookup}); gone when the reader closes. Not cleared with the parsed queries: new
   * synonyms change queries, not a reader's terms.
   */
  Map<Term, TermStates> termStates(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return new HashMap<>();
    }
    register(helper);
    return termStates.computeIfAbsent(helper.getKey(), k -> new ConcurrentHashMap<>());
  }

  private void register(IndexReader.CacheHelper helper) {
    if (readers.add(helper.getKey())) {
      helper.addClosedListener(this::evict);
    }
  }

  /** Drops the entries of a closed reader. */
  private void evict(IndexReader.CacheKey reader) {
    readers.remove(reader);
    termStates.remove(reader);
    cache.asMap().keySet().removeIf(k -> k.reader() == reader);
  }

  private static int weight(Key key, QueryFactory.Parsed parsed) {
    return (int) Math.min(Integer.MAX_VALUE, estimatedBytes(key.text(), parsed));
  }

  /**
   * What an entry keeps alive, estimated from what it holds: each query node (a boolean query with
   * its clause sets, a clause, a boost, a term with its per-segment states) at {@link
   * #BYTES_PER_NODE}, each character twice, and the memo at its most. The constants were measured
   * with a class histogram of the heap ({@code ParsedQueryCacheTest}), which fails when they fall
   * behind what the entries really hold.
   */
  static long estimatedBytes(String text, QueryFactory.Parsed parsed) {
    long chars = text.length();
    for (List<String> strings :
        List.of(
            parsed.readings(),
            parsed.needles(),
            parsed.notes(),
            parsed.understood().terms(),
            parsed.understood().dropped())) {
      for (String s : strings) {
        chars += s.length();
      }
    }
    NodeCounter nodes = new NodeCounter();
    parsed.query().visit(nodes);
    if (parsed.wide() != parsed.query()) {
      parsed.wide().visit(nodes);
    }
    for (Query level : parsed.levels()) {
      level.visit(nodes);
    }
    return ENTRY_OVERHEAD_BYTES + 2 * chars + nodes.count * BYTES_PER_NODE + ParsedMemo.MAX_BYTES;
  }

  /** Counts the nodes of a query tree: sub-queries, leaves and terms. */
  static final class NodeCounter extends QueryVisitor {
    long count;

    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
      count++;
      return this;
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      count += terms.length;
    }

    @Override
    public void visitLeaf(Query query) {
      count++;
    }
  }

  /** How many readers' term statistics are held, for tests. */
  int termStateReaders() {
    return termStates.size();
  }

  /** The characters of the query texts held, for tests. */
  long retainedChars() {
    cache.cleanUp();
    return cache.asMap().keySet().stream().mapToLong(k -> k.text().length()).sum();
  }

  /** The estimated bytes held, for tests. */
  long weightedBytes() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  void clear() {
    cache.invalidateAll();
  }
}
