package clustersearch.search;

import java.util.List;

/**
 * What understanding made of a query, before any Lucene object exists: its parts, each with its
 * readings; the places, sectors and units it names; what to leave out. {@link PlanCompiler} turns
 * it into a Lucene query through {@link Schema}, the one place that maps a dimension to fields.
 *
 * @param parts the product and other text parts, each scored by its best reading
 * @param named places, areas, sectors and units the query names, each a constraint of its own
 * @param required readings every cluster must meet (field prefixes: province:山东); values of one
 *     dimension OR'ed, dimensions AND'ed, as the API's filters
 * @param excluded readings whose clusters are left out (生物医药 -山东)
 * @param matchAll true when the query asks for every cluster (blank text)
 * @param notes lines for a person about how the query was read (长沙没有集群；以下是湖南的集群)
 */
public record QueryPlan(
    List<Part> parts,
    List<Reading> named,
    List<Reading> required,
    List<Reading> excluded,
    boolean matchAll,
    Understood understood,
    String didYouMean,
    List<String> needles,
    List<String> notes) {

  /** Where a reading comes from. */
  public enum Kind {
    /** The part as typed. */
    EXACT,
    /** An equivalent word of synonyms.txt. */
    SYNONYM,
    /** A related word of synonyms.txt (a => b) or a neighbour of concepts.yaml. */
    RELATED,
    /** An industry concept of knowledge.yaml the part names. */
    CONCEPT,
    /** The concepts a policy word means (碳中和: new energy, …). */
    POLICY,
    /** A province, city or place below a city, by any of its names (山东, 泉城, 莱芜). */
    PLACE,
    /** A region or strategic area (中部, 长三角, 长株潭). */
    REGION,
    /** The province of a named place that has no cluster: the nearest clusters. */
    NEARBY,
    /** A sector name (新材料产业). */
    SECTOR,
    /** A word of the builder units or recommender that analysis blanks out (科技厅, 管委会). */
    UNIT,
    /** The characters a pinyin part reads as. */
    PINYIN,
    /** The Chinese of an English word. */
    ENGLISH,
    /** The phrase a typo sounds like. */
    HOMOPHONE,
    /** A field of the power-user syntax (province:山东, builder:管委会). */
    FIELD
  }

  /** What a reading is searched in. */
  public enum Dimension {
    /** The text fields by group (industry, name, place, builder, recommender, English). */
    TEXT,
    /** The industry phrases and places that hold a word whole (the vocabulary). */
    WHOLE,
    /** The concept ids of knowledge.yaml. */
    CONCEPT,
    PROVINCE,
    CITY,
    AREA,
    SECTOR,
    UNIT,
    /**
     * A text all of whose bigrams one field holds: the industry phrase, name, builders,
     * recommender.
     */
    INDUSTRY_TEXT,
    NAME_TEXT,
    BUILDER_TEXT,
    RECOMMENDER_TEXT,
    /** A text all of whose bigrams any one of those fields holds. */
    ANY_TEXT
  }

  /** Whether a cluster a reading finds is a match or only related. */
  public enum Relation {
    MATCH,
    RELATED
  }

  /**
   * One reading of a part.
   *
   * @param text the word searched (a concept's id for CONCEPT and POLICY readings)
   * @param label how explain names it: "储能 → concept 6.5 智能电网产业"
   * @param units the length in bigrams of what was typed (sizes the found-whole constant)
   */
  public record Reading(
      String text,
      Kind kind,
      Dimension target,
      float weight,
      Relation relation,
      String label,
      int units) {}

  /** A part of the query and its readings, best first. */
  public record Part(String text, List<Reading> readings) {}

  /** The plan with the syntax's required and excluded readings and quoted parts added. */
  QueryPlan with(List<Part> moreParts, List<Reading> required, List<Reading> excluded) {
    List<Part> allParts = new java.util.ArrayList<>(parts);
    allParts.addAll(moreParts);
    boolean all = matchAll && moreParts.isEmpty() && required.isEmpty() && excluded.isEmpty();
    return new QueryPlan(
        List.copyOf(allParts),
        named,
        List.copyOf(required),
        List.copyOf(excluded),
        all,
        understood,
        didYouMean,
        needles,
        notes);
  }
}
