package clustersearch.search;

import clustersearch.config.AppConfig;
import clustersearch.config.Concepts;
import clustersearch.config.Glossary;
import clustersearch.config.Synonyms;
import clustersearch.config.Weights;
import clustersearch.source.Pinyin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Stage 4 of the pipeline: the readings of one part, each with its weight (weights.yaml): the part
 * as typed; for Latin letters, the characters its pinyin reads as and the Chinese of an English
 * glossary word; the equivalent and related words of synonyms.txt; the neighbouring words of
 * concepts.yaml; and, when the part is found whole nowhere, the one phrase of the index that sounds
 * the same (a homophone typo of an input method: 富西 → 富硒).
 */
final class Expander {
  static final Pattern LATIN = Pattern.compile("[a-z][a-z0-9]*");

  /** English words, one or several (smart home). */
  static final Pattern ENGLISH_WORDS = Pattern.compile("[a-z][a-z0-9]*( [a-z][a-z0-9]*)+");

  /** Where a reading comes from. */
  enum Kind {
    TYPED,
    PINYIN,
    ENGLISH,
    SYNONYM,
    RELATED,
    CONCEPT,
    HOMOPHONE
  }

  /**
   * A text to search for a part.
   *
   * @param units the length in bigrams of what was typed, which sizes the found-whole constant: a
   *     long synonym of a short query is not worth more
   */
  record Reading(String text, Kind kind, float weight, int units) {}

  private final Weights weights;
  private final Glossary glossary;
  private final Concepts concepts;
  private final Pinyin pinyin;
  private volatile Synonyms synonyms;

  Expander(
      Weights weights, Glossary glossary, Concepts concepts, Pinyin pinyin, Synonyms synonyms) {
    this.weights = weights;
    this.glossary = glossary;
    this.concepts = concepts;
    this.pinyin = pinyin;
    this.synonyms = synonyms;
  }

  /** The expander of {@code config}'s weights, glossary, concepts, pinyin and synonyms. */
  static Expander of(AppConfig config) {
    return new Expander(
        config.weights(),
        config.glossary(),
        config.concepts(),
        new Pinyin(config.pinyin()),
        config.synonyms());
  }

  void setSynonyms(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  /** The readings of {@code part}, best first, at most weights.maxVariants. */
  List<Reading> expand(String part, Vocabulary vocabulary, Function<String, Integer> units) {
    Map<String, Reading> readings = new LinkedHashMap<>();
    int typedUnits = units.apply(part);
    readings.put(part, new Reading(part, Kind.TYPED, 1f, typedUnits));
    if (LATIN.matcher(part).matches()) {
      for (String chars : vocabulary.read(part)) {
        readings.putIfAbsent(
            chars, new Reading(chars, Kind.PINYIN, weights.pinyin(), units.apply(chars)));
      }
    }
    if (LATIN.matcher(part).matches() || ENGLISH_WORDS.matcher(part).matches()) {
      for (String word : part.split(" ")) {
        String chinese = glossary.words().get(word.toLowerCase(Locale.ROOT));
        if (chinese != null) {
          readings.putIfAbsent(
              chinese, new Reading(chinese, Kind.ENGLISH, weights.synonym(), units.apply(chinese)));
        }
      }
    }
    for (Reading base : List.copyOf(readings.values())) {
      for (Synonyms.Variant v : synonyms.expand(base.text(), weights.maxVariants())) {
        float w =
            base.weight()
                * (v.related()
                    ? weights.related() * (float) Math.pow(weights.relatedDecay(), v.rank())
                    : weights.synonym());
        Kind kind = v.related() ? Kind.RELATED : Kind.SYNONYM;
        merge(readings, new Reading(v.text(), kind, w, base.units()));
      }
    }
    for (Reading base : List.copyOf(readings.values())) {
      for (String word : concepts.neighbours(base.text())) {
        if (!vocabulary.containing(word).isEmpty()) {
          merge(
              readings,
              new Reading(word, Kind.CONCEPT, base.weight() * weights.concept(), base.units()));
        }
      }
    }
    {
      homophone(part, vocabulary)
          .ifPresent(
              h ->
                  readings.put(h, new Reading(h, Kind.HOMOPHONE, weights.homophone(), typedUnits)));
    }
    return readings.values().stream().limit(weights.maxVariants()).toList();
  }

  private static void merge(Map<String, Reading> readings, Reading reading) {
    readings.merge(reading.text(), reading, (a, b) -> a.weight() >= b.weight() ? a : b);
  }

  /**
   * The phrase of the index that {@code part} sounds like when the part itself is found whole
   * nowhere and exactly one phrase reads the same in pinyin (数字市听 → 数字视听).
   */
  java.util.Optional<String> homophone(String part, Vocabulary vocabulary) {
    if (part.length() < 2
        || !part.codePoints()
            .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
        || !vocabulary.containing(part).isEmpty()) {
      return java.util.Optional.empty();
    }
    StringBuilder latin = new StringBuilder();
    for (String s : pinyin.syllables(part)) {
      if (s == null) {
        return java.util.Optional.empty();
      }
      latin.append(s);
    }
    List<String> candidates =
        vocabulary.read(latin.toString()).stream().filter(c -> !c.equals(part)).toList();
    return candidates.size() == 1
        ? java.util.Optional.of(candidates.get(0))
        : java.util.Optional.empty();
  }
}
