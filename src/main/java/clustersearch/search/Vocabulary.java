package clustersearch.search;

import clustersearch.index.Fields;
import clustersearch.source.Pinyin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;

/**
 * The words of the index a person may type: sectors, industry phrases, places and names, with the
 * number of clusters each covers and their pinyin, and the years of its lists. Built once per
 * reader from the facet ordinals, not per request. It reads pinyin input back into characters
 * (shengwuyiyao, swyy → 生物医药) and feeds autocomplete.
 */
public final class Vocabulary {
  private static final FacetsConfig FACETS = Fields.facetsConfig();

  /** Most character readings taken for one pinyin input. */
  private static final int READINGS = 3;

  /**
   * One word and how many clusters it covers.
   *
   * @param term the facet drill-down term of the clusters it covers
   */
  public record Entry(
      String text, String kind, long count, String pinyin, String initials, Term term) {}

  private final List<Entry> entries;
  private final List<Integer> years;
  private final List<Entry> searchable;
  private final List<Entry> phrases;
  private final List<String> searchableText;
  private final java.util.Set<String> phraseTexts;
  private final java.util.Set<String> placeTexts;
  private final Map<String, List<String>> byPinyin;
  private final Map<String, List<String>> byInitials;

  private Vocabulary(
      List<Entry> entries,
      List<Integer> years,
      Map<String, List<String>> byPinyin,
      Map<String, List<String>> byInitials) {
    this.entries = entries;
    this.years = years;
    this.searchable =
        entries.stream()
            .filter(e -> e.kind().equals("industry") || e.kind().equals("place"))
            .toList();
    this.phrases =
        entries.stream()
            .filter(e -> e.kind().equals("sector") || e.kind().equals("industry"))
            .toList();
    this.placeTexts =
        java.util.Set.copyOf(
            entries.stream()
                .filter(e -> e.kind().equals("place"))
                .map(Entry::text)
                .distinct()
                .toList());
    this.phraseTexts = java.util.Set.copyOf(phrases.stream().map(Entry::text).distinct().toList());
    this.searchableText = searchable.stream().map(e -> e.text().toLowerCase(Locale.ROOT)).toList();
    this.byPinyin = byPinyin;
    this.byInitials = byInitials;
  }

  /**
   * Counts every value of the sector, industry, area and year dimensions ({@code state}) and of the
   * place and name dimensions ({@code names}, their own facet field) over all documents.
   */
  static Vocabulary build(
      SortedSetDocValuesReaderState state, SortedSetDocValuesReaderState names, Pinyin pinyin)
      throws IOException {
    Facets all = new SortedSetDocValuesFacetCounts(state);
    Facets named = new SortedSetDocValuesFacetCounts(names);
    List<Entry> entries = new ArrayList<>();
    Map<String, Map<String, Long>> full = new HashMap<>();
    Map<String, Map<String, Long>> initials = new HashMap<>();
    for (LabelAndValue sector : labels(all, Fields.DIM_INDUSTRY)) {
      entries.add(entry(sector, "sector", pinyin, Fields.DIM_INDUSTRY, sector.label));
      for (LabelAndValue industry : labels(all, Fields.DIM_INDUSTRY, sector.label)) {
        entries.add(
            entry(industry, "industry", pinyin, Fields.DIM_INDUSTRY, sector.label, industry.label));
        readings(industry, pinyin, full, initials);
      }
    }
    for (LabelAndValue place : labels(named, Fields.DIM_PLACE)) {
      entries.add(entry(place, "place", pinyin, Fields.DIM_PLACE, place.label));
      readings(place, pinyin, full, initials);
    }
    for (LabelAndValue area : labels(all, Fields.DIM_AREA)) {
      entries.add(entry(area, "area", pinyin, Fields.DIM_AREA, area.label));
    }
    for (LabelAndValue name : labels(named, Fields.DIM_NAME)) {
      entries.add(entry(name, "name", pinyin, Fields.DIM_NAME, name.label));
    }
    List<Integer> years =
        labels(all, Fields.DIM_YEAR).stream().map(v -> Integer.parseInt(v.label)).sorted().toList();
    return new Vocabulary(List.copyOf(entries), years, ranked(full), ranked(initials));
  }

