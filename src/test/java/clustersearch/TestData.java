package clustersearch;

import clustersearch.config.AppConfig;
import clustersearch.config.Settings;
import clustersearch.index.IndexBuild;
import clustersearch.search.SearchStack;
import clustersearch.source.Cluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The real list, the project's real configuration, and the hand-written expectations. */
public final class TestData {
  /** The bundled 2021 list; Maven runs tests in the project folder. */
  public static final Path LIST_2021 = Path.of("data", "clusters-2021.txt").toAbsolutePath();

  public static final Path CONFIG = Path.of("config").toAbsolutePath();

  private TestData() {}

  /**
   * The project's configuration, reading {@code dataDir} and writing the index under {@code home}.
   */
  public static AppConfig config(Path home, Path dataDir) {
    AppConfig real = AppConfig.load(home, CONFIG);
    Settings s = real.settings();
    Settings settings =
        s.withPaths(
            new Settings.Paths(
                dataDir.toAbsolutePath().toString(), home.resolve("index").toString()));
    return real.with(settings);
  }

  /** A copy of the project's config/ folder as {@code home}/config, for a test to edit. */
  public static Path copyOfConfig(Path home) throws IOException {
    Path config = Files.createDirectories(home.resolve("config"));
    try (java.util.stream.Stream<Path> files = Files.list(CONFIG)) {
      for (Path f : files.toList()) {
        Files.copy(f, config.resolve(f.getFileName()));
      }
    }
    return config;
  }

  /** The clusters of the bundled 2021 list as {@code config} classifies them. */
  public static List<Cluster> clusters2021(AppConfig config) throws IOException {
    return clustersearch.source.Classifier.of(config)
        .classify(clustersearch.source.TextListReader.parse(LIST_2021));
  }

  /** The project's configuration over the bundled data, indexing under {@code home}. */
  public static AppConfig config(Path home) {
    return config(home, LIST_2021.getParent());
  }

  /** Indexes the bundled list under {@code home} and opens it for searching. */
  public static SearchStack indexAndOpen(Path home) throws IOException {
    IndexBuild.run(config(home));
    return SearchStack.open(config(home)).orElseThrow();
  }

  /**
   * The 43 records of the 2021 list as a person reads the table (src/test/resources), without their
   * English names (tested on their own): compare with {@code ignoringFields("english")}.
   */
  public static List<Cluster> expected2021() {
    try {
      List<String> lines =
          Files.readAllLines(
              Path.of("src/test/resources/clusters-2021-expected.tsv"), StandardCharsets.UTF_8);
      return lines.stream()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("\t", -1))
          .map(
              f ->
                  new Cluster(
                      "2021-" + f[0],
                      2021,
                      Integer.parseInt(f[0]),
                      f[1],
                      f[2],
                      f[3],
                      f[4],
                      Arrays.asList(f[5].split("\\|")),
                      f[6],
                      f[7],
                      f[8],
                      f[9],
                      Arrays.asList(f[10].split("\\|")),
                      "2021年度创新型产业集群试点（培育）名单",
                      "试点（培育）",
                      null))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
