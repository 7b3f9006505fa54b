package clustersearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts to search from a query's words: the longest run of Latin words that reads as pinyin
 * when joined (sheng wu yi yao) becomes one part; Latin words that read as no pinyin are English,
 * one part searched as a phrase of words (smart home).
 */
final class QueryParts {
  private QueryParts() {}

  static List<String> of(List<String> words, Vocabulary vocabulary) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int end = i + 1;
      StringBuilder joined = new StringBuilder();
      for (int j = i; j < words.size() && Expander.LATIN.matcher(words.get(j)).matches(); j++) {
        joined.append(words.get(j));
        if (j > i && !vocabulary.read(joined.toString()).isEmpty()) {
          end = j + 1;
        }
      }
      StringBuilder part = new StringBuilder();
      for (int k = i; k < end; k++) {
        part.append(words.get(k));
      }
      parts.add(part.toString());
      i = end;
    }
    List<String> merged = new ArrayList<>();
    for (String part : parts) {
      int last = merged.size() - 1;
      if (last >= 0 && isEnglish(merged.get(last), vocabulary) && isEnglish(part, vocabulary)) {
        merged.set(last, merged.get(last) + " " + part);
      } else {
        merged.add(part);
      }
    }
    return merged;
  }

  private static boolean isEnglish(String part, Vocabulary vocabulary) {
    return part.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == ' ')
        && (part.contains(" ") || vocabulary.read(part).isEmpty());
  }
}
