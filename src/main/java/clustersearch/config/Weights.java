package clustersearch.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** {@code config/weights.yaml}: every weight of the ranking, one table, each explained there. */
public record Weights(
    Map<String, Float> fields,
    Float foundWhole,
    Float wordWeight,
    Float headBoost,
    Float fieldTieBreaker,
    Float readingsTieBreaker,
    Float synonym,
    Float related,
    Float relatedDecay,
    Float concept,
    Float pinyin,
    Float homophone,
    Float entity,
    Float entityAndTerms,
    Integer minBigrams,
    Integer englishAllWords,
    Integer maxVariants,
    Float conceptMatch,
    Float conceptBroader,
    Float conceptSibling,
    Float policy,
    Float matchBonus,
    Float nearby,
    Map<String, Float> similar) {

  public static final String FILE = "weights.yaml";

  /** The field groups a weight must be given for. */
  public static final java.util.List<String> FIELD_GROUPS =
      java.util.List.of("industry", "place", "name", "builder", "recommender", "english");

  public Weights {
    fields = Map.copyOf(Objects.requireNonNull(fields, "weights.yaml needs 'fields'"));
    requireKeys("fields", "group", fields, FIELD_GROUPS);
    // Every weight by name, so a missing one stops start-up naming it, not the first query: the
    // values in the order of the record's components.
    Object[] values = {
      fields,
      foundWhole,
      wordWeight,
      headBoost,
      fieldTieBreaker,
      readingsTieBreaker,
      synonym,
      related,
      relatedDecay,
      concept,
      pinyin,
      homophone,
      entity,
      entityAndTerms,
      minBigrams,
      englishAllWords,
      maxVariants,
      conceptMatch,
      conceptBroader,
      conceptSibling,
      policy,
      matchBonus,
      nearby,
      similar
    };
    java.lang.reflect.RecordComponent[] components = Weights.class.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      if (values[i] == null) {
        throw new IllegalArgumentException(
            "'"
                + components[i].getName()
                + "' is missing (every weight must be given; see the file's comments)");
      }
    }
    similar = Map.copyOf(similar);
    requireKeys("similar", "reason", similar, SIMILAR_REASONS);
    for (float w : new float[] {synonym, related, concept, pinyin, homophone}) {
      if (w <= 0 || w >= 1) {
        throw new IllegalArgumentException(
            "synonym, related, concept, pinyin and homophone must be between 0 and 1, so that the"
                + " query as typed ranks first");
      }
    }
  }

  /** Every key of {@code known} given in {@code table}, and no other (named as a {@code kind}). */
  private static void requireKeys(
      String table, String kind, Map<String, Float> given, java.util.List<String> known) {
    for (String key : known) {
      if (!given.containsKey(key)) {
        throw new IllegalArgumentException(table + "." + key + " is missing");
      }
    }
    for (String key : given.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            table + " has unknown " + kind + " '" + key + "' (known: " + known + ")");
      }
    }
  }

  /** The reasons a cluster's related clusters are ranked by, best first. */
  public static final java.util.List<String> SIMILAR_REASONS =
      java.util.List.of(
          "industry", "industryWords", "concept", "narrowerConcept", "sector", "province");

  /** The weight of one reason two clusters are related. */
  public float similar(String reason) {
    return similar.get(reason);
  }

  /** The weight of a field group. */
  public float field(String group) {
    return fields.get(group);
  }

  public static Weights load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Weights.class);
  }
}
