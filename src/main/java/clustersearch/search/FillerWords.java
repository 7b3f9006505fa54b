package clustersearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage 3 of the pipeline: drops the question and filler words of config/understanding.yaml (有哪些,
 * 我想找, 相关, 的, 集群; which, clusters, in), longest first, except inside an industry phrase or sector
 * name of the index (相关服务业 keeps its 相关, 新兴软件和新型信息技术服务 its 和).
 */
final class FillerWords {
  private final List<String> fillers;
  private final Set<String> englishFillers;

  FillerWords(List<String> fillers, List<String> englishFillers) {
    this.fillers =
        fillers.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    this.englishFillers =
        Set.copyOf(englishFillers.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
  }

  /**
   * The parts of {@code text} without fillers.
   *
   * @param parts what is left to search, split on white space
   * @param dropped the filler words taken out
   */
  record Result(List<String> parts, List<String> dropped) {}

  Result drop(String text, Vocabulary vocabulary) {
    List<String> parts = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String part : text.strip().split("\\s+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (englishFillers.contains(part)) {
        dropped.add(part);
        continue;
      }
      boolean[] kept = protectedSpans(part, vocabulary);
      StringBuilder rest = new StringBuilder(part);
      for (String filler : fillers) {
        int at = rest.indexOf(filler);
        while (at >= 0) {
          if (!anyKept(kept, at, filler.length())) {
            dropped.add(filler);
            for (int i = at; i < at + filler.length(); i++) {
              rest.setCharAt(i, ' ');
            }
          }
          at = rest.indexOf(filler, at + 1);
        }
      }
      for (String piece : rest.toString().strip().split("\\s+")) {
        if (!piece.isEmpty()) {
          parts.add(piece);
        }
      }
    }
    return new Result(parts, dropped);
  }

  /** The characters of {@code part} inside an industry phrase or sector name the index knows. */
  private static boolean[] protectedSpans(String part, Vocabulary vocabulary) {
    boolean[] kept = new boolean[part.length()];
    for (Vocabulary.Entry e : vocabulary.phrases()) {
      if (!e.kind().equals("industry") && !e.kind().equals("sector")) {
        continue;
      }
      int at = part.indexOf(e.text());
      while (at >= 0) {
        for (int i = at; i < at + e.text().length(); i++) {
          kept[i] = true;
        }
        at = part.indexOf(e.text(), at + 1);
      }
    }
    return kept;
  }

  private static boolean anyKept(boolean[] kept, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (kept[i]) {
        return true;
      }
    }
    return false;
  }
}
