package clustersearch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code config/knowledge.yaml}: industry concepts by the categories of 《战略性新兴产业分类（2018）》 with
 * their terms and related GB/T 4754-2017 classes, and policy word groups with the categories they
 * mean. Index-time data: an edit needs a reindex.
 */
public record Knowledge(List<Concept> concepts, List<Policy> policies) {

  public static final String FILE = "knowledge.yaml";

  public Knowledge {
    concepts = List.copyOf(Objects.requireNonNull(concepts, "knowledge.yaml needs 'concepts'"));
    policies = List.copyOf(Objects.requireNonNullElse(policies, List.of()));
    Set<String> ids = new HashSet<>();
    for (Concept c : concepts) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("concept id '" + c.id() + "' is given twice");
      }
    }
    for (Concept c : concepts) {
      String parent = parentOf(c.id());
      if (parent != null && !ids.contains(parent)) {
        throw new IllegalArgumentException(
            "concept '" + c.id() + "' has no parent concept '" + parent + "'");
      }
    }
    for (Policy p : policies) {
      for (String id : p.means().keySet()) {
        if (!ids.contains(id)) {
          throw new IllegalArgumentException(
              "policy '" + p.id() + "' means unknown concept '" + id + "'");
        }
      }
    }
  }

  /**
   * One category (or the project's cut inside one).
   *
   * @param id the classification's code (4.1.3); a letter marks the project's own cut (2.1.B)
   * @param gbt4754 related classes of GB/T 4754-2017, code then name (C3841 锂离子电池制造)
   * @param note why a project cut or an outside industry stands where it does
   */
  public record Concept(
      String id, String name, List<String> terms, List<String> gbt4754, String note) {
    public Concept {
      Objects.requireNonNull(id, "every concept needs an 'id'");
      Objects.requireNonNull(name, "concept " + id + " needs a 'name'");
      terms = lower(Objects.requireNonNull(terms, "concept " + id + " needs 'terms'"));
      gbt4754 = List.copyOf(Objects.requireNonNullElse(gbt4754, List.of()));
      for (String cls : gbt4754) {
        if (!cls.matches("[A-T]\\d{4} \\S+")) {
          throw new IllegalArgumentException(
              "concept " + id + ": a GB/T 4754 class is 'code name' (C3841 锂离子电池制造), got: " + cls);
        }
      }
    }

    /** Its terms, its name and its GB/T 4754 class names without 制造 / 服务 / 生产. */
    public List<String> allTerms() {
      List<String> all = new ArrayList<>(terms);
      all.add(name.toLowerCase(Locale.ROOT));
      for (String cls : gbt4754) {
        String name = cls.substring(cls.indexOf(' ') + 1);
        String bare = name.replaceAll("(制造|服务|生产|加工)$", "");
        all.add(bare.length() >= 2 ? bare : name);
      }
      return all;
    }
  }

  /**
   * A group of policy words.
   *
   * @param source the document the group and its meaning come from
   * @param means the concepts the words mean, each with how directly (0–1]
   */
  public record Policy(
      String id, String name, String source, List<String> terms, Map<String, Double> means) {
    public Policy {
      Objects.requireNonNull(id, "every policy needs an 'id'");
      Objects.requireNonNull(source, "policy " + id + " needs its 'source' document");
      terms = lower(Objects.requireNonNull(terms, "policy " + id + " needs 'terms'"));
      means = new LinkedHashMap<>(Objects.requireNonNull(means, "policy " + id + " needs 'means'"));
      for (Map.Entry<String, Double> e : means.entrySet()) {
        if (e.getValue() == null || e.getValue() <= 0 || e.getValue() > 1) {
          throw new IllegalArgumentException(
              "policy " + id + ": means." + e.getKey() + " must be in (0, 1]");
        }
      }
      means = Map.copyOf(means);
    }
  }

  /** The parent of a concept id (4.1.3 → 4.1), or null for a sector. */
  public static String parentOf(String id) {
    int dot = id.lastIndexOf('.');
    return dot < 0 ? null : id.substring(0, dot);
  }

  /** Every term of every concept and policy. */
  public int termCount() {
    return concepts.stream().mapToInt(c -> c.allTerms().size()).sum()
        + policies.stream().mapToInt(p -> p.terms().size()).sum();
  }

  private static List<String> lower(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (w == null || w.isBlank()) {
        throw new IllegalArgumentException("an empty term");
      }
      out.add(w.strip().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(out);
  }

  public static Knowledge load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Knowledge.class);
  }
}
