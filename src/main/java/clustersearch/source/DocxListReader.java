package clustersearch.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * DOCX lists (Apache POI XWPF): the document's table (or tables, when a list is split into
 * several), the header row found by its five columns; the year from the title paragraph above. A
 * cell merged down from the one above (vMerge) means "same as above"; a cell spanning columns
 * (gridSpan) takes its first column.
 */
public final class DocxListReader implements ListReader {

  @Override
  public String format() {
    return "DOCX";
  }

  @Override
  public List<String> extensions() {
    return List.of("docx");
  }

  @Override
  public boolean recognizes(byte[] head) {
    return ListReaders.isZip(head);
  }

  @Override
  public ListDocument read(Path file, ReadOptions options) throws IOException {
    XWPFDocument document;
    try (InputStream in = Files.newInputStream(file)) {
      document = new XWPFDocument(in);
    } catch (IOException | RuntimeException e) {
      throw new ListFormatException(
          file, Location.FILE, "not a readable DOCX document: " + e.getMessage());
    }
    try (document) {
      List<String> preamble = new ArrayList<>();
      List<ListTable.RawRow> rows = new ArrayList<>();
      int tables = 0;
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph && tables == 0) {
          preamble.add(paragraph.getText());
        } else if (element instanceof XWPFTable table) {
          tables++;
          rows.addAll(rows(table, tables));
        }
      }
      if (tables == 0) {
        throw new ListFormatException(
            file, Location.FILE, "the document has no table (the list is a table in Word)");
      }
      return ListTable.fromTable(
          file, "DOCX, " + tables + (tables == 1 ? " table" : " tables"), preamble, rows, options);
    }
  }

  private static List<ListTable.RawRow> rows(XWPFTable table, int number) {
    List<ListTable.RawRow> rows = new ArrayList<>();
    List<String> above = List.of();
    int r = 0;
    for (XWPFTableRow row : table.getRows()) {
      r++;
      List<String> cells = new ArrayList<>();
      List<Location> at = new ArrayList<>();
      for (XWPFTableCell cell : row.getTableCells()) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        int span = 1;
        boolean continued = false;
        if (properties != null) {
          if (properties.isSetGridSpan()) {
            span = Math.max(1, properties.getGridSpan().getVal().intValue());
          }
          if (properties.isSetVMerge()) {
            STMerge.Enum merge = properties.getVMerge().getVal();
            continued = merge == null || merge == STMerge.CONTINUE;
          }
        }
        int column = cells.size();
        String text = cell.getText().strip();
        if (continued && text.isEmpty() && column < above.size()) {
          text = above.get(column); // merged down: the value of the cell above
        }
        for (int s = 0; s < span; s++) {
          cells.add(s == 0 ? text : "");
          at.add(Location.at("table " + number + ", row " + r + ", column " + (cells.size())));
        }
      }
      above = cells;
      rows.add(new ListTable.RawRow(Location.at("table " + number + ", row " + r), cells, at));
    }
    return rows;
  }
}
