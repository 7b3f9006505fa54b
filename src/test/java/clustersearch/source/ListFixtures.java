package clustersearch.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Writes a list in the formats it is published in, as the tests need them (no committed binaries):
 * the same title and rows as XLSX or XLS with 地区 merged down over a province's rows, DOCX with a
 * merged 地区 column, a text PDF set in WenQuanYi Zen Hei (Debian's fonts-wqy-zenhei), CSV and JSON.
 * The layouts are the published ones with a twist each: columns in another order and an extra 备注
 * column in spreadsheets, wrapped 建设单位 cells in the PDF.
 */
public final class ListFixtures {
  /** The CJK font the PDFs are set in; .ci/run installs it. */
  public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

  /** A spreadsheet's column order: not the printed one, and an extra column. */
  public static final List<String> SHEET_COLUMNS =
      List.of("序号", "集群名称", "地区", "建设单位", "推荐单位", "备注");

  private ListFixtures() {}

  public static String cell(ListRow row, String column) {
    return switch (column) {
      case "序号" -> Integer.toString(row.seq());
      case "地区" -> row.region();
      case "集群名称" -> row.name();
      case "建设单位" -> row.builder();
      case "推荐单位" -> row.recommender();
      default -> "";
    };
  }

  /** True when {@code row} continues the region of the row above (a merged cell in print). */
  public static boolean sameRegionAsAbove(List<ListRow> rows, int i) {
    return i > 0 && rows.get(i - 1).region().equals(rows.get(i).region());
  }

  /** XLSX (or XLS): a title row merged across, the header, rows; 地区 merged down. */
  public static Path spreadsheet(Path file, String title, List<ListRow> rows, boolean xls)
      throws IOException {
    try (Workbook book = xls ? new HSSFWorkbook() : new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("名单");
      book.createSheet("说明").createRow(0).createCell(0).setCellValue("本表仅供参考");
      sheet.createRow(0).createCell(0).setCellValue(title);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, SHEET_COLUMNS.size() - 1));
      Row header = sheet.createRow(1);
      for (int c = 0; c < SHEET_COLUMNS.size(); c++) {
        header.createCell(c).setCellValue(SHEET_COLUMNS.get(c));
      }
      int regionColumn = SHEET_COLUMNS.indexOf("地区");
      int groupStart = -1;
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(i + 2);
        ListRow r = rows.get(i);
        for (int c = 0; c < SHEET_COLUMNS.size(); c++) {
          String column = SHEET_COLUMNS.get(c);
          if (column.equals("序号")) {
            row.createCell(c).setCellValue(r.seq()); // a number, as Excel keeps it
          } else if (column.equals("地区") && sameRegionAsAbove(rows, i)) {
            row.createCell(c); // under a merged cell
          } else {
            row.createCell(c).setCellValue(cell(r, column));
          }
        }
        if (!sameRegionAsAbove(rows, i)) {
          merge(sheet, groupStart, i + 1, regionColumn);
          groupStart = i + 2;
        }
      }
      merge(sheet, groupStart, rows.size() + 1, regionColumn);
      try (OutputStream out = Files.newOutputStream(file)) {
        book.write(out);
      }
    }
    return file;
  }

  private static void merge(Sheet sheet, int first, int last, int column) {
    if (first >= 0 && last > first) {
      sheet.addMergedRegion(new CellRangeAddress(first, last, column, column));
    }
  }

  /** DOCX: 附件, the title paragraph, and the table with 地区 merged down (vMerge). */
  public static Path docx(Path file, String title, List<ListRow> rows) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("附件");
      doc.createParagraph().createRun().setText(title);
      XWPFTable table = doc.createTable(rows.size() + 1, ListTable.COLUMNS.size());
      for (int c = 0; c < ListTable.COLUMNS.size(); c++) {
        table.getRow(0).getCell(c).setText(ListTable.COLUMNS.get(c));
      }
      for (int i = 0; i < rows.size(); i++) {
        XWPFTableRow row = table.getRow(i + 1);
        for (int c = 0; c < ListTable.COLUMNS.size(); c++) {
          String column = ListTable.COLUMNS.get(c);
          boolean continued = column.equals("地区") && sameRegionAsAbove(rows, i);
          boolean starts =
              column.equals("地区")
                  && !continued
                  && i + 1 < rows.size()
                  && sameRegionAsAbove(rows, i + 1);
          if (continued || starts) {
            CTTcPr pr = row.getCell(c).getCTTc().addNewTcPr();
            pr.addNewVMerge().setVal(continued ? STMerge.CONTINUE : STMerge.RESTART);
          }
          if (!continued) {
            row.getCell(c).setText(cell(rows.get(i), column));
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        doc.write(out);
      }
    }
    return file;
  }

  /** DOCX whose header cell 建设单位 spans two grid columns (gridSpan), the rest as {@link #docx}. */
  public static void spanHeader(XWPFTable table, int column) {
    table.getRow(0).getCell(column).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.TWO);
  }

  /** Left edges (points) of the PDF's columns, in the printed order. */
  private static final float[] PDF_X = {36, 70, 130, 400, 620};

  private static final int PDF_ROWS_PER_PAGE = 18;
  private static final int PDF_BUILDER_WRAP = 10;

  /**
   * A text PDF, A4 landscape: the title, the header on every page, 18 rows a page; 地区 printed on
   * the first row of its group only (merged), 建设单位 wrapped after 10 characters.
   */
  public static Path pdf(Path file, String title, List<ListRow> rows) throws IOException {
    try (PDDocument doc = new PDDocument();
        TrueTypeCollection fonts = new TrueTypeCollection(CJK_FONT.toFile())) {
      PDFont font = PDType0Font.load(doc, fonts.getFontByName("WenQuanYiZenHei"), true);
      int i = 0;
      while (i < rows.size()) {
        PDPage page =
            new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
        doc.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
          float y = page.getMediaBox().getHeight() - 40;
          if (i == 0) {
            write(text, font, 10, 36, y, "附件");
            y -= 18;
            write(text, font, 12, 250, y, title);
            y -= 26;
          }
          for (int c = 0; c < ListTable.COLUMNS.size(); c++) {
            write(text, font, 9, PDF_X[c], y, ListTable.COLUMNS.get(c));
          }
          y -= 16;
          for (int n = 0; n < PDF_ROWS_PER_PAGE && i < rows.size(); n++, i++) {
            ListRow r = rows.get(i);
            write(text, font, 8, PDF_X[0], y, Integer.toString(r.seq()));
            if (!sameRegionAsAbove(rows, i) || n == 0) {
              write(text, font, 8, PDF_X[1], y, r.region());
            }
            write(text, font, 8, PDF_X[2], y, r.name());
            write(text, font, 8, PDF_X[4], y, r.recommender());
            String builder = r.builder();
            while (builder.length() > PDF_BUILDER_WRAP) {
              write(text, font, 8, PDF_X[3], y, builder.substring(0, PDF_BUILDER_WRAP));
              builder = builder.substring(PDF_BUILDER_WRAP);
              y -= 11;
            }
            write(text, font, 8, PDF_X[3], y, builder);
            y -= 14;
          }
        }
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /**
   * A text list of {@code count} rows numbered 1 … count, row i copying {@code rows[i % size]},
   * under a title of {@code year}.
   */
  public static String longTextList(int year, List<ListRow> rows, int count) {
    StringBuilder text = new StringBuilder(year + "年度创新型产业集群名单\n\n");
    for (int i = 1; i <= count; i++) {
      ListRow r = rows.get(i % rows.size());
      text.append('\t').append(i);
      for (String cell : List.of(r.region(), r.name(), r.builder(), r.recommender())) {
        text.append("\n\t").append(cell);
      }
      text.append("\n\n");
    }
    return text.toString();
  }

  /** A PDF of one blank page, as a scan without text reads. */
  public static Path scannedPdf(Path file) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage(PDRectangle.A4));
      doc.save(file.toFile());
    }
    return file;
  }

  private static void write(
      PDPageContentStream text, PDFont font, float size, float x, float y, String s)
      throws IOException {
    text.beginText();
    text.setFont(font, size);
    text.newLineAtOffset(x, y);
    text.showText(s);
    text.endText();
  }

  /** CSV in {@code charset}: a title row, the header, rows (blank 地区 under the same region). */
  public static Path csv(Path file, String title, List<ListRow> rows, Charset charset)
      throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      if (title != null) {
        csv.printRecord(title);
      }
      csv.printRecord(ListTable.COLUMNS);
      for (int i = 0; i < rows.size(); i++) {
        ListRow r = rows.get(i);
        int index = i;
        csv.printRecord(
            ListTable.COLUMNS.stream()
                .map(c -> c.equals("地区") && sameRegionAsAbove(rows, index) ? "" : cell(r, c))
                .toList());
      }
    }
    Files.writeString(file, out.toString(), charset);
    return file;
  }

  /** JSON: {"title", "clusters": [records keyed by column]} or, with a null title, the array. */
  public static Path json(Path file, String title, List<ListRow> rows, Function<String, String> key)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode records = mapper.createArrayNode();
    for (ListRow r : rows) {
      ObjectNode record = records.addObject();
      for (String c : ListTable.COLUMNS) {
        if (c.equals("序号")) {
          record.put(key.apply(c), r.seq());
        } else {
          record.put(key.apply(c), cell(r, c));
        }
      }
    }
    if (title == null) {
      mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), records);
    } else {
      ObjectNode root = mapper.createObjectNode();
      root.put("title", title);
      root.set("clusters", records);
      mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
    return file;
  }
}
