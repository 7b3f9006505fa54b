package clustersearch.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;

/**
 * Parsed queries per index reader, so a query typed again (portals send the same few industry words
 * over and over) skips normalisation, smartcn, synonym and pinyin expansion and term look-ups. A
 * parsed query holds term statistics of one reader, so entries live per reader and go when the
 * reader closes; new synonyms clear everything. Bounded: a reader's map is cleared when it outgrows
 * {@link #MAX_PER_READER}, which keeps it lock-free and small.
 */
final class ParsedQueryCache {
  static final int MAX_PER_READER = 1024;

  private final Map<IndexReader.CacheKey, Map<String, QueryFactory.Parsed>> byReader =
      new ConcurrentHashMap<>();

  QueryFactory.Parsed get(
      IndexReader reader, String text, Function<String, QueryFactory.Parsed> parse) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return parse.apply(text);
    }
    Map<String, QueryFactory.Parsed> parsed =
        byReader.computeIfAbsent(
            helper.getKey(),
            key -> {
              helper.addClosedListener(byReader::remove);
              return new ConcurrentHashMap<>();
            });
    QueryFactory.Parsed hit = parsed.get(text);
    if (hit != null) {
      return hit;
    }
    if (parsed.size() >= MAX_PER_READER) {
      parsed.clear();
    }
    QueryFactory.Parsed fresh = parse.apply(text);
    parsed.put(text, fresh);
    return fresh;
  }

  void clear() {
    byReader.clear();
  }
}
