package clustersearch.http;

/** The escaping of a CSV cell ({@link RecordWriter.CsvRecords} writes the rows). */
final class CsvExport {
  private CsvExport() {}

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
