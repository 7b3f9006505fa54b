package clustersearch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code config/places.yaml}: the gazetteer's data. Every province's full name, abbreviations and
 * English name; cities and their province; places below a city and their city; development-zone
 * words (高新区, 科学城 …) that names print between their place and their industry.
 */
public record Places(
    Map<String, ProvinceNames> provinces,
    Map<String, String> cities,
    Map<String, String> within,
    List<String> zones,
    Map<String, String> english,
    Map<String, List<String>> nicknames) {

  public static final String FILE = "places.yaml";

  public Places {
    provinces = Map.copyOf(Objects.requireNonNull(provinces, "places.yaml needs 'provinces'"));
    cities = Map.copyOf(Objects.requireNonNullElse(cities, Map.of()));
    within = Map.copyOf(Objects.requireNonNullElse(within, Map.of()));
    zones = List.copyOf(Objects.requireNonNullElse(zones, List.of()));
    english = Map.copyOf(Objects.requireNonNullElse(english, Map.of()));
    nicknames = Map.copyOf(Objects.requireNonNullElse(nicknames, Map.of()));
    for (Map.Entry<String, List<String>> e : nicknames.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException("nicknames." + e.getKey() + " names no city");
      }
      for (String city : e.getValue()) {
        if (!cities.containsKey(city) && !provinces.containsKey(city)) {
          throw new IllegalArgumentException(
              "nicknames." + e.getKey() + ": '" + city + "' is neither a city nor a province here");
        }
      }
    }
  }

  /** How one province-level division is named. */
  public record ProvinceNames(String full, List<String> abbr, String en) {
    public ProvinceNames {
      abbr = List.copyOf(Objects.requireNonNullElse(abbr, List.of()));
      Objects.requireNonNull(en, "every province needs 'en'");
    }
  }

  public static Places load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Places.class);
  }
}
