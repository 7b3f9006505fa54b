package clustersearch.http;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** One CSV record of an export ({@link RecordWriter.CsvRecords} writes them). */
final class CsvExport {
  private CsvExport() {}

  /**
   * The cells as one RFC 4180 record, without its line break: quoted by Commons CSV where a cell
   * holds a comma, a quote or a line break, and a cell a spreadsheet would read as a formula
   * (starting with =, +, -, @, tab or CR) neutralised by a leading apostrophe, as OWASP recommends.
   */
  static String line(List<?> cells) {
    return CSVFormat.RFC4180.format(
        cells.stream().map(c -> c == null ? "" : neutralise(String.valueOf(c))).toArray());
  }

  private static String neutralise(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }
}
