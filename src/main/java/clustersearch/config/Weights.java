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
    for (String group : FIELD_GROUPS) {
      if (!fields.containsKey(group)) {
        throw new IllegalArgumentException("fields." + group + " is missing");
      }
    }
    for (String group : fields.keySet()) {
      if (!FIELD_GROUPS.contains(group)) {
        throw new IllegalArgumentException(
            "fields has unknown group '" + group + "' (known: " + FIELD_GROUPS + ")");
      }
    }
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
    similar = Map.copyOf(Objects.requireNonNull(similar, "'similar' is missing"));
    for (String reason : SIMILAR_REASONS) {
      if (!similar.containsKey(reason)) {
        throw new IllegalArgumentException("similar." + reason + " is missing");
      }
    }
    for (String reason : similar.keySet()) {
      if (!SIMILAR_REASONS.contains(reason)) {
        throw new IllegalArgumentException(
            "similar has unknown reason '" + reason + "' (known: " + SIMILAR_REASONS + ")");
      }
    }
    for (float w : new float[] {synonym, related, concept, pinyin, homophone}) {
      if (w <= 0 || w >= 1) {
        throw new IllegalArgumentException(
            "synonym, related, concept, pinyin and homophone must be between 0 and 1, so that the"
                + " query as typed ranks first");
      }
    }
  }

  /** The reasons a cluster's related clusters are ranked by, best first. */
  public static final java.util.List<String> SIMILAR_REASONS =
      java.util.List.of("industry", "concept", "narrowerConcept", "sector", "province");

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
