package clustersearch.search;

import java.util.List;

/**
 * Counts for dashboards over every cluster matching a query and filters: by province (all
 * province-level divisions in official order, zeros included), by sector (the nine of the 2018
 * classification and 其他, zeros included), by area (the four NBS regions, then the strategic areas,
 * zeros included), and the province × sector matrix.
 *
 * @param counts {@code counts[p][s]}: clusters of province {@code provinces[p]} in sector {@code
 *     sectors[s]}
 */
public record Stats(
    long total,
    List<SearchResult.FacetValue> provinces,
    List<SearchResult.FacetValue> sectors,
    List<SearchResult.FacetValue> areas,
    Matrix matrix) {

  /** Rows are provinces, columns sectors, both in the orders above. */
  public record Matrix(List<String> provinces, List<String> sectors, long[][] counts) {}
}
