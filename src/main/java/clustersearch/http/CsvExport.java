package clustersearch.http;

import clustersearch.source.Cluster;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Clusters as CSV (RFC 4180) in UTF-8 with a byte order mark, so that Excel opens the Chinese text
 * correctly; one row per cluster, the columns and Chinese headers of {@link RecordColumns}.
 */
final class CsvExport {
  private CsvExport() {}

  static byte[] toBytes(List<Cluster> clusters) {
    StringBuilder out = new StringBuilder("\uFEFF");
    row(out, RecordColumns.ALL.stream().map(c -> (Object) c.header()).toList());
    for (Cluster cluster : clusters) {
      row(out, RecordColumns.ALL.stream().map(c -> c.value().apply(cluster)).toList());
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder out, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(escape(String.valueOf(cells.get(i))));
    }
    out.append("\r\n");
  }

  /**
   * Neutralises a cell a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR)
   * by a leading apostrophe, as OWASP recommends, then quotes a cell holding a comma, a quote or a
   * line break, doubling its quotes.
   */
  static String escape(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      cell = "'" + cell;
    }
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