  /**
   * The characters a run of Latin letters reads as, best first: full pinyin (shengwuyiyao), or
   * initials (swyy) when it is no full pinyin of any word. Empty when it reads as nothing here.
   */
  public List<String> read(String latin) {
    List<String> full = byPinyin.getOrDefault(latin, List.of());
    if (!full.isEmpty() || latin.length() < 2) {
      return full;
    }
    return byInitials.getOrDefault(latin, List.of());
  }

  /**
   * The industry phrases and places that hold {@code text} whole: where a rewriting of a query (a
   * synonym, a pinyin reading) is found, without scoring its bigrams field by field.
   */
  public List<Entry> containing(String text) {
    List<Entry> found = new ArrayList<>();
    for (int i = 0; i < searchable.size(); i++) {
      if (searchableText.get(i).contains(text)) {
        found.add(searchable.get(i));
      }
    }
    return found;
  }

  /** True when some cluster lies in place {@code name} (a city or a place a name prints). */
  public boolean hasPlace(String name) {
    return placeTexts.contains(name);
  }

  /** True when {@code text} is an industry phrase or a sector name of the index, whole. */
  public boolean isPhrase(String text) {
    return phraseTexts.contains(text);
  }

  /** The years of the lists in the index, ascending. */
  public List<Integer> years() {
    return years;
  }

  /** Every entry, sectors and industries first, then places and names. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The sectors and industry phrases only, each sector followed by its industries: what query
   * understanding and filters look through, without walking every place and cluster name.
   */
  public List<Entry> phrases() {
    return phrases;
  }

  private static List<LabelAndValue> labels(Facets facets, String dim, String... path)
      throws IOException {
    FacetResult result = facets.getAllChildren(dim, path);
    return result == null ? List.of() : List.of(result.labelValues);
  }

  private static Entry entry(
      LabelAndValue value, String kind, Pinyin pinyin, String dim, String... path) {
    List<String> syllables = pinyin.syllables(value.label);
    StringBuilder full = new StringBuilder();
    StringBuilder initials = new StringBuilder();
    for (String syllable : syllables) {
      if (syllable != null && !syllable.isEmpty()) {
        full.append(syllable);
        initials.append(syllable.charAt(0));
      }
    }
    // The dimension's own index field: place and name live in $vocabulary, not $facets (a term
    // built for the wrong field matches nothing, silently).
    Term term = DrillDownQuery.term(FACETS.getDimConfig(dim).indexFieldName, dim, path);
    return new Entry(
        value.label, kind, value.value.longValue(), full.toString(), initials.toString(), term);
  }

  /** Indexes every run of Chinese characters of a word by its pinyin and by its initials. */
  private static void readings(
      LabelAndValue value,
      Pinyin pinyin,
      Map<String, Map<String, Long>> full,
      Map<String, Map<String, Long>> initials) {
    String text = value.label;
    List<String> syllables = pinyin.syllables(text);
    long count = value.value.longValue();
    for (int i = 0; i < syllables.size(); i++) {
      StringBuilder key = new StringBuilder();
      StringBuilder letters = new StringBuilder();
      for (int j = i; j < syllables.size() && syllables.get(j) != null; j++) {
        key.append(syllables.get(j));
        letters.append(syllables.get(j).charAt(0));
        String chars = text.substring(i, j + 1);
        full.computeIfAbsent(key.toString(), k -> new LinkedHashMap<>())
            .merge(chars, count, Long::sum);
        if (j > i) {
          initials
              .computeIfAbsent(letters.toString(), k -> new LinkedHashMap<>())
              .merge(chars, count, Long::sum);
        }
      }
    }
  }

  /** For each key, its character readings: most clusters first, then longer, at most three. */
  private static Map<String, List<String>> ranked(Map<String, Map<String, Long>> readings) {
    Map<String, List<String>> out = new HashMap<>();
    readings.forEach(
        (key, candidates) ->
            out.put(
                key,
                candidates.entrySet().stream()
                    .sorted(
                        Comparator.comparing(Map.Entry<String, Long>::getValue)
                            .reversed()
                            .thenComparing(e -> -e.getKey().length())
                            .thenComparing(Map.Entry::getKey))
                    .limit(READINGS)
                    .map(Map.Entry::getKey)
                    .toList()));
    return out;
  }
}
