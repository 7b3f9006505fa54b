package clustersearch.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What searches of one parsed query found out and will find out again, kept beside it for its
 * reader: which match level decides under a set of filters (and how many clusters match), and the
 * labelled readings that found a document. Both cost more than the search itself (the levels are
 * counted, the labels found by a pass over the readings), and both are the same for the same
 * reader, text and filters. Bounded by entries, so a parsed query never holds more than a few KB.
 */
final class ParsedMemo {
  /** Filter sets remembered per parsed query. */
  static final int FILTER_SETS = 8;

  /** Documents whose readings are remembered per parsed query (a few pages). */
  static final int DOCUMENTS = 32;

  /** The most documents an index may have for a level's matches to be kept as a bit set. */
  static final int MAX_DOCS = 4096;

  /** Bytes a full memo may hold, for the parsed-query cache's weigher. */
  static final int MAX_BYTES = FILTER_SETS * (96 + MAX_DOCS / 8) + DOCUMENTS * 96;

  /**
   * The level that decides the matches under one set of filters.
   *
   * @param level the index of the level in {@code Parsed.levels()}, or -1 when none matches
   * @param matches how many clusters match
   * @param docs the matching documents of the reader, or null when the index is larger than {@link
   *     #MAX_DOCS} (the level's query is searched instead)
   * @param ranking the ranking query under these filters, rewritten for the reader (null until set,
   *     and when nothing matches)
   * @param levelQuery the query of the matches the ranking query puts first
   */
  record Decided(
      int level,
      long matches,
      org.apache.lucene.util.FixedBitSet docs,
      org.apache.lucene.search.Query ranking,
      org.apache.lucene.search.Query levelQuery) {

    Decided(int level, long matches, org.apache.lucene.util.FixedBitSet docs) {
      this(level, matches, docs, null, null);
    }

    Decided with(org.apache.lucene.search.Query ranking, org.apache.lucene.search.Query level) {
      return new Decided(this.level, matches, docs, ranking, level);
    }
  }

  private final Map<String, Decided> levels = new ConcurrentHashMap<>();
  private final Map<Integer, List<String>> readings = new ConcurrentHashMap<>();

  /** The level decided under {@code filters}, computed once while there is room. */
  Decided level(String filters, Function<String, Decided> decide) {
    Decided known = levels.get(filters);
    if (known != null) {
      return known;
    }
    Decided fresh = decide.apply(filters);
    if (levels.size() < FILTER_SETS) {
      levels.putIfAbsent(filters, fresh);
    }
    return fresh;
  }

  /**
   * The readings that found each of {@code docs}: those remembered, the others found together by
   * {@code find} (one pass over the readings for a page) and remembered while there is room.
   */
  Map<Integer, List<String>> readings(
      List<Integer> docs, Function<List<Integer>, Map<Integer, List<String>>> find) {
    Map<Integer, List<String>> page = new java.util.HashMap<>();
    List<Integer> missing = new java.util.ArrayList<>();
    for (int doc : docs) {
      List<String> known = readings.get(doc);
      if (known != null) {
        page.put(doc, known);
      } else {
        missing.add(doc);
      }
    }
    if (!missing.isEmpty()) {
      find.apply(missing)
          .forEach(
              (doc, fresh) -> {
                page.put(doc, fresh);
                if (readings.size() < DOCUMENTS) {
                  readings.putIfAbsent(doc, fresh);
                }
              });
    }
    return page;
  }
}
