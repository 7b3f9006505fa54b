package clustersearch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code config/industries.yaml}: the suffix every cluster name ends with, and the keyword rules
 * that put an industry phrase into a sector of 战略性新兴产业分类（2018）. (The phrase is the name without its
 * suffix and its place, which the gazetteer reads: {@link
 * clustersearch.source.Classifier#industryOf}.)
 *
 * @param suffix what every name ends with and the industry phrase leaves out (创新型产业集群)
 * @param sectors keyword rules; the longest keyword found in the phrase wins, ties go to the
 *     earlier rule
 */
public record IndustryRules(String suffix, List<SectorRule> sectors) {

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

  public IndustryRules {
    suffix = Objects.requireNonNullElse(suffix, "");
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
}
