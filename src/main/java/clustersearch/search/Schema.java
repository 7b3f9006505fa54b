package clustersearch.search;

import clustersearch.index.Fields;
import clustersearch.search.QueryPlan.Dimension;
import java.util.List;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;

/**
 * The one place that maps a plan's dimension to the index's fields: a named place, area or sector
 * to its facet drill-down term (in its dimension's own index field), a concept to the concept
 * field's terms, a unit word to the unit field. A clause built for a field that holds nothing is a
 * silent bug; tests of the compiler pin the terms this class makes.
 */
final class Schema {
  private static final FacetsConfig FACETS = Fields.facetsConfig();

  private Schema() {}

  /** The term of the clusters a named value of {@code dimension} holds. */
  static Term named(Dimension dimension, String value) {
    return switch (dimension) {
      case PROVINCE -> facet(Fields.DIM_PROVINCE, value);
      case CITY -> facet(Fields.DIM_PLACE, value);
      case AREA -> facet(Fields.DIM_AREA, value);
      case SECTOR -> facet(Fields.DIM_INDUSTRY, value);
      case UNIT -> new Term(Fields.UNIT, value);
      case TEXT,
          WHOLE,
          CONCEPT,
          INDUSTRY_TEXT,
          NAME_TEXT,
          BUILDER_TEXT,
          RECOMMENDER_TEXT,
          ANY_TEXT ->
          throw new IllegalArgumentException(dimension + " is not a named dimension");
    };
  }

  /** True when a dimension's readings are texts matched by their bigrams ({@link #gramFields}). */
  static boolean isText(Dimension dimension) {
    return !gramFields(dimension).isEmpty();
  }

  /** The bigram fields a text dimension searches: one field, or any of them for ANY_TEXT. */
  static List<String> gramFields(Dimension dimension) {
    return switch (dimension) {
      case INDUSTRY_TEXT -> List.of(Fields.gram(Fields.INDUSTRY));
      case NAME_TEXT -> List.of(Fields.gram(Fields.NAME));
      case BUILDER_TEXT -> List.of(Fields.gram(Fields.BUILDER));
      case RECOMMENDER_TEXT -> List.of(Fields.gram(Fields.RECOMMENDER));
      case ANY_TEXT -> Fields.GROUPS.stream().map(Fields::gram).toList();
      default -> List.of();
    };
  }

  /** The term of clusters whose phrase names concept {@code id} itself. */
  static Term conceptIs(String id) {
    return new Term(Fields.CONCEPT, Fields.CONCEPT_IS + id);
  }

  /** The term of clusters whose phrase names a concept below {@code id}. */
  static Term conceptUnder(String id) {
    return new Term(Fields.CONCEPT, Fields.CONCEPT_UNDER + id);
  }

  private static Term facet(String dim, String value) {
    return DrillDownQuery.term(FACETS.getDimConfig(dim).indexFieldName, dim, value);
  }
}
