package clustersearch.http;

import javax.xml.namespace.QName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTStylesheet;

/**
 * The named cell style "Normal" a workbook's styles part lists in {@code <cellStyles>}, which
 * spreadsheet readers expect (openpyxl warns "Workbook contains no default style" without it) and
 * POI does not write. Inserted as plain XML where the schema puts it (after {@code <cellXfs>}): the
 * typed class for it is not in the schemas poi-ooxml-lite ships.
 */
final class DefaultCellStyle {
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  private DefaultCellStyle() {}

  static void add(XSSFWorkbook book) {
    CTStylesheet css = book.getStylesSource().getCTStylesheet();
    try (XmlCursor c = css.newCursor()) {
      if (c.toChild(new QName(MAIN, "cellStyles"))) {
        return;
      }
    }
    try (XmlCursor c = css.newCursor()) {
      // POI fills the stylesheet's fonts, fills and xfs only as it writes it, each in schema
      // order, so they will land before this; of the elements after it, none may come first.
      boolean later = false;
      for (String name : new String[] {"dxfs", "tableStyles", "colors", "extLst"}) {
        if (c.toChild(new QName(MAIN, name))) {
          later = true;
          break;
        }
      }
      if (!later) {
        c.toEndToken();
      }
      c.beginElement(new QName(MAIN, "cellStyles"));
      c.insertAttributeWithValue("count", "1");
      c.beginElement(new QName(MAIN, "cellStyle"));
      c.insertAttributeWithValue("name", "Normal");
      c.insertAttributeWithValue("xfId", "0");
      c.insertAttributeWithValue("builtinId", "0");
    }
  }
}
