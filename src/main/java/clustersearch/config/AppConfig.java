package clustersearch.config;

import java.nio.file.Path;

/**
 * Everything read from the config folder at start-up, once.
 *
 * @param home the project folder that relative paths in the settings resolve against
 */
public record AppConfig(
    Path home,
    Path configDir,
    Settings settings,
    Provinces provinces,
    IndustryRules industries,
    PinyinConfig pinyin,
    Places places,
    Divisions divisions,
    Regions regions,
    Glossary glossary,
    Concepts concepts,
    Knowledge knowledge,
    Understanding understanding,
    Weights weights) {

  /** Loads every configuration file of {@code configDir}; a bad file fails here, naming it. */
  public static AppConfig load(Path home, Path configDir) {
    return new AppConfig(
        home,
        configDir,
        Settings.load(configDir),
        Provinces.load(configDir),
        IndustryRules.load(configDir),
        PinyinConfig.load(configDir),
        Places.load(configDir),
        Divisions.load(configDir),
        Regions.load(configDir),
        Glossary.load(configDir),
        Concepts.load(configDir),
        Knowledge.load(configDir),
        Understanding.load(configDir),
        Weights.load(configDir));
  }

  /** The same configuration with other settings (tests point paths elsewhere). */
  public AppConfig with(Settings other) {
    return copy(other, configDir);
  }

  /** The same configuration, with {@code synonyms.txt} re-read from {@code dir} from now on. */
  public AppConfig withConfigDir(Path dir) {
    return copy(settings, dir);
  }

  private AppConfig copy(Settings settings, Path configDir) {
    return new AppConfig(
        home,
        configDir,
        settings,
        provinces,
        industries,
        pinyin,
        places,
        divisions,
        regions,
        glossary,
        concepts,
        knowledge,
        understanding,
        weights);
  }

  /** Re-reads {@code synonyms.txt}: it is query-time data, read at start and after a reindex. */
  public Synonyms synonyms() {
    return Synonyms.load(configDir);
  }

  /** The folder of source lists. */
  public Path dataDir() {
    return home.resolve(settings.paths().data());
  }

  /** The folder that holds the index generations. */
  public Path indexDir() {
    return home.resolve(settings.paths().index());
  }
}
