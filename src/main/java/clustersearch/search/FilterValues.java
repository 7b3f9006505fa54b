package clustersearch.search;

import clustersearch.config.IndustryRules;
import clustersearch.source.EditDistance;
import clustersearch.source.Gazetteer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Filter values read as people write them, through the same gazetteer as queries: 山东省, 鲁, shandong,
 * Shandong → 山东; 长江三角洲 → 长三角; an industry phrase alone (生物医药) → its sector/industry. A value that
 * names nothing is a 400 that names the closest known values.
 */
final class FilterValues {
  private static final String PATH_SEPARATOR = "/";

  /** The sectors a filter may name: the nine of the 2018 classification and 其他. */
  private static final List<String> SECTORS = sectors();

  private static List<String> sectors() {
    List<String> all = new ArrayList<>(IndustryRules.SECTORS);
    all.add(IndustryRules.OTHER);
    return List.copyOf(all);
  }

  private static final int SUGGESTIONS = 3;

  private final Gazetteer gazetteer;

  FilterValues(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The province {@code value} names. */
  String province(String value) {
    return gazetteer.province(value).orElseThrow(() -> unknown("province", value, provinceNames()));
  }

  /** The region or strategic area {@code value} names. */
  String area(String value) {
    return gazetteer.area(value).orElseThrow(() -> unknown("area", value, gazetteer.areas()));
  }

  /** The year {@code value} names (2021, 2021年, 2021年度) among the years of the index. */
  String year(String value, List<Integer> years) {
    String digits = value.strip().replaceFirst("年度?$", "");
    List<String> known = years.stream().map(String::valueOf).toList();
    if (!known.contains(digits)) {
      throw unknown("year", value, known);
    }
    return digits;
  }

  /** The facet path of a sector, a sector/industry, or an industry phrase alone. */
  String[] industry(String value, Vocabulary vocabulary) {
    String[] path =
        java.util.Arrays.stream(value.split(PATH_SEPARATOR, -1))
            .map(String::strip)
            .toArray(String[]::new);
    if (path.length > 2 || java.util.Arrays.stream(path).anyMatch(String::isEmpty)) {
      throw new InvalidRequestException(
          "invalid_parameter",
          "industry must be a sector (生物产业), sector/industry (生物产业/生物医药) or an industry"
              + " (生物医药), got '"
              + Text.cut(value)
              + "'");
    }
    if (path.length == 1 && SECTORS.contains(path[0])) {
      return path; // any of the nine sectors (or 其他), with clusters in this index or not
    }
    List<String> known = new ArrayList<>();
    String sector = null;
    for (Vocabulary.Entry e : vocabulary.phrases()) {
      if (e.kind().equals("sector")) {
        sector = e.text(); // the vocabulary lists each sector, then its industries
        known.add(sector);
        if (path.length == 1 && sector.equals(path[0])) {
          return path;
        }
      } else if (e.kind().equals("industry")) {
        known.add(e.text());
        if (path.length == 2 && path[0].equals(sector) && path[1].equals(e.text())) {
          return path;
        }
        if (path.length == 1 && path[0].equals(e.text())) {
          return new String[] {sector, e.text()};
        }
      }
    }
    throw unknown("industry", value, known);
  }

  /** The provinces by their Chinese and English names, for the closest to an unknown value. */
  private List<String> provinceNames() {
    List<String> names = new ArrayList<>();
    for (String name : gazetteer.allNames()) {
      gazetteer.province(name).ifPresent(p -> names.add(p));
    }
    List<String> chinese = new ArrayList<>(new LinkedHashSet<>(names));
    for (String p : List.copyOf(chinese)) {
      chinese.add(gazetteer.provinceEn(p));
    }
    return chinese;
  }

  private static InvalidRequestException unknown(
      String dimension, String value, List<String> known) {
    String v = value.toLowerCase(Locale.ROOT);
    // Only values a slip of the keyboard away (山冬 → 山东, shandon → Shandong): 火星 is no typo of
    // 北京, and suggesting the first values in order would say it is.
    int close = Math.max(1, v.length() / 3);
    Set<String> closest = new LinkedHashSet<>();
    known.stream()
        .distinct()
        .filter(k -> EditDistance.between(v, k.toLowerCase(Locale.ROOT)) <= close)
        .sorted(
            Comparator.comparingInt(
                (String k) -> EditDistance.between(v, k.toLowerCase(Locale.ROOT))))
        .limit(SUGGESTIONS)
        .forEach(closest::add);
    String start = dimension + " '" + Text.cut(value) + "' names nothing known";
    return new InvalidRequestException(
        "unknown_value",
        closest.isEmpty()
            ? start + "; no known value is close to it"
            : start + "; closest: " + String.join(", ", closest));
  }

  /** Client text in a message, cut to a bounded slice. */
  private static final class Text {
    static String cut(String s) {
      return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
  }
}
