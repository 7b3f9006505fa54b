package clustersearch.source;

import clustersearch.config.AppConfig;
import clustersearch.config.IndustryRules;
import clustersearch.config.Provinces;
import java.util.Arrays;
import java.util.List;

/** Turns the rows of a list document into clusters with province, sector and industry. */
public final class Classifier {
  private final Provinces provinces;
  private final IndustryRules industries;
  private final Gazetteer gazetteer;
  private final EnglishNames english;

  public Classifier(
      Provinces provinces, IndustryRules industries, Gazetteer gazetteer, EnglishNames english) {
    this.provinces = provinces;
    this.industries = industries;
    this.gazetteer = gazetteer;
    this.english = english;
  }

  /** The classifier of {@code config}'s provinces, industry rules, gazetteer and glossary. */
  public static Classifier of(AppConfig config) {
    Gazetteer gazetteer = Gazetteer.of(config);
    return new Classifier(
        config.provinces(),
        config.industries(),
        gazetteer,
        new EnglishNames(config.glossary(), gazetteer, config.industries().suffix()));
  }

  /**
   * True when the glossary has an English name for {@code industry} (the indexer reports others).
   */
  public boolean translates(String industry) {
    return english.translates(industry);
  }

  /**
   * The industry phrase of a name: the name without its suffix (创新型产业集群) and its place (places,
   * zone words and the region, as the gazetteer reads them): 杭州高新区（滨江）物联网创新型产业集群 → 物联网. A name that
   * is nothing but a place keeps its whole text.
   */
  public String industryOf(String name, String region) {
    String rest = name.strip();
    String suffix = industries.suffix();
    if (!suffix.isEmpty() && rest.endsWith(suffix)) {
      rest = rest.substring(0, rest.length() - suffix.length());
    }
    String phrase = rest.substring(gazetteer.placePrefixLength(rest, region)).strip();
    return phrase.isEmpty() ? rest : phrase;
  }

  /** Every row of {@code document} as a cluster; a region the configuration lacks stops it. */
  public List<Cluster> classify(ListDocument document) {
    return document.rows().stream().map(row -> classify(document, row)).toList();
  }

  /** One row of {@code document} as a cluster; a region the configuration lacks stops it. */
  public Cluster classify(ListDocument document, ListRow row) {
    String province =
        provinces
            .provinceOf(row.region())
            .orElseThrow(
                () ->
                    new ListFormatException(
                        document.file(),
                        row.line(),
                        "地区 \""
                            + row.region()
                            + "\" is neither a province-level division nor a region of"
                            + " config/provinces.yaml"));
    List<String> builders =
        Arrays.stream(row.builder().split("、"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    String industry = industryOf(row.name(), row.region());
    String sector = industries.sectorOf(industry);
    String city = gazetteer.cityOf(row.name(), row.region(), builders);
    return new Cluster(
        Cluster.idOf(document.year(), row.seq()),
        document.year(),
        row.seq(),
        row.region(),
        province,
        row.name(),
        row.builder(),
        builders,
        row.recommender(),
        sector,
        industry,
        city,
        gazetteer.areasOf(province, city),
        document.title(),
        document.category(),
        english.of(row.name(), province, sector, industry));
  }
}
