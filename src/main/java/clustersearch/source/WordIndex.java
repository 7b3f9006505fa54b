package clustersearch.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words grouped by their first character, longest first: which of them starts at a position of a
 * text, in the time of the few words sharing that character rather than of every word. The
 * gazetteer reads every name of every list through it.
 */
final class WordIndex {
  private static final String[] NONE = new String[0];

  private final Map<Character, String[]> byFirst = new HashMap<>();

  WordIndex(Collection<String> words) {
    Map<Character, List<String>> groups = new HashMap<>();
    for (String w : words) {
      if (w != null && !w.isEmpty()) {
        groups.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
      }
    }
    groups.forEach(
        (c, list) ->
            byFirst.put(
                c,
                list.stream()
                    .distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toArray(String[]::new)));
  }

  /** The longest word that starts at {@code at} in {@code text}, or "". */
  String longestAt(String text, int at) {
    if (at >= text.length()) {
      return "";
    }
    for (String w : byFirst.getOrDefault(text.charAt(at), NONE)) {
      if (text.startsWith(w, at)) {
        return w;
      }
    }
    return "";
  }
}
