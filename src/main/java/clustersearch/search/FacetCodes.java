package clustersearch.search;

import clustersearch.config.AppConfig;
import clustersearch.config.Knowledge;
import clustersearch.config.Regions;
import clustersearch.search.SearchResult.FacetCounts;
import clustersearch.search.SearchResult.FacetValue;
import clustersearch.source.Gazetteer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stable codes and English labels beside the Chinese facet values, so a dashboard can join the
 * counts with its own tables: provinces by their GB/T 2260 code (370000 for 山东), sectors by their
 * code in 《战略性新兴产业分类（2018）》 (4 for 生物产业), areas by an ASCII key made from their English name
 * (yangtze-river-delta for 长三角), years by the year itself. A value with no code (an industry
 * phrase, 其他) carries none.
 */
final class FacetCodes {
  private final Map<String, String> provinceCodes;
  private final Map<String, String> sectorCodes = new HashMap<>();
  private final Map<String, String> sectorEn;
  private final Map<String, String> industryEn;
  private final Map<String, String> areaKeys = new HashMap<>();
  private final Gazetteer gazetteer;

  FacetCodes(AppConfig config, Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    provinceCodes = config.provinces().codes();
    for (Knowledge.Concept c : config.knowledge().concepts()) {
      if (!c.id().contains(".")) {
        sectorCodes.put(c.name(), c.id());
      }
    }
    sectorEn = config.glossary().sectors();
    industryEn = config.glossary().industries();
    for (Map<String, Regions.Area> group :
        List.of(config.regions().regions(), config.regions().areas())) {
      group.forEach((name, area) -> areaKeys.put(name, key(area.en())));
    }
  }

  /** "Guangdong-Hong Kong-Macao Greater Bay Area" → guangdong-hong-kong-macao-greater-bay-area. */
  static String key(String en) {
    return en.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  FacetCounts coded(FacetCounts counts) {
    return new FacetCounts(
        provinces(counts.province()),
        sectors(counts.industry()),
        areas(counts.area()),
        years(counts.year()));
  }

  List<FacetValue> provinces(List<FacetValue> values) {
    return values.stream()
        .map(v -> v.coded(provinceCodes.get(v.value()), gazetteer.provinceEn(v.value())))
        .toList();
  }

  /** Sectors, with their industries as children. */
  List<FacetValue> sectors(List<FacetValue> values) {
    return values.stream()
        .map(
            v ->
                new FacetValue(
                    v.value(),
                    sectorCodes.get(v.value()),
                    sectorEn.get(v.value()),
                    null,
                    v.count(),
                    v.children() == null
                        ? null
                        : v.children().stream()
                            .map(i -> i.coded(null, industryEn.get(i.value())))
                            .toList()))
        .toList();
  }

  List<FacetValue> areas(List<FacetValue> values) {
    return values.stream()
        .map(v -> v.coded(areaKeys.get(v.value()), gazetteer.areaEn(v.value())))
        .toList();
  }

  List<FacetValue> years(List<FacetValue> values) {
    return values.stream().map(FacetValue::asYear).toList();
  }
}
