package clustersearch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code config/provinces.yaml}: the province-level divisions in official order, and the regions a
 * list prints that are not one themselves (宁波 → 浙江), and their GB/T 2260 codes.
 */
public record Provinces(
    List<String> order, Map<String, String> regions, Map<String, String> codes) {

  public static final String FILE = "provinces.yaml";

  public Provinces {
    order = List.copyOf(Objects.requireNonNull(order, "provinces.yaml needs 'order'"));
    regions = Map.copyOf(Objects.requireNonNullElse(regions, Map.of()));
    codes = Map.copyOf(Objects.requireNonNullElse(codes, Map.of()));
    for (String province : order) {
      String code = codes.get(province);
      if (code == null || !code.matches("\\d{2}0000")) {
        throw new IllegalArgumentException(
            "codes." + province + " must be its six-digit GB/T 2260 code, got " + code);
      }
    }
    for (Map.Entry<String, String> e : regions.entrySet()) {
      if (!order.contains(e.getValue())) {
        throw new IllegalArgumentException(
            "regions." + e.getKey() + " maps to '" + e.getValue() + "', which is not in 'order'");
      }
    }
  }

  /** Reads {@code provinces.yaml} from {@code configDir}. */
  public static Provinces load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Provinces.class);
  }

  /** The province of a region as printed, or empty when the configuration does not know it. */
  public Optional<String> provinceOf(String region) {
    if (regions.containsKey(region)) {
      return Optional.of(regions.get(region));
    }
    return order.contains(region) ? Optional.of(region) : Optional.empty();
  }
}
