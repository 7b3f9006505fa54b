package clustersearch.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code config/regions.yaml}: the four NBS regions and the strategic areas, by province or city.
 */
public record Regions(Map<String, Area> regions, Map<String, Area> areas) {

  public static final String FILE = "regions.yaml";

  public Regions {
    // In the file's order: the order of charts and facets.
    regions =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(regions, "regions.yaml needs 'regions'")));
    areas =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNullElse(areas, Map.of())));
  }

  /** One region or area: its English name, members, and other names people use. */
  public record Area(String en, List<String> provinces, List<String> cities, List<String> aliases) {
    public Area {
      Objects.requireNonNull(en, "every region and area needs 'en'");
      provinces = List.copyOf(Objects.requireNonNullElse(provinces, List.of()));
      cities = List.copyOf(Objects.requireNonNullElse(cities, List.of()));
      aliases = List.copyOf(Objects.requireNonNullElse(aliases, List.of()));
    }
  }

  public static Regions load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Regions.class);
  }
}
