package clustersearch.source;

import clustersearch.config.Knowledge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge base of config/knowledge.yaml as a dictionary: which concepts (categories of the
 * 2018 classification) and policy groups a word names, and the concepts a text names. The indexer
 * gives every cluster the concepts of its industry phrase; the query side reads a query's words
 * into the same ids, so the two meet in a few clauses instead of many expanded words.
 */
public final class IndustryKnowledge {
  /** A term found in a text: where, and what it names. */
  public record Found(
      int start, int end, String term, List<String> concepts, List<String> policies) {}

  private final Map<String, List<String>> conceptsByTerm = new HashMap<>();
  private final Map<String, List<String>> policiesByTerm = new HashMap<>();
  private final Map<String, Knowledge.Concept> concepts = new LinkedHashMap<>();
  private final Map<String, Knowledge.Policy> policies = new LinkedHashMap<>();
  private final int longest;

  public IndustryKnowledge(Knowledge knowledge) {
    int max = 1;
    for (Knowledge.Concept c : knowledge.concepts()) {
      concepts.put(c.id(), c);
      for (String t : c.allTerms()) {
        add(conceptsByTerm, t, c.id());
        max = Math.max(max, t.length());
      }
    }
    for (Knowledge.Policy p : knowledge.policies()) {
      policies.put(p.id(), p);
      for (String t : p.terms()) {
        add(policiesByTerm, t, p.id());
        max = Math.max(max, t.length());
      }
    }
    this.longest = max;
  }

  private static void add(Map<String, List<String>> map, String term, String id) {
    List<String> ids = map.computeIfAbsent(term, t -> new ArrayList<>());
    if (!ids.contains(id)) {
      ids.add(id);
    }
  }

  /** True when {@code word} is a term of a concept or a policy. */
  public boolean isTerm(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return conceptsByTerm.containsKey(w) || policiesByTerm.containsKey(w);
  }

  /** The concept of an id, or null. */
  public Knowledge.Concept concept(String id) {
    return concepts.get(id);
  }

  /** The policy group of an id, or null. */
  public Knowledge.Policy policy(String id) {
    return policies.get(id);
  }

  /** The concept ids {@code word} names as a whole (储能: 1.2.3 and 6.5), in file order. */
  public List<String> conceptsOf(String word) {
    return conceptsByTerm.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * Every term of {@code text} that no longer term found holds: the longest reading wins (新能源 of
   * 新能源汽车 is not an energy, 化工 of 煤化工 not a chemical new material).
   */
  public List<Found> find(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<Found> all = new ArrayList<>();
    for (int i = 0; i < lower.length(); i++) {
      for (int len = Math.min(longest, lower.length() - i); len >= 1; len--) {
        String t = lower.substring(i, i + len);
        List<String> c = conceptsByTerm.get(t);
        List<String> p = policiesByTerm.get(t);
        if (c != null || p != null) {
          all.add(new Found(i, i + len, t, c == null ? List.of() : c, p == null ? List.of() : p));
        }
      }
    }
    List<Found> kept = new ArrayList<>();
    for (Found f : all) {
      boolean modifier = false;
      for (Found g : all) {
        boolean inside = g.start() <= f.start() && f.end() <= g.end() && g != f;
        if (inside && g.end() - g.start() > f.end() - f.start()) {
          modifier = true;
          break;
        }
      }
      if (!modifier) {
        kept.add(f);
      }
    }
    return kept;
  }

  /**
   * The concepts an industry phrase names (锂电: 5.2 and 6.5), given to its cluster at index time; a
   * one-character term counts only as the whole phrase (铝), never inside a longer word.
   */
  public Set<String> conceptsOfPhrase(String phrase) {
    Set<String> ids = new LinkedHashSet<>();
    for (Found f : find(phrase)) {
      if (f.end() - f.start() > 1 || phrase.length() == 1) {
        ids.addAll(f.concepts());
      }
    }
    return ids;
  }

  /** The ancestors of a concept id, nearest first (4.1.3: 4.1, 4). */
  public static List<String> ancestors(String id) {
    List<String> out = new ArrayList<>();
    for (String p = Knowledge.parentOf(id); p != null; p = Knowledge.parentOf(p)) {
      out.add(p);
    }
    return out;
  }
}
