package clustersearch.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;

/**
 * Parsed queries per index reader, so a query typed again (portals send the same few industry words
 * over and over) skips normalisation, smartcn, synonym and pinyin expansion and term look-ups. A
 * parsed query holds term statistics of one reader, so entries are keyed by reader and go when the
 * reader closes; new synonyms clear everything.
 *
 * <p>Bounded by weight, not by entries: each entry weighs the characters it holds (the text, its
 * readings and highlight needles) plus a fixed cost for the query objects, and the cache keeps at
 * most {@link #MAX_BYTES}. Texts are cut before they get here (search.maxQueryLength), so no
 * request can make one entry large; the probe that kept 175 MB alive with 1,020 distinct 60 KB
 * queries now keeps at most a few MB.
 */
final class ParsedQueryCache {
  /** The most the cache may hold, estimated; a few thousand typical queries fit. */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  /** The estimated cost of one entry's query objects (clauses, term states) beyond its text. */
  private static final int ENTRY_OVERHEAD_BYTES = 4096;

  private record Key(IndexReader.CacheKey reader, String text) {}

  /** The readers whose closing is listened to, so each registers one listener. */
  private final Set<IndexReader.CacheKey> readers = ConcurrentHashMap.newKeySet();

  private final Cache<Key, QueryFactory.Parsed> cache =
      Caffeine.newBuilder()
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
    if (readers.add(key.reader())) {
      helper.addClosedListener(this::evict);
    }
    QueryFactory.Parsed fresh = parse.apply(text);
    cache.put(key, fresh);
    return fresh;
  }

  /** Drops the entries of a closed reader. */
  private void evict(IndexReader.CacheKey reader) {
    readers.remove(reader);
    cache.asMap().keySet().removeIf(k -> k.reader() == reader);
  }

  private static int weight(Key key, QueryFactory.Parsed parsed) {
    long chars = key.text().length();
    for (String s : parsed.readings()) {
      chars += s.length();
    }
    for (String s : parsed.needles()) {
      chars += s.length();
    }
    return (int)
        Math.min(Integer.MAX_VALUE, 2 * chars + ENTRY_OVERHEAD_BYTES + ParsedMemo.MAX_BYTES);
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
