package clustersearch.search;

import clustersearch.config.IndustryRules;
import clustersearch.index.Fields;
import clustersearch.search.SearchResult.FacetCounts;
import clustersearch.search.SearchResult.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Facet counts as the API shows them: values with a count, most first, ties in official order
 * (provinces, sectors, areas), industries under their sector, years newest first.
 */
final class FacetLabels {
  private final List<String> provinceOrder;
  private final List<String> areaOrder;
  private final FacetCodes codes;

  FacetLabels(List<String> provinceOrder, List<String> areaOrder, FacetCodes codes) {
    this.provinceOrder = List.copyOf(provinceOrder);
    this.areaOrder = List.copyOf(areaOrder);
    this.codes = codes;
  }

  FacetCounts counts(Facets facets, int topN) throws IOException {
    List<FacetValue> provinces =
        sorted(top(facets, topN, Fields.DIM_PROVINCE), byOrder(provinceOrder));
    List<FacetValue> sectors = new ArrayList<>();
    for (FacetValue sector : sorted(top(facets, topN, Fields.DIM_INDUSTRY), bySector())) {
      List<FacetValue> industries =
          sorted(top(facets, topN, Fields.DIM_INDUSTRY, sector.value()), Comparator.naturalOrder());
      sectors.add(new FacetValue(sector.value(), sector.count(), industries));
    }
    List<FacetValue> areas = sorted(top(facets, topN, Fields.DIM_AREA), byOrder(areaOrder));
    // Newest list first.
    List<FacetValue> years =
        top(facets, topN, Fields.DIM_YEAR).stream()
            .sorted(Comparator.comparing(FacetValue::value).reversed())
            .toList();
    return codes.coded(new FacetCounts(provinces, sectors, areas, years));
  }

  private static List<FacetValue> top(Facets facets, int topN, String dim, String... path)
      throws IOException {
    FacetResult result =
        topN == Integer.MAX_VALUE
            ? facets.getAllChildren(dim, path)
            : facets.getTopChildren(topN, dim, path);
    return values(result);
  }

  private static List<FacetValue> values(FacetResult result) {
    if (result == null) {
      return List.of();
    }
    List<FacetValue> values = new ArrayList<>();
    for (LabelAndValue lv : result.labelValues) {
      if (lv.value.longValue() > 0) {
        values.add(new FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return values;
  }

  /** Count descending, then the given order of labels. */
  private static List<FacetValue> sorted(List<FacetValue> values, Comparator<String> labels) {
    return values.stream()
        .sorted(
            Comparator.comparingLong(FacetValue::count)
                .reversed()
                .thenComparing(FacetValue::value, labels))
        .toList();
  }

  private static Comparator<String> byOrder(List<String> order) {
    return Comparator.comparingInt((String s) -> rank(order, s)).thenComparing(s -> s);
  }

  private static Comparator<String> bySector() {
    return byOrder(IndustryRules.SECTORS);
  }

  private static int rank(List<String> order, String value) {
    int i = order.indexOf(value);
    return i < 0 ? order.size() : i;
  }
}
