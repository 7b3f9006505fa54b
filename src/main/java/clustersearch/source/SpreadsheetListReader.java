package clustersearch.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

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
}
