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
public record Judgments(Map<String, Map<String, Integer>> grades) {

  /** The judgment set of the bundled 2021 list, relative to the project folder. */
  public static final String DEFAULT_FILE = "src/test/resources/relevance/judgments-2021.tsv";

  /** Reads a judgment file; a malformed line fails with the file and line. */
  public static Judgments load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 3 || !f[2].strip().matches("[0-3]")) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected query<TAB>id<TAB>grade 0-3, got: " + line);
      }
      Integer before =
          grades
              .computeIfAbsent(f[0], q -> new LinkedHashMap<>())
              .put(f[1].strip(), Integer.parseInt(f[2].strip()));
      if (before != null) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": " + f[0] + " / " + f[1] + " judged twice");
      }
    }
    return new Judgments(grades);
  }
}
