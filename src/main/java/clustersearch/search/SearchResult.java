package clustersearch.search;

import clustersearch.source.Cluster;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One page of ranked hits with the total and the facet counts of the whole result.
 *
 * @param total the clusters that match: every dimension the query names (a place relaxed first when
 *     none does)
 * @param related the other clusters the query found (same industry elsewhere, same place other
 *     industries, a concept's neighbours), ranked after every match
 * @param note a line for a person when the answer needs one (nothing relevant, a place relaxed)
 */
public record SearchResult(
    String query,
    long total,
    long related,
    String note,
    int page,
    int size,
    double tookMs,
    List<Hit> hits,
    FacetCounts facets,
    Understood understood,
    DidYouMean didYouMean) {

  /**
   * A typo read as the phrase it sounds like: the page says 已显示“富硒”的结果 and links to the search
   * exactly as typed.
   *
   * @param text what was searched instead
   * @param original what was typed
   */
  public record DidYouMean(String text, String original) {}

  /** One node of a hit's score: what it is, its value, and the parts it adds up. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Explanation(float value, String description, List<Explanation> details) {}

  /** A ranked cluster: its fields, flattened, its score, and what the query matched. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Hit(
      @JsonUnwrapped Cluster cluster,
      float score,
      Match match,
      List<String> readings,
      Highlight highlight,
      Explanation explain) {}

  /** Whether a hit is what the query asks for, or only related to it. */
  public enum Match {
    @com.fasterxml.jackson.annotation.JsonProperty("exact")
    EXACT,
    @com.fasterxml.jackson.annotation.JsonProperty("related")
    RELATED
  }

  /**
   * The name and builder, HTML-escaped, with {@code <em>} around the characters the query matched.
   */
  public record Highlight(String name, String builder) {}

  /** Autocomplete: what the box shows under {@code query}. */
  public record Suggestions(String query, List<Suggestion> suggestions) {}

  /**
   * One completion.
   *
   * @param kind sector, industry, place, area or name
   * @param count how many clusters it covers
   * @param id the cluster a name suggestion is the full name of, which choosing it should open
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Suggestion(String text, String kind, long count, String id) {}

  /** Facet counts per dimension; with a filter on a dimension, its other values still count. */
  public record FacetCounts(
      List<FacetValue> province,
      List<FacetValue> industry,
      List<FacetValue> area,
      List<FacetValue> year) {}

  /**
   * One facet value and its count; sectors carry their industries as children.
   *
   * @param code the value's stable code where it has one: GB/T 2260 for a province (370000), the
   *     2018 classification's for a sector (4), an ASCII key for an area (yangtze-river-delta), the
   *     year for a year
   * @param labelEn its English label, where there is one
   * @param year on a year's value, the year as the integer the records carry (2021), so a dashboard
   *     joins the two without converting; as Elasticsearch gives a numeric bucket's key as a number
   *     beside its string
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FacetValue(
      String value,
      String code,
      String labelEn,
      Integer year,
      long count,
      List<FacetValue> children) {
    public FacetValue(String value, long count) {
      this(value, null, null, null, count, null);
    }

    public FacetValue(String value, long count, List<FacetValue> children) {
      this(value, null, null, null, count, children);
    }

    /** This value with its code and English label. */
    FacetValue coded(String code, String labelEn) {
      return new FacetValue(value, code, labelEn, year, count, children);
    }

    /** This value of the year dimension, with its code and its year as a number. */
    FacetValue asYear() {
      return new FacetValue(value, value, labelEn, Integer.valueOf(value), count, children);
    }
  }

  /**
   * A cluster's related clusters.
   *
   * @param id the cluster they relate to
   */
  public record Similar(String id, List<Related> similar) {}

  /** A related cluster and why: the same "industry", "sector" or "province" (best first). */
  public record Related(@JsonUnwrapped Cluster cluster, List<String> reasons) {}

  /** The total and facets alone, for /api/facets. */
  public record FacetsOnly(long total, FacetCounts facets) {}
}
