package clustersearch.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XLSX and XLS lists (Apache POI): the first sheet whose header row holds the five columns, in any
 * order, extra columns ignored; a title row above the header gives the year. A cell merged down
 * from the one above (地区 spanning a province's rows) means "same as above", as a blank cell does.
 */
public final class SpreadsheetListReader implements ListReader {

  @Override
  public String format() {
    return "XLSX/XLS";
  }

  @Override
  public List<String> extensions() {
    return List.of("xlsx", "xls");
  }

  @Override
  public boolean recognizes(byte[] head) {
    return ListReaders.isZip(head) || ListReaders.isOle2(head);
  }

  @Override
  public ListDocument read(Path file, ReadOptions options) throws IOException {
    String kind = ListReaders.extension(file).toUpperCase(java.util.Locale.ROOT);
    if (kind.equals("XLSX")) {
      refuseTooManyRows(file, options);
    }
    Workbook workbook;
    try {
      workbook = WorkbookFactory.create(file.toFile(), null, true);
    } catch (EncryptedDocumentException e) {
      throw new ListFormatException(file, Location.FILE, "the workbook is password-protected");
    } catch (IOException | RuntimeException e) {
      throw new ListFormatException(
          file, Location.FILE, "not a readable " + kind + " workbook: " + e.getMessage());
    }
    try (workbook) {
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
      List<ListTable.RawRow> first = null;
      for (Sheet sheet : workbook) {
        List<ListTable.RawRow> rows = rows(sheet, formatter, evaluator);
        if (ListTable.hasHeader(rows)) {
          return ListTable.fromTable(
              file, kind + ", sheet " + sheet.getSheetName(), List.of(), rows, options);
        }
        if (first == null && !rows.isEmpty()) {
          first = rows;
        }
      }
      if (first == null) {
        throw new ListFormatException(
            file,
            Location.FILE,
            "every sheet is empty ("
                + workbook.getNumberOfSheets()
                + (workbook.getNumberOfSheets() == 1 ? " sheet)" : " sheets)"));
      }
      // No sheet has the header: report what the first sheet with rows lacks.
      return ListTable.fromTable(file, kind, List.of(), first, options);
    }
  }

  private static List<ListTable.RawRow> rows(
      Sheet sheet, DataFormatter formatter, FormulaEvaluator evaluator) {
    Map<Long, CellRangeAddress> mergedDown = new HashMap<>();
    Map<Integer, Integer> mergedWidth = new HashMap<>(); // a row's cells under merged ones
    for (CellRangeAddress range : sheet.getMergedRegions()) {
      for (int r = range.getFirstRow() + 1; r <= range.getLastRow(); r++) {
        mergedDown.put(key(r, range.getFirstColumn()), range);
        mergedWidth.merge(r, range.getFirstColumn() + 1, Math::max);
      }
    }
    List<ListTable.RawRow> rows = new ArrayList<>();
    String name = sheet.getSheetName();
    for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      int width =
          Math.max(
              Math.max(row == null ? 0 : row.getLastCellNum(), 0), mergedWidth.getOrDefault(r, 0));
      List<String> cells = new ArrayList<>();
      List<Location> at = new ArrayList<>();
      boolean any = false;
      for (int c = 0; c < width; c++) {
        CellRangeAddress merged = mergedDown.get(key(r, c));
        Cell cell =
            merged != null
                ? cellAt(sheet, merged.getFirstRow(), merged.getFirstColumn())
                : row == null ? null : row.getCell(c);
        String value = cell == null ? "" : formatter.formatCellValue(cell, evaluator).strip();
        any |= !value.isEmpty();
        cells.add(value);
        at.add(
            Location.at(
                "sheet "
                    + name
                    + ", row "
                    + (r + 1)
                    + ", column "
                    + CellReference.convertNumToColString(c)));
      }
      if (any) {
        rows.add(
            new ListTable.RawRow(Location.at("sheet " + name + ", row " + (r + 1)), cells, at));
      }
    }
    return rows;
  }

  private static Cell cellAt(Sheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    return r == null ? null : r.getCell(column);
  }

  private static long key(int row, int column) {
    return ((long) row << 20) | column;
  }

  /** Thrown inside the row count when a workbook has a row too many. */
  private static final class TooManyRows extends SAXException {
    TooManyRows() {
      super("too many rows");
    }
  }

  /**
   * Counts the rows of every sheet of an XLSX as a stream, without loading the workbook, so that a
   * sheet of 400,000 rows is refused before POI builds it in memory ({@code lists.maxRows}). A
   * workbook that cannot be streamed is left to the loader, which names what is wrong.
   */
  private static void refuseTooManyRows(Path file, ReadOptions options) throws IOException {
    int max = options.limits().maxRows();
    int[] rows = {0};
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String name, Attributes a)
                throws SAXException {
              if (local.equals("row") && ++rows[0] > max) {
                throw new TooManyRows();
              }
            }
          });
      Iterator<InputStream> sheets = new XSSFReader(pkg).getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          xml.parse(new InputSource(sheet));
        }
      }
    } catch (TooManyRows e) {
      throw ListReaders.tooManyRows(file, Location.FILE, options);
    } catch (OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | RuntimeException e) {
      // Not a workbook that streams: WorkbookFactory says why below.
    }
  }
}
