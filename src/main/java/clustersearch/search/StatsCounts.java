package clustersearch.search;

import clustersearch.config.IndustryRules;
import clustersearch.index.Fields;
import clustersearch.search.SearchResult.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.Query;

/**
 * The province, sector, province × sector and area counts of /api/stats, from the ordinals of one
 * facet field in one pass over the matches (never from the records), zeros included, in official
 * order.
 */
final class StatsCounts {
  private final List<String> provinceOrder;
  private final List<String> areaOrder;
  private final FacetCodes codes;

  StatsCounts(List<String> provinceOrder, List<String> areaOrder, FacetCodes codes) {
    this.provinceOrder = List.copyOf(provinceOrder);
    this.areaOrder = List.copyOf(areaOrder);
    this.codes = codes;
  }

  /**
   * The statistics of the clusters {@code query} matches, from the facet ordinals of the matches,
   * never from their records. A whole index's are kept per reader and shared: never modified.
   */
  Stats of(ClusterIndex.Lease lease, Query query) throws IOException {
    List<String> sectors = new ArrayList<>(IndustryRules.SECTORS);
    sectors.add(IndustryRules.OTHER);
    long[][] counts = new long[provinceOrder.size()][sectors.size()];
    long[] byArea = new long[areaOrder.size()];
    FacetsCollector matches = lease.searcher().search(query, new FacetsCollectorManager());
    long total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    if (total > 0) {
      Facets matrix = new SortedSetDocValuesFacetCounts(lease.statsState(), matches);
      for (int p = 0; p < provinceOrder.size(); p++) {
        FacetResult row = matrix.getAllChildren(Fields.DIM_PROVINCE_SECTOR, provinceOrder.get(p));
        for (LabelAndValue cell : row == null ? new LabelAndValue[0] : row.labelValues) {
          int s = sectors.indexOf(cell.label);
          if (s >= 0) {
            counts[p][s] = cell.value.longValue();
          }
        }
      }
      FacetResult areaCounts = matrix.getAllChildren(Fields.DIM_STATS_AREA);
      for (LabelAndValue cell :
          areaCounts == null ? new LabelAndValue[0] : areaCounts.labelValues) {
        int a = areaOrder.indexOf(cell.label);
        if (a >= 0) {
          byArea[a] = cell.value.longValue();
        }
      }
    }
    List<FacetValue> areas = new ArrayList<>();
    for (int a = 0; a < areaOrder.size(); a++) {
      areas.add(new FacetValue(areaOrder.get(a), byArea[a]));
    }
    List<FacetValue> byProvince = new ArrayList<>();
    for (int p = 0; p < provinceOrder.size(); p++) {
      byProvince.add(new FacetValue(provinceOrder.get(p), Arrays.stream(counts[p]).sum()));
    }
    List<FacetValue> bySector = new ArrayList<>();
    for (int s = 0; s < sectors.size(); s++) {
      long n = 0;
      for (long[] row : counts) {
        n += row[s];
      }
      bySector.add(new FacetValue(sectors.get(s), n));
    }
    return new Stats(
        total,
        codes.provinces(byProvince),
        codes.sectors(bySector),
        codes.areas(areas),
        new Stats.Matrix(provinceOrder, List.copyOf(sectors), counts));
  }
}
