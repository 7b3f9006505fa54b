package clustersearch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code config/concepts.yaml}: groups of industry words by sub-category of the 2018
 * classification.
 */
public record Concepts(List<Group> groups) {

  public static final String FILE = "concepts.yaml";

  public Concepts {
    groups = List.copyOf(Objects.requireNonNullElse(groups, List.of()));
  }

  /** One group: where it comes from, and its words. */
  public record Group(String source, List<String> words) {
    public Group {
      Objects.requireNonNull(source, "every concept group needs its 'source'");
      words =
          Objects.requireNonNull(words, "every concept group needs 'words'").stream()
              .map(w -> w.toLowerCase(Locale.ROOT))
              .toList();
    }
  }

  /** The other words of every group holding {@code word} (电动车: the vehicle words), in order. */
  public List<String> neighbours(String word) {
    Set<String> out = new LinkedHashSet<>();
    for (Group g : groups) {
      if (g.words().contains(word)) {
        for (String w : g.words()) {
          if (!w.equals(word)) {
            out.add(w);
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  public static Concepts load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Concepts.class);
  }
}
