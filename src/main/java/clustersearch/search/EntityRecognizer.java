package clustersearch.search;

import clustersearch.source.Gazetteer;
import clustersearch.source.IndustryKnowledge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage 2 of the pipeline: finds the places and areas a normalised query names (山东, 山东省, Shandong,
 * 淄博, 长三角, 东部) through the gazetteer, and the sectors and industry phrases it holds through the
 * index's vocabulary. Places and areas are taken out of the text (they become entities that rank
 * clusters there first), and so are sectors (新材料产业: the clusters of the sector, reported in {@link
 * Result#sectors}); industry phrases stay in the text (they are searched as words). A one-character
 * abbreviation (鲁) counts only as a whole part.
 */
final class EntityRecognizer {
  /** Administrative suffixes a place name may carry in a query (宁波市, 山东省). */
  private static final String ADMINISTRATIVE = "市省区县";

  private final Gazetteer gazetteer;

  private final IndustryKnowledge knowledge;

  /**
   * The gazetteer's names of several words (yangtze river delta), each with the spaces around it
   * that make it a whole-word match: made once, not per query and name (concatenating them for
   * every name of the gazetteer was two thirds of recognising a query).
   */
  private final List<Spaced> spacedNames;

  private record Spaced(String name, String padded) {}

  EntityRecognizer(Gazetteer gazetteer, IndustryKnowledge knowledge) {
    this.gazetteer = gazetteer;
    this.knowledge = knowledge;
    this.spacedNames =
        gazetteer.namesInText().stream()
            .filter(name -> name.contains(" "))
            .map(name -> new Spaced(name, " " + name + " "))
            .toList();
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
    for (Spaced spaced : spacedNames) {
      if (padded.contains(spaced.padded())) {
        found.add(gazetteer.lookup(spaced.name()).orElseThrow()); // Yangtze River Delta
        padded = padded.replace(spaced.padded(), "  ");
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
      parts.add(takeOut(part, found, vocabulary));
    }
    return new Result(found, List.copyOf(sectors), String.join(" ", parts).strip());
  }

  /**
   * For each position, the length of the longest industry or policy term, industry phrase or sector
   * name that covers it (0 where none does).
   */
  private int[] longerWords(String text, Vocabulary vocabulary) {
    int[] cover = new int[text.length()];
    for (IndustryKnowledge.Found f : knowledge.find(text)) {
      mark(cover, f.start(), f.end());
    }
    for (Vocabulary.Entry e : vocabulary.phrases()) {
      for (int at = text.indexOf(e.text()); at >= 0; at = text.indexOf(e.text(), at + 1)) {
        mark(cover, at, at + e.text().length());
      }
    }
    return cover;
  }

  private static void mark(int[] cover, int start, int end) {
    for (int k = start; k < end; k++) {
      cover[k] = Math.max(cover[k], end - start);
    }
  }

  /**
   * {@code part} with the place names it holds replaced by spaces: at each position the longest
   * Chinese name of the gazetteer (its first-character index: a few thousand names, no scan).
   */
  private String takeOut(String part, Set<Gazetteer.Entity> found, Vocabulary vocabulary) {
    StringBuilder rest = new StringBuilder(part);
    String lower = part.toLowerCase(Locale.ROOT);
    int[] word = longerWords(lower, vocabulary);
    int i = 0;
    while (i < lower.length()) {
      String name = gazetteer.hanNameAt(lower, i);
      if (name.isEmpty() || word[i] > name.length()) {
        // 振兴 of 乡村振兴, 新兴 of 新兴软件: a longer industry or policy word holds the place name.
        i++;
        continue;
      }
      found.addAll(gazetteer.lookupAll(name));
      int end = i + name.length();
      if (end < rest.length() && ADMINISTRATIVE.indexOf(rest.charAt(end)) >= 0) {
        end++; // 宁波市科技局: the 市 belongs to the place
      }
      for (int k = i; k < end; k++) {
        rest.setCharAt(k, ' ');
      }
      i = end;
    }
    return rest.toString().strip().replaceAll("\\s+", " ");
  }
}
