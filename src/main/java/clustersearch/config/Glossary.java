package clustersearch.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** {@code config/glossary.yaml}: English names of sectors, zones, industries, and query words. */
public record Glossary(
    Map<String, String> sectors,
    Map<String, String> zones,
    String suffix,
    Map<String, String> industries,
    Map<String, String> words) {

  public static final String FILE = "glossary.yaml";

  public Glossary {
    sectors = Map.copyOf(Objects.requireNonNullElse(sectors, Map.of()));
    zones = Map.copyOf(Objects.requireNonNullElse(zones, Map.of()));
    suffix = Objects.requireNonNullElse(suffix, "");
    industries = Map.copyOf(Objects.requireNonNullElse(industries, Map.of()));
    words = Map.copyOf(Objects.requireNonNullElse(words, Map.of()));
  }

  public static Glossary load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Glossary.class);
  }
}
