package clustersearch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code config/industries.yaml}: how a cluster name yields its industry phrase, and the keyword
 * rules that put the phrase into a sector of 战略性新兴产业分类（2018）.
 *
 * @param suffix what every name ends with and the industry phrase leaves out (创新型产业集群)
 * @param zones development-zone words that stand between a name's place and its industry
 * @param sectors keyword rules; the longest keyword found in the phrase wins, ties go to the
 *     earlier rule
 */
public record IndustryRules(String suffix, List<String> zones, List<SectorRule> sectors) {

  public static final String FILE = "industries.yaml";

  /** The nine top-level categories of 战略性新兴产业分类（2018）, spelled as the classification does. */
  public static final List<String> SECTORS =
      List.of(
          "新一代信息技术产业",
          "高端装备制造产业",
          "新材料产业",
          "生物产业",
          "新能源汽车产业",
          "新能源产业",
          "节能环保产业",
          "数字创意产业",
          "相关服务业");

  /** The sector of a phrase that no rule matches. */
  public static final String OTHER = "其他";

  /** Administrative suffixes that may follow a place in a name (河源市高新区). */
  private static final List<String> PLACE_SUFFIXES = List.of("市", "区", "县");

  public IndustryRules {
    suffix = Objects.requireNonNullElse(suffix, "");
    zones =
        Objects.requireNonNullElse(zones, List.<String>of()).stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    sectors = List.copyOf(Objects.requireNonNull(sectors, "industries.yaml needs 'sectors'"));
  }

  /** Reads {@code industries.yaml} from {@code configDir}. */
  public static IndustryRules load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), IndustryRules.class);
  }

  /** One sector and the keywords that select it. */
  public record SectorRule(String sector, List<String> keywords) {
    public SectorRule {
      if (!SECTORS.contains(sector)) {
        throw new IllegalArgumentException(
            "sector '" + sector + "' is not one of " + SECTORS + " (其他 is the fallback, no rule)");
      }
      keywords =
          List.copyOf(Objects.requireNonNull(keywords, "sector " + sector + " has no keywords"));
    }
  }

  /**
   * The industry phrase of a name: the name without its suffix, its place (the region, or the place
   * a builder unit starts with), an administrative suffix and a zone word.
   */
  public String industryOf(String name, String region, List<String> builders) {
    String rest = name.strip();
    if (!suffix.isEmpty() && rest.endsWith(suffix)) {
      rest = rest.substring(0, rest.length() - suffix.length());
    }
    String place = longestPrefix(rest, placeCandidates(region, builders));
    String phrase = rest.substring(place.length());
    if (!place.isEmpty()) {
      phrase = stripPrefix(phrase, PLACE_SUFFIXES);
    }
    phrase = stripPrefix(phrase, zones).strip();
    return phrase.isEmpty() ? rest : phrase;
  }

  /** The sector of an industry phrase, or {@link #OTHER} when no keyword is found in it. */
  public String sectorOf(String industry) {
    String best = OTHER;
    int bestLength = 0;
    for (SectorRule rule : sectors) {
      for (String keyword : rule.keywords()) {
        if (keyword.length() > bestLength && industry.contains(keyword)) {
          best = rule.sector();
          bestLength = keyword.length();
        }
      }
    }
    return best;
  }

  private List<String> placeCandidates(String region, List<String> builders) {
    List<String> places = new ArrayList<>();
    places.add(region);
    for (String builder : builders) {
      places.add(placeOfBuilder(builder));
    }
    return places;
  }

  /** The place a builder unit starts with: 阜阳界首高新区管委会 → 阜阳界首, 天津市滨海新区人民政府 → 天津. */
  private String placeOfBuilder(String builder) {
    int cut = builder.length();
    for (String marker : zones) {
      int at = builder.indexOf(marker);
      if (at > 0) {
        cut = Math.min(cut, at);
      }
    }
    for (String marker : PLACE_SUFFIXES) {
      int at = builder.indexOf(marker);
      if (at > 0) {
        cut = Math.min(cut, at);
      }
    }
    return cut == builder.length() ? "" : builder.substring(0, cut);
  }

  private static String longestPrefix(String text, List<String> candidates) {
    String best = "";
    for (String candidate : candidates) {
      if (!candidate.isEmpty()
          && candidate.length() > best.length()
          && text.startsWith(candidate)) {
        best = candidate;
      }
    }
    return best;
  }

  private static String stripPrefix(String text, List<String> prefixes) {
    return text.substring(longestPrefix(text, prefixes).length());
  }
}
