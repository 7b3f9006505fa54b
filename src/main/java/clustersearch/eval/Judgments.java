package clustersearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graded judgment set: for each query, the clusters a person judged, graded 0 (looks alike, not
 * relevant) to 3 (exactly what is asked). TSV lines {@code query<TAB>id<TAB>grade}; # comments.
 */
public record Judgments(Map<String, Map<String, Integer>> grades, Map<String, String> categories) {

  /** The judgment sets of the bundled 2021 list, relative to the project folder. */
  public static final String DEFAULT_FILES =
      "src/test/resources/relevance/judgments-2021.tsv,"
          + "src/test/resources/relevance/judgments-2021-understanding.tsv";

  /**
   * The untuned set (issue 16): written before the understanding it measures, never tuned on; eval
   * reports it apart from the sets above.
   */
  public static final String UNTUNED_FILE =
      "src/test/resources/relevance/judgments-2021-untuned.tsv";

  /** The category of queries before any {@code # category:} line: the list's own words. */
  public static final String MAIN = "main";

  private static final String CATEGORY = "# category:";

  /** The category of a query. */
  public String categoryOf(String query) {
    return categories.getOrDefault(query, MAIN);
  }

  /** Reads judgment files; a malformed line fails with the file and line. */
  public static Judgments load(List<Path> files) throws IOException {
    Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
    Map<String, String> categories = new LinkedHashMap<>();
    for (Path file : files) {
      read(file, grades, categories);
    }
    return new Judgments(grades, categories);
  }

  /** Reads one judgment file. */
  public static Judgments load(Path file) throws IOException {
    return load(List.of(file));
  }

  private static void read(
      Path file, Map<String, Map<String, Integer>> grades, Map<String, String> categories)
      throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String category = MAIN;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(CATEGORY)) {
        category = line.substring(CATEGORY.length()).strip();
        continue;
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 3 || !f[2].strip().matches("[0-3]")) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected query<TAB>id<TAB>grade 0-3, got: " + line);
      }
      categories.putIfAbsent(f[0], category);
      Integer before =
          grades
              .computeIfAbsent(f[0], q -> new LinkedHashMap<>())
              .put(f[1].strip(), Integer.parseInt(f[2].strip()));
      if (before != null) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": " + f[0] + " / " + f[1] + " judged twice");
      }
    }
  }
}
