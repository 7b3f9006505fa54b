package clustersearch.search;

import clustersearch.source.Gazetteer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage 2 of the pipeline: finds the places and areas a normalised query names (山东, 山东省, Shandong,
 * 淄博, 长三角, 东部) through the gazetteer, and the sectors and industry phrases it holds through the
 * index's vocabulary. Places and areas are taken out of the text (they become entities that rank
 * clusters there first); sectors and industry phrases stay in the text (they are searched as words)
 * and are only reported. A one-character abbreviation (鲁) counts only as a whole part.
 */
final class EntityRecognizer {
  /** Administrative suffixes a place name may carry in a query (宁波市, 山东省). */
  private static final String ADMINISTRATIVE = "市省区县";

  private final Gazetteer gazetteer;

  EntityRecognizer(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * The entities of {@code text} and the text without the places.
   *
   * @param places what was found, by kind
   * @param rest the text with every place replaced by a space
   */
  record Result(Set<Gazetteer.Entity> places, List<String> sectors, String rest) {}

  Result recognize(String text, Vocabulary vocabulary) {
    Set<Gazetteer.Entity> found = new LinkedHashSet<>();
    String padded = " " + text.toLowerCase(Locale.ROOT) + " ";
    for (String name : gazetteer.namesInText()) {
      if (name.contains(" ") && padded.contains(" " + name + " ")) {
        found.add(gazetteer.lookup(name).orElseThrow()); // Yangtze River Delta
        padded = padded.replace(" " + name + " ", "  ");
      }
    }
    List<String> sectors = new ArrayList<>();
    for (Vocabulary.Entry e : vocabulary.phrases()) {
      if (e.kind().equals("sector") && padded.contains(e.text())) {
        sectors.add(e.text()); // 新材料产业: the clusters of the sector
        padded = padded.replace(e.text(), " ");
      }
    }
    List<String> parts = new ArrayList<>();
    for (String part : padded.strip().split("\\s+")) {
      if (part.isEmpty()) {
        continue;
      }
      var whole = gazetteer.lookupAll(part);
      if (!whole.isEmpty()) {
        found.addAll(whole);
        continue;
      }
      parts.add(takeOut(part, found));
    }
    return new Result(found, List.copyOf(sectors), String.join(" ", parts).strip());
  }

  /** {@code part} with the place names it holds (longest first) replaced by spaces. */
  private String takeOut(String part, Set<Gazetteer.Entity> found) {
    String rest = part;
    String lower = part.toLowerCase(Locale.ROOT);
    for (String name : gazetteer.namesInText()) {
      if (!isHan(name)) {
        continue; // Latin names count only as whole parts (yunnan, not yun in yunnanbaiyao)
      }
      int at = lower.indexOf(name);
      while (at >= 0) {
        found.addAll(gazetteer.lookupAll(name));
        int end = at + name.length();
        if (end < rest.length() && ADMINISTRATIVE.indexOf(rest.charAt(end)) >= 0) {
          end++; // 宁波市科技局: the 市 belongs to the place
        }
        rest = rest.substring(0, at) + " ".repeat(end - at) + rest.substring(end);
        lower = rest.toLowerCase(Locale.ROOT);
        at = lower.indexOf(name);
      }
    }
    return rest.strip().replaceAll("\\s+", " ");
  }

  private static boolean isHan(String s) {
    return s.codePoints()
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
