package clustersearch.http;

import clustersearch.search.SearchService;
import clustersearch.source.Cluster;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An export written to the client as the records arrive, in batches: CSV and JSON stream straight
 * out, XLSX through POI's streaming workbook (a window of rows in memory, the rest in a temporary
 * file). Nothing is written, and no header set, until the first batch is ready, so a refused
 * request still gets its JSON error.
 */
abstract class RecordWriter implements SearchService.ExportSink, AutoCloseable {

  /** Opens the response (headers, then the body stream) once the export is known to succeed. */
  private final Supplier<OutputStream> open;

  private OutputStream out;

  RecordWriter(Supplier<OutputStream> open) {
    this.open = open;
  }

  /** The writer of {@code format}: csv, json or xlsx. */
  static RecordWriter of(String format, Supplier<OutputStream> open) {
    return switch (format) {
      case "json" -> new JsonRecords(open);
      case "xlsx" -> new XlsxRecords(open);
      default -> new CsvRecords(open);
    };
  }

  @Override
  public final void start(int total) throws IOException {
    out = open.get();
    begin(out, total);
  }

  abstract void begin(OutputStream out, int total) throws IOException;

  /** Finishes the document; called once after the last batch. */
  abstract void finish() throws IOException;

  @Override
  public final void close() throws IOException {
    if (out != null) {
      finish();
      out.flush();
    }
  }

  /**
   * RFC 4180 CSV in UTF-8 with a BOM (Excel reads the Chinese), headers of {@link RecordColumns}.
   */
  static final class CsvRecords extends RecordWriter {
    private Writer writer;

    CsvRecords(Supplier<OutputStream> open) {
      super(open);
    }

    @Override
    void begin(OutputStream out, int total) throws IOException {
      writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      writer.write('\uFEFF');
      row(RecordColumns.ALL.stream().map(c -> (Object) c.header()).toList());
    }

    @Override
    public void batch(List<Cluster> clusters) throws IOException {
      for (Cluster cluster : clusters) {
        row(RecordColumns.ALL.stream().map(c -> c.value().apply(cluster)).toList());
      }
    }

    private void row(List<Object> cells) throws IOException {
      writer.write(CsvExport.line(cells));
      writer.write("\r\n");
    }

    @Override
    void finish() throws IOException {
      writer.flush();
    }
  }

  /** {"total": n, "clusters": [records with the API's keys]}. */
  static final class JsonRecords extends RecordWriter {
    private JsonGenerator json;

    JsonRecords(Supplier<OutputStream> open) {
      super(open);
    }

    @Override
    void begin(OutputStream out, int total) throws IOException {
      json = Json.MAPPER.createGenerator(out);
      json.writeStartObject();
      json.writeNumberField("total", total);
      json.writeArrayFieldStart("clusters");
    }

    @Override
    public void batch(List<Cluster> clusters) throws IOException {
      for (Cluster cluster : clusters) {
        Json.MAPPER.writeValue(json, cluster);
      }
    }

    @Override
    void finish() throws IOException {
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
    }
  }

  /**
   * One sheet, as people open a table: a bold header row that stays in view (frozen) with a filter
   * on every column, columns as wide as their longest cell (a Chinese character counts two),
   * numbers as numbers, text as text (never a formula), an empty value as a blank cell, and the
   * default cell style spreadsheet readers look for.
   */
  static final class XlsxRecords extends RecordWriter {
    static final String CONTENT_TYPE =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows the streaming workbook keeps in memory before flushing to its temporary file. */
    private static final int WINDOW = 100;

    /** The widest a column grows, in characters: a long list title wraps no further. */
    private static final int MAX_WIDTH = 80;

    private SXSSFWorkbook book;
    private Sheet sheet;
    private OutputStream out;
    private int row = 1;

    /** The widest cell of each column so far, in character widths. */
    private int[] widths;

    XlsxRecords(Supplier<OutputStream> open) {
      super(open);
    }

    @Override
    void begin(OutputStream out, int total) {
      this.out = out;
      book = new SXSSFWorkbook(WINDOW);
      sheet = book.createSheet("集群");
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      widths = new int[RecordColumns.ALL.size()];
      for (int i = 0; i < RecordColumns.ALL.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(RecordColumns.ALL.get(i).header());
        cell.setCellStyle(bold);
        widths[i] = width(RecordColumns.ALL.get(i).header());
      }
      sheet.createFreezePane(0, 1);
    }

    /** How many character widths {@code text} takes: two for a wide (CJK) character. */
    static int width(String text) {
      return text.codePoints().map(c -> c >= 0x1100 ? 2 : 1).sum();
    }

    @Override
    public void batch(List<Cluster> clusters) {
      for (Cluster cluster : clusters) {
        Row r = sheet.createRow(row++);
        for (int i = 0; i < RecordColumns.ALL.size(); i++) {
          Object value = RecordColumns.ALL.get(i).value().apply(cluster);
          if (value instanceof Number n) {
            r.createCell(i).setCellValue(n.doubleValue());
            widths[i] = Math.max(widths[i], width(n.toString()));
          } else if (value != null && !value.toString().isEmpty()) {
            r.createCell(i).setCellValue(value.toString());
            widths[i] = Math.max(widths[i], width(value.toString()));
          }
        }
      }
    }

    @Override
    void finish() throws IOException {
      try {
        for (int i = 0; i < widths.length; i++) {
          sheet.setColumnWidth(i, Math.min(widths[i] + 2, MAX_WIDTH) * 256);
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, row - 1), 0, widths.length - 1));
        DefaultCellStyle.add(book.getXSSFWorkbook());
        book.write(out);
      } finally {
        book.dispose();
        book.close();
      }
    }
  }
}
