package clustersearch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code config/synonyms.txt} in the Solr synonym format, applied to query text (not to the index),
 * so editing it needs no reindex.
 *
 * <ul>
 *   <li>{@code 智造, 智能制造}: equivalent words; a query holding one also searches the others.
 *   <li>{@code 生物医药 => 医药, 中药}: one-way; a query holding the left side also searches the right
 *       side, at a lower weight (related, not the same), each word a little lower than the one
 *       listed before it.
 * </ul>
 *
 * Rules are matched as character strings inside each query part, never through a tokenizer: smartcn
 * segments a rule differently from the same word inside a name.
 */
public final class Synonyms {
  public static final String FILE = "synonyms.txt";

  /**
   * A query part rewritten by a rule.
   *
   * @param rank the position of the word in its rule: related words listed first are closer
   */
  public record Variant(String text, boolean related, int rank) {}

  private final Map<String, Set<String>> equivalent;
  private final Map<String, Set<String>> related;
  private final List<String> keys;

  private Synonyms(Map<String, Set<String>> equivalent, Map<String, Set<String>> related) {
    this.equivalent = equivalent;
    this.related = related;
    Set<String> all = new LinkedHashSet<>(equivalent.keySet());
    all.addAll(related.keySet());
    this.keys = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** No rules. */
  public static Synonyms none() {
    return new Synonyms(Map.of(), Map.of());
  }

  /** Reads {@code synonyms.txt} of {@code configDir}; no file means no rules. */
  public static Synonyms load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.exists(file)) {
      return none();
    }
    try {
      return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses rule lines; a malformed line fails with the file and line. */
  public static Synonyms parse(Path file, List<String> lines) {
    Map<String, Set<String>> equivalent = new LinkedHashMap<>();
    Map<String, Set<String>> related = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      String[] sides = line.split("=>", -1);
      if (sides.length > 2) {
        throw new ConfigException(where + "a rule has at most one '=>'");
      }
      List<String> left = terms(sides[0], where);
      if (sides.length == 1) {
        if (left.size() < 2) {
          throw new ConfigException(where + "an equivalence needs two or more words: " + line);
        }
        for (String term : left) {
          Set<String> others = equivalent.computeIfAbsent(term, t -> new LinkedHashSet<>());
          left.stream().filter(t -> !t.equals(term)).forEach(others::add);
        }
      } else {
        List<String> right = terms(sides[1], where);
        for (String term : left) {
          Set<String> targets = related.computeIfAbsent(term, t -> new LinkedHashSet<>());
          right.stream().filter(t -> !t.equals(term)).forEach(targets::add);
        }
      }
    }
    return new Synonyms(equivalent, related);
  }

  private static List<String> terms(String side, String where) {
    List<String> terms = new ArrayList<>();
    for (String term : side.split("[,，]", -1)) {
      String t = term.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.isEmpty()) {
        throw new ConfigException(where + "an empty word (two commas, or a comma at an end)");
      }
      terms.add(t);
    }
    return terms;
  }

  /** Every rule as word → the words a query holding it also searches (equivalent and related). */
  public Map<String, Set<String>> rules() {
    Map<String, Set<String>> all = new LinkedHashMap<>();
    equivalent.forEach((k, v) -> all.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
    related.forEach((k, v) -> all.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
    return all;
  }

  /** How many words have rules. */
  public int size() {
    return keys.size();
  }

  /**
   * The rewritings of {@code part}: each rule word found in it replaced by each of its equivalents
   * (then related words), longest rule words first, at most {@code limit}.
   */
  public List<Variant> expand(String part, int limit) {
    Map<String, Variant> variants = new LinkedHashMap<>();
    for (String key : keys) {
      if (!part.contains(key)) {
        continue;
      }
      int rank = 0;
      for (String target : equivalent.getOrDefault(key, Set.of())) {
        String text = part.replace(key, target);
        variants.putIfAbsent(text, new Variant(text, false, rank++));
      }
      rank = 0;
      for (String target : related.getOrDefault(key, Set.of())) {
        String text = part.replace(key, target);
        variants.putIfAbsent(text, new Variant(text, true, rank++));
      }
    }
    variants.remove(part);
    return variants.values().stream().limit(limit).toList();
  }
}
