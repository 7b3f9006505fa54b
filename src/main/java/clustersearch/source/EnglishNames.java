package clustersearch.source;

import clustersearch.config.Glossary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cluster's English names from the glossary (config/glossary.yaml) and the gazetteer:
 * 淄博高新区生物医药与生物医学工程创新型产业集群 → "Zibo High-tech Zone Biomedicine and Biomedical Engineering Innovative
 * Industrial Cluster".
 */
public final class EnglishNames {
  private final Glossary glossary;
  private final Gazetteer gazetteer;
  private final String suffix;
  private final List<String> zones;

  private static final java.util.regex.Pattern BRACKETED =
      java.util.regex.Pattern.compile("[（(]([^）)]{1,8})[）)]");

  /**
   * @param suffix what every Chinese name ends with (创新型产业集群), from industries.yaml
   */
  public EnglishNames(Glossary glossary, Gazetteer gazetteer, String suffix) {
    this.glossary = glossary;
    this.gazetteer = gazetteer;
    this.suffix = suffix;
    this.zones =
        glossary.zones().keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The English of a cluster's name, province, sector and industry. */
  public Cluster.English of(String name, String province, String sector, String industry) {
    String industryEn = industryEn(industry);
    String rest = name.strip();
    if (!suffix.isEmpty() && rest.endsWith(suffix)) {
      rest = rest.substring(0, rest.length() - suffix.length());
    }
    int at = rest.indexOf(industry);
    String prefix = at > 0 ? rest.substring(0, at) : "";
    List<String> words = new ArrayList<>();
    String zoneEn = "";
    for (String zone : zones) {
      int z = prefix.indexOf(zone);
      if (z >= 0) {
        zoneEn = glossary.zones().get(zone);
        prefix = prefix.substring(0, z) + " " + prefix.substring(z + zone.length());
        break;
      }
    }
    String aside = ""; // 杭州高新区（滨江）: the part in brackets, as (Binjiang)
    java.util.regex.Matcher bracket = BRACKETED.matcher(prefix);
    if (bracket.find()) {
      aside = "(" + gazetteer.placeEn(bracket.group(1)) + ")";
      prefix = prefix.substring(0, bracket.start()) + " " + prefix.substring(bracket.end());
    }
    String placeEn = gazetteer.placeEn(prefix.strip());
    if (!placeEn.isEmpty()) {
      words.add(placeEn);
    }
    if (!zoneEn.isEmpty()) {
      words.add(zoneEn);
    }
    if (!aside.isEmpty()) {
      words.add(aside);
    }
    words.add(industryEn);
    if (!glossary.suffix().isEmpty()) {
      words.add(glossary.suffix());
    }
    return new Cluster.English(
        String.join(" ", words),
        gazetteer.provinceEn(province),
        glossary.sectors().getOrDefault(sector, sector),
        industryEn);
  }

  /** True when the glossary has an English name for {@code industry}. */
  public boolean translates(String industry) {
    return glossary.industries().containsKey(industry);
  }

  /** The glossary's English of an industry phrase, or its pinyin when the glossary lacks it. */
  private String industryEn(String industry) {
    String en = glossary.industries().get(industry);
    return en != null ? en : gazetteer.placeEn(industry);
  }
}
