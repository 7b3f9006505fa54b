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
    for (java.lang.reflect.RecordComponent c : Weights.class.getRecordComponents()) {
      // Each weight by name, so a missing one stops start-up naming it, not the first query.
      if (c.getName().equals("fields") || c.getName().equals("similar")) {
        continue;
      }
      Object value =
          switch (c.getName()) {
            case "foundWhole" -> foundWhole;
            case "wordWeight" -> wordWeight;
            case "headBoost" -> headBoost;
            case "fieldTieBreaker" -> fieldTieBreaker;
            case "readingsTieBreaker" -> readingsTieBreaker;
            case "synonym" -> synonym;
            case "related" -> related;
            case "relatedDecay" -> relatedDecay;
            case "concept" -> concept;
            case "pinyin" -> pinyin;
            case "homophone" -> homophone;
            case "entity" -> entity;
            case "entityAndTerms" -> entityAndTerms;
            case "minBigrams" -> minBigrams;
            case "englishAllWords" -> englishAllWords;
            case "maxVariants" -> maxVariants;
            case "conceptMatch" -> conceptMatch;
            case "conceptBroader" -> conceptBroader;
            case "conceptSibling" -> conceptSibling;
            case "policy" -> policy;
            case "matchBonus" -> matchBonus;
            case "nearby" -> nearby;
            default -> throw new IllegalStateException("weight " + c.getName() + " not checked");
          };
      if (value == null) {
        throw new IllegalArgumentException(
            "'"
                + c.getName()
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
