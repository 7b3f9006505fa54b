package clustersearch.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The queries of every judgment set (src/test/resources/relevance), each once, in file order. */
final class JudgedQueries {
  private JudgedQueries() {}

  static Set<String> all() throws IOException {
    Set<String> queries = new LinkedHashSet<>();
    try (var files = Files.list(Path.of("src/test/resources/relevance"))) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.startsWith("#") && line.contains("\t")) {
            queries.add(line.substring(0, line.indexOf('\t')));
          }
        }
      }
    }
    return queries;
  }
}
