package clustersearch.search;

import clustersearch.config.AppConfig;
import clustersearch.config.Knowledge;
import clustersearch.config.Synonyms;
import clustersearch.config.Weights;
import clustersearch.index.Fields;
import clustersearch.search.QueryPlan.Dimension;
import clustersearch.search.QueryPlan.Kind;
import clustersearch.search.QueryPlan.Part;
import clustersearch.search.QueryPlan.Reading;
import clustersearch.search.QueryPlan.Relation;
import clustersearch.source.Gazetteer;
import clustersearch.source.IndustryKnowledge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Query understanding, one stage per class, read top to bottom in {@link #plan}; its result is a
 * {@link QueryPlan} with no Lucene object in it:
 *
 * <ol>
 *   <li>normalise: full width, case, traditional → simplified, punctuation to spaces ({@link
 *       QueryText});
 *   <li>recognise places, areas and sectors ({@link EntityRecognizer}) and unit words (科技厅);
 *   <li>cut the rest into words and drop fillers standing as words ({@link Segmenter});
 *   <li>read each word: as typed, synonyms, pinyin, English, homophones ({@link Expander}), and the
 *       concepts and policy groups of the knowledge base.
 * </ol>
 */
final class QueryPlanner {
  /** Characters that separate words and mean nothing: punctuation and symbols of any script. */
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}&&[^+#.]]+");

  private final Fields fields;
  private final Weights weights;
  private final EntityRecognizer entities;
  private final Segmenter segmenter;
  private final java.util.Set<String> englishFillers;
  private final Expander expander;
  private final IndustryKnowledge knowledge;
  private final Gazetteer gazetteer;

  QueryPlanner(Fields fields, AppConfig config, Gazetteer gazetteer) {
    this.fields = fields;
    this.weights = config.weights();
    this.gazetteer = gazetteer;
    this.knowledge = fields.knowledge();
    this.entities = new EntityRecognizer(gazetteer, knowledge);
    this.segmenter = new Segmenter(knowledge, config.understanding().fillers());
    this.englishFillers =
        java.util.Set.copyOf(
            config.understanding().englishFillers().stream()
                .map(w -> w.toLowerCase(java.util.Locale.ROOT))
                .toList());
    this.expander = Expander.of(config);
  }

  void setSynonyms(Synonyms synonyms) {
    expander.setSynonyms(synonyms);
  }

  /**
   * The plan of {@code text}; {@code exact} searches it as typed (no homophones). Text with the
   * power-user syntax ({@link QuerySyntax}) is read clause by clause: its plain words as any text,
   * a quoted phrase as typed only, field prefixes as required readings, - as excluded ones.
   */
  QueryPlan plan(String text, boolean exact, Vocabulary vocabulary) {
    java.util.Optional<List<QuerySyntax.Clause>> syntax = QuerySyntax.parse(text);
    if (syntax.isEmpty()) {
      return planText(text, exact, vocabulary);
    }
    StringBuilder plain = new StringBuilder();
    List<Part> phrases = new ArrayList<>();
    List<Reading> required = new ArrayList<>();
    List<Reading> excluded = new ArrayList<>();
    for (QuerySyntax.Clause c : syntax.get()) {
      String value = QueryText.normalize(c.value()).strip();
      if (value.isEmpty()) {
        continue;
      }
      if (c.field() == null && !c.excluded()) {
        if (c.phrase()) {
          phrases.add(
              new Part(
                  value,
                  List.of(
                      new Reading(
                          value,
                          Kind.EXACT,
                          Dimension.TEXT,
                          1f,
                          Relation.MATCH,
                          "\"" + value + "\" → as typed only",
                          units(value)))));
        } else {
          plain.append(c.value()).append(' ');
        }
        continue;
      }
      Reading r = c.field() == null ? excludedText(value) : field(c.field(), value, vocabulary);
      (c.excluded() ? excluded : required).add(r);
    }
    return planText(plain.toString(), exact, vocabulary).with(phrases, required, excluded);
  }

  /** An excluded word: a place it names, or the word itself in any field. */
  private Reading excludedText(String value) {
    List<Gazetteer.Entity> places = gazetteer.lookupAll(value);
    if (!places.isEmpty()) {
      return place(places.get(0));
    }
    return new Reading(
        value, Kind.FIELD, Dimension.ANY_TEXT, 1f, Relation.MATCH, "-" + value, units(value));
  }

  /** A field prefix (province:山东) as the reading of its dimension. */
  private Reading field(String field, String value, Vocabulary vocabulary) {
    String label = field + ":" + value;
    return switch (field) {
      case "province" ->
          reading(gazetteer.province(value).orElse(value), Dimension.PROVINCE, label, value);
      case "city" ->
          reading(
              gazetteer.lookup(value).map(Gazetteer.Entity::value).orElse(value),
              Dimension.CITY,
              label,
              value);
      case "area" -> reading(gazetteer.area(value).orElse(value), Dimension.AREA, label, value);
      case "sector", "industry" ->
          vocabulary.phrases().stream()
                  .anyMatch(e -> e.kind().equals("sector") && e.text().equals(value))
              ? reading(value, Dimension.SECTOR, label, value)
              : reading(value, Dimension.INDUSTRY_TEXT, label, value);
      case "builder" ->
          fields.boilerplate().contains(value)
              ? reading(value, Dimension.UNIT, label, value)
              : reading(value, Dimension.BUILDER_TEXT, label, value);
      case "recommender" ->
          fields.boilerplate().contains(value)
              ? reading(value, Dimension.UNIT, label, value)
              : reading(value, Dimension.RECOMMENDER_TEXT, label, value);
      default -> reading(value, Dimension.NAME_TEXT, label, value);
    };
  }

  private Reading reading(String text, Dimension target, String label, String typed) {
    return new Reading(text, Kind.FIELD, target, 1f, Relation.MATCH, label, units(typed));
  }

  private QueryPlan planText(String text, boolean exact, Vocabulary vocabulary) {
    // 1. Normalise.
    String normalized = PUNCTUATION.matcher(QueryText.normalize(text)).replaceAll(" ").strip();
    if (normalized.isBlank()) {
      return new QueryPlan(
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          true,
          Understood.NOTHING,
          null,
          List.of(),
          List.of());
    }
    // 2. Places, areas, sectors; unit words the analysis blanks out.
    EntityRecognizer.Result recognized = entities.recognize(normalized, vocabulary);
    List<Reading> named = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Gazetteer.Entity e : recognized.places()) {
      named.add(place(e));
      if (e.kind() == Gazetteer.Kind.CITY && !vocabulary.hasPlace(e.value())) {
        // A city with no cluster: the clusters of its province are the nearest, as related.
        gazetteer
            .provinceOfPlace(e.value())
            .ifPresent(
                p -> {
                  notes.add(e.value() + "没有集群；以下是" + p + "的集群（相关）。");
                  named.add(
                      new Reading(
                          p,
                          Kind.NEARBY,
                          Dimension.PROVINCE,
                          weights.nearby(),
                          Relation.RELATED,
                          e.value() + " has no cluster → nearby: province " + p,
                          1));
                });
      }
    }
    for (String sector : recognized.sectors()) {
      named.add(
          new Reading(
              sector, Kind.SECTOR, Dimension.SECTOR, 1f, Relation.MATCH, "sector " + sector, 1));
    }
    String rest = recognized.rest();
    // 3. Words, fillers dropped.
    Segmenter.Result words = segmenter.segment(fields.stripBoilerplate(rest), vocabulary);
    List<String> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>(words.dropped());
    for (String w : words.parts()) {
      if (englishFillers.contains(w)) {
        dropped.add(w);
      } else {
        kept.add(w);
      }
    }
    // 4. Readings of each part.
    List<Part> parts = new ArrayList<>();
    String didYouMean = null;
    Set<String> needles = new LinkedHashSet<>();
    for (String part : QueryParts.of(kept, vocabulary)) {
      List<Reading> readings = new ArrayList<>();
      for (Expander.Reading r : expander.expand(part, vocabulary, this::units)) {
        if (exact && r.kind() == Expander.Kind.HOMOPHONE) {
          continue;
        }
        readings.add(reading(part, r));
        if (r.kind() == Expander.Kind.HOMOPHONE) {
          didYouMean = r.text();
        }
      }
      if (vocabulary.containing(part).isEmpty() && QueryText.hasHan(part)) {
        // The knowledge base reads words the list's own phrases do not hold (储能, 芯片设计, 碳中和);
        // a word an industry phrase or place holds whole is searched as the list has it.
        readings.addAll(concepts(part));
      }
      parts.add(new Part(part, readings));
    }
    if (parts.isEmpty() && named.isEmpty()) {
      // Nothing but words the analysis blanks out (科技厅, 管委会): searched as the units they are,
      // never dropped into a query that matches every cluster.
      for (String unit : fields.boilerplate()) {
        if (rest.contains(unit)) {
          named.add(
              new Reading(unit, Kind.UNIT, Dimension.UNIT, 1f, Relation.MATCH, "unit " + unit, 1));
        }
      }
    }
    Understood understood = understood(recognized, kept, dropped, normalized, vocabulary);
    for (Gazetteer.Entity e : recognized.places()) {
      if (e.kind() != Gazetteer.Kind.AREA) {
        needles.add(e.value()); // 淄博 is marked in 淄博高新区管委会
      }
    }
    return new QueryPlan(
        List.copyOf(parts),
        List.copyOf(named),
        List.of(),
        List.of(),
        false,
        understood,
        didYouMean,
        List.copyOf(needles),
        List.copyOf(notes));
  }

  /** A named place: its kind's dimension, always a match. */
  private static Reading place(Gazetteer.Entity e) {
    return switch (e.kind()) {
      case PROVINCE ->
          new Reading(
              e.value(),
              Kind.PLACE,
              Dimension.PROVINCE,
              1f,
              Relation.MATCH,
              "province " + e.value(),
              1);
      case CITY ->
          new Reading(
              e.value(), Kind.PLACE, Dimension.CITY, 1f, Relation.MATCH, "place " + e.value(), 1);
      case AREA ->
          new Reading(
              e.value(), Kind.REGION, Dimension.AREA, 1f, Relation.MATCH, "area " + e.value(), 1);
    };
  }

  private Reading reading(String part, Expander.Reading r) {
    Kind kind =
        switch (r.kind()) {
          case TYPED -> Kind.EXACT;
          case PINYIN -> Kind.PINYIN;
          case ENGLISH -> Kind.ENGLISH;
          case SYNONYM -> Kind.SYNONYM;
          case RELATED, CONCEPT -> Kind.RELATED;
          case HOMOPHONE -> Kind.HOMOPHONE;
        };
    Dimension target = kind == Kind.EXACT ? Dimension.TEXT : Dimension.WHOLE;
    String label =
        kind == Kind.EXACT
            ? part + " → as typed"
            : part
                + " → "
                + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + r.text()
                + " ×"
                + trim(r.weight());
    return new Reading(r.text(), kind, target, r.weight(), Relation.MATCH, label, r.units());
  }

  /** The concepts and policy groups a part names, as the knowledge base reads it. */
  private List<Reading> concepts(String part) {
    Map<String, Reading> out = new LinkedHashMap<>();
    List<IndustryKnowledge.Found> found = knowledge.find(part);
    for (IndustryKnowledge.Found f : found) {
      if (f.end() - f.start() < 2 && part.length() > 1) {
        continue; // one character of a longer word (铝 of 铝合金 is read by 铝合金)
      }
      for (String id : f.concepts()) {
        Knowledge.Concept c = knowledge.concept(id);
        out.putIfAbsent(
            id,
            new Reading(
                id,
                Kind.CONCEPT,
                Dimension.CONCEPT,
                1f,
                Relation.MATCH,
                f.term() + " → concept " + id + " " + c.name(),
                1));
      }
      for (String policyId : f.policies()) {
        Knowledge.Policy p = knowledge.policy(policyId);
        p.means()
            .forEach(
                (id, w) -> {
                  Knowledge.Concept c = knowledge.concept(id);
                  Reading r =
                      new Reading(
                          id,
                          Kind.POLICY,
                          Dimension.CONCEPT,
                          w.floatValue() * weights.policy(),
                          Relation.MATCH,
                          f.term()
                              + " → policy "
                              + p.name()
                              + " → concept "
                              + id
                              + " "
                              + c.name()
                              + " ×"
                              + trim(w.floatValue() * weights.policy()),
                          1);
                  out.merge(id, r, (a, b) -> a.weight() >= b.weight() ? a : b);
                });
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * Labels' weights as written: formatted once per value, since the weights of readings are a few
   * values and String.format was a third of planning a query.
   */
  private static final Map<Float, String> WEIGHTS_WRITTEN = new ConcurrentHashMap<>();

  private static String trim(float w) {
    if (w == Math.rint(w)) {
      return Integer.toString((int) w);
    }
    String written = WEIGHTS_WRITTEN.get(w);
    if (written == null) {
      written = String.format("%.2f", w);
      if (WEIGHTS_WRITTEN.size() < 4096) {
        WEIGHTS_WRITTEN.put(w, written);
      }
    }
    return written;
  }

  /** What the query names, for the response and the page. */
  private static Understood understood(
      EntityRecognizer.Result recognized,
      List<String> kept,
      List<String> dropped,
      String normalized,
      Vocabulary vocabulary) {
    List<String> province = new ArrayList<>();
    List<String> city = new ArrayList<>();
    List<String> area = new ArrayList<>();
    for (Gazetteer.Entity e : recognized.places()) {
      switch (e.kind()) {
        case PROVINCE -> province.add(e.value());
        case CITY -> city.add(e.value());
        case AREA -> area.add(e.value());
      }
    }
    List<String> industry = new ArrayList<>();
    for (Vocabulary.Entry e : vocabulary.phrases()) {
      if (e.kind().equals("industry") && normalized.contains(e.text())) {
        industry.add(e.text());
      }
    }
    return new Understood(
        province,
        city,
        area,
        new ArrayList<>(recognized.sectors()),
        industry,
        List.copyOf(kept),
        List.copyOf(dropped));
  }

  /** How many distinct bigrams a text has (at least one), as the query's gram analysis cuts it. */
  private int units(String text) {
    return Math.max(
        1,
        new java.util.HashSet<>(
                LuceneQueryBuilder.tokens(fields.gramQueryAnalyzer(), "", text, MAX_GRAMS))
            .size());
  }

  /** Bigrams analysed from one text at most; the term budget cuts the query well before. */
  static final int MAX_GRAMS = 256;
}
