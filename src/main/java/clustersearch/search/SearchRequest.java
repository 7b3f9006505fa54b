package clustersearch.search;

import java.util.List;

/**
 * A ranked, filtered search.
 *
 * @param query user text; blank matches every cluster in list order
 * @param provinces province filter (山东, 山东省, 鲁, Shandong), values OR'ed
 * @param industries sector (生物产业), sector/industry, or industry phrase alone (生物医药), OR'ed
 * @param areas region or strategic area filter (东部, 长三角), OR'ed
 * @param years list year filter (2021, 2021年), OR'ed
 * @param page 1-based page
 * @param size hits per page
 * @param exact search the text as typed, without reading typos as the phrase they sound like
 * @param explain give each hit the score parts that ranked it
 * @param order how hits are ordered
 */
public record SearchRequest(
    String query,
    List<String> provinces,
    List<String> industries,
    List<String> areas,
    List<String> years,
    int page,
    int size,
    boolean exact,
    boolean explain,
    Order order) {

  /** How hits are ordered; ties always fall back to list order, so pages are stable. */
  public enum Order {
    /** Best match first (list order when there is no query text). */
    RELEVANCE,
    /** Year, then 序号, as the ministry published them. */
    LIST,
    /** The official order of provinces (北京, 天津, 河北 …), then list order. */
    PROVINCE;

    /** The name the API uses: relevance, list, province. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The order the API names {@code key}, if any. */
    public static java.util.Optional<Order> of(String key) {
      return java.util.Arrays.stream(values()).filter(o -> o.key().equals(key)).findFirst();
    }
  }

  public SearchRequest {
    query = query == null ? "" : query;
    order = order == null ? Order.RELEVANCE : order;
    provinces = List.copyOf(provinces);
    industries = List.copyOf(industries);
    areas = List.copyOf(areas);
    years = List.copyOf(years);
  }

  /** A search without area filter, typo reading on, no explanation. */
  public SearchRequest(
      String query, List<String> provinces, List<String> industries, int page, int size) {
    this(
        query,
        provinces,
        industries,
        List.of(),
        List.of(),
        page,
        size,
        false,
        false,
        Order.RELEVANCE);
  }

  /** The first page of {@code query}, unfiltered. */
  public static SearchRequest of(String query, int size) {
    return new SearchRequest(query, List.of(), List.of(), 1, size);
  }

  /** The same filters and query, for counting (one hit, no explanation). */
  public SearchRequest forCounting() {
    return new SearchRequest(
        query, provinces, industries, areas, years, 1, 1, exact, false, Order.RELEVANCE);
  }
}
