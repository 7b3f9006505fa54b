package clustersearch.http;

import clustersearch.source.Cluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Clusters as an XLSX workbook: one sheet, a bold header row of {@link RecordColumns}' Chinese
 * headers, numbers as numbers. Written with POI's streaming workbook, which keeps only a window of
 * rows in memory. Text is written as text, never as a formula.
 */
final class XlsxExport {
  static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Rows the streaming workbook keeps in memory before flushing to its temporary file. */
  private static final int WINDOW = 100;

  private XlsxExport() {}

  static byte[] toBytes(List<Cluster> clusters) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("集群");
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int i = 0; i < RecordColumns.ALL.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(RecordColumns.ALL.get(i).header());
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (Cluster cluster : clusters) {
        Row row = sheet.createRow(r++);
        for (int i = 0; i < RecordColumns.ALL.size(); i++) {
          Object value = RecordColumns.ALL.get(i).value().apply(cluster);
          if (value instanceof Number n) {
            row.createCell(i).setCellValue(n.doubleValue());
          } else {
            row.createCell(i).setCellValue(String.valueOf(value));
          }
        }
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    }
  }
}
