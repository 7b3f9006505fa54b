package clustersearch.search;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Autocomplete over the index vocabulary: words that start with what was typed first, then words
 * that contain it; Latin letters also complete pinyin and initials (swy → 生物医药). Within a rank,
 * sectors and industries come before places and names, then the words covering more clusters.
 */
final class Suggester {
  private static final Pattern LATIN = Pattern.compile("[a-z]+");
  private static final Map<String, Integer> KIND_ORDER =
      Map.of("industry", 0, "sector", 1, "place", 2, "area", 3, "name", 4);

  private record Ranked(Vocabulary.Entry entry, int rank) {}

  List<Vocabulary.Entry> suggest(Vocabulary vocabulary, String typed, int size) {
    String prefix = typed.strip();
    if (prefix.isEmpty()) {
      return List.of();
    }
    boolean latin = LATIN.matcher(prefix).matches();
    return vocabulary.entries().stream()
        .map(e -> new Ranked(e, rank(e, prefix, latin)))
        .filter(r -> r.rank() >= 0)
        .sorted(
            Comparator.comparingInt(Ranked::rank)
                .thenComparingInt(r -> KIND_ORDER.getOrDefault(r.entry().kind(), 9))
                .thenComparing(r -> -r.entry().count())
                .thenComparingInt(r -> r.entry().text().length())
                .thenComparing(r -> r.entry().text()))
        .limit(size)
        .map(Ranked::entry)
        .toList();
  }

  /** 0 starts with it, 1 pinyin starts with it, 2 initials start with it, 3 contains it; -1 no. */
  private static int rank(Vocabulary.Entry entry, String prefix, boolean latin) {
    String text = entry.text().toLowerCase(java.util.Locale.ROOT);
    if (text.startsWith(prefix)) {
      return 0;
    }
    if (latin && entry.pinyin().startsWith(prefix)) {
      return 1;
    }
    if (latin && prefix.length() >= 2 && entry.initials().startsWith(prefix)) {
      return 2;
    }
    return !latin && text.contains(prefix) ? 3 : -1;
  }
}
