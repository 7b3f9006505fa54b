package clustersearch.search;

import java.util.List;

/**
 * A ranked, filtered search.
 *
 * @param query user text; blank matches every cluster in list order
 * @param provinces province filter, values OR'ed
 * @param industries sector ("生物产业") or "sector/industry" filter, values OR'ed
 * @param page 1-based page
 * @param size hits per page
 */
public record SearchRequest(
    String query, List<String> provinces, List<String> industries, int page, int size) {

  public SearchRequest {
    query = query == null ? "" : query;
    provinces = List.copyOf(provinces);
    industries = List.copyOf(industries);
  }

  /** The first page of {@code query}, unfiltered. */
  public static SearchRequest of(String query, int size) {
    return new SearchRequest(query, List.of(), List.of(), 1, size);
  }
}
