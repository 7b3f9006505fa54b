package clustersearch.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** {@code config/pinyin.yaml}: words whose pinyin ICU reads wrongly (长治 as zhang zhi). */
public record PinyinConfig(Map<String, String> overrides) {
  public static final String FILE = "pinyin.yaml";

  public PinyinConfig {
    overrides = Map.copyOf(Objects.requireNonNullElse(overrides, Map.of()));
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      int syllables = e.getValue().strip().split("\\s+").length;
      if (syllables != e.getKey().codePointCount(0, e.getKey().length())) {
        throw new IllegalArgumentException(
            "overrides."
                + e.getKey()
                + ": give one syllable per character, got '"
                + e.getValue()
                + "'");
      }
    }
  }

  /** Reads {@code pinyin.yaml} of {@code configDir}. */
  public static PinyinConfig load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), PinyinConfig.class);
  }
}
