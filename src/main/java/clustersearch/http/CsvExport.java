package clustersearch.http;

import clustersearch.source.Cluster;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Clusters as CSV (RFC 4180) in UTF-8 with a byte order mark, so that Excel opens the Chinese text
 * correctly; one row per cluster, builder units joined with 、 as printed.
 */
final class CsvExport {
  static final String HEADER =
      "id,year,seq,region,province,name,builder,recommender,sector,industry";

  private CsvExport() {}

  static byte[] toBytes(List<Cluster> clusters) {
    StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (Cluster c : clusters) {
      String[] cells = {
        c.id(),
        Integer.toString(c.year()),
        Integer.toString(c.seq()),
        c.region(),
        c.province(),
        c.name(),
        c.builder(),
        c.recommender(),
        c.sector(),
        c.industry()
      };
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(escape(cells[i]));
      }
      out.append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
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
