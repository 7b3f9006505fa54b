package clustersearch.search;

import clustersearch.source.IndustryKnowledge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Stage 3 of the pipeline: cuts what is left of a query into words and drops filler words only
 * where they stand as words. The words it knows are the knowledge base's terms, the index's
 * industry phrases and sector names, and the filler words; it takes the longest known word at each
 * position, so 做储能电池的 reads 做 + 储能电池 + 的 and 碳中和 stays whole (its 和 is inside a word). Characters
 * no known word covers stay together as one unknown word (海洋渔业), and a lone character that is a
 * filler or a verb of asking (做, 找) is dropped.
 */
final class Segmenter {
  /** The longest known word looked for at a position (industry phrases run to about 20). */
  private static final int LONGEST_WORD = 32;

  private final IndustryKnowledge knowledge;
  private final List<String> fillers;
  private final Set<String> fillerSet;
  private final int longestFiller;

  Segmenter(IndustryKnowledge knowledge, List<String> fillers) {
    this.knowledge = knowledge;
    this.fillers =
        fillers.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    this.fillerSet = Set.copyOf(fillers);
    this.longestFiller = this.fillers.isEmpty() ? 0 : this.fillers.get(0).length();
  }

  /**
   * The words of {@code text} to search and the fillers dropped.
   *
   * @param parts the words kept, in order
   * @param dropped the filler words taken out
   */
  record Result(List<String> parts, List<String> dropped) {}

  Result segment(String text, Vocabulary vocabulary) {
    List<String> parts = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String piece : text.strip().split("\\s+")) {
      if (!piece.isEmpty()) {
        cut(piece, vocabulary, parts, dropped);
      }
    }
    return new Result(parts, dropped);
  }

  private void cut(String piece, Vocabulary vocabulary, List<String> parts, List<String> dropped) {
    if (!QueryText.hasHan(piece)) {
      if (fillerSet.contains(piece)) {
        dropped.add(piece);
      } else {
        parts.add(piece);
      }
      return;
    }
    if (fillers.stream().noneMatch(piece::contains)) {
      parts.add(piece); // nothing to drop: searched whole (新材料科技城 as a builder prints it)
      return;
    }
    StringBuilder unknown = new StringBuilder();
    int i = 0;
    while (i < piece.length()) {
      int known = knownAt(piece, i, vocabulary);
      String filler = fillerAt(piece, i);
      if (known > 0 && (filler == null || known >= filler.length())) {
        flush(unknown, parts, dropped);
        parts.add(piece.substring(i, i + known));
        i += known;
      } else if (filler != null) {
        flush(unknown, parts, dropped);
        dropped.add(filler);
        i += filler.length();
      } else {
        unknown.append(piece.charAt(i));
        i++;
      }
    }
    flush(unknown, parts, dropped);
  }

  /** An unknown run is one word; a lone character of it is dropped when it is a filler. */
  private void flush(StringBuilder unknown, List<String> parts, List<String> dropped) {
    if (unknown.length() > 0) {
      String word = unknown.toString();
      if (word.length() == 1 && fillerSet.contains(word)) {
        dropped.add(word);
      } else {
        parts.add(word);
      }
      unknown.setLength(0);
    }
  }

  /** The length of the longest known word at {@code i}, or 0. */
  private int knownAt(String piece, int i, Vocabulary vocabulary) {
    int best = 0;
    // Bounded by the longest word looked for, so a long unknown text costs linear time.
    for (int end = Math.min(piece.length(), i + LONGEST_WORD); end > i + 1 && best == 0; end--) {
      String w = piece.substring(i, end);
      if (knowledge.isTerm(w) || vocabulary.isPhrase(w)) {
        best = end - i;
      }
    }
    return best;
  }

  private String fillerAt(String piece, int i) {
    for (int len = Math.min(longestFiller, piece.length() - i); len >= 1; len--) {
      String w = piece.substring(i, i + len);
      if (fillerSet.contains(w)) {
        return w;
      }
    }
    return null;
  }
}
