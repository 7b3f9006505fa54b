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
    PinyinConfig pinyin) {

  /** Loads every configuration file of {@code configDir}; a bad file fails here, naming it. */
  public static AppConfig load(Path home, Path configDir) {
    return new AppConfig(
        home,
        configDir,
        Settings.load(configDir),
        Provinces.load(configDir),
        IndustryRules.load(configDir),
        PinyinConfig.load(configDir));
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
