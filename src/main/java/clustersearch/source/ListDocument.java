package clustersearch.source;

import java.nio.file.Path;
import java.util.List;

/**
 * A read list document: its title, the year and category the title carries, and its rows in list
 * order.
 *
 * @param format how it was read: "text, UTF-8", "XLSX, sheet 名单", "PDF, 2 pages" …
 * @param title the list's own title as printed ("2021年度创新型产业集群试点（培育）名单"), or "" when the file has
 *     none (a CSV or JSON prepared by hand, its year given with --year)
 * @param category 试点, 培育 or 试点（培育） when the title says so, else ""
 */
public record ListDocument(
    Path file, String format, String title, int year, String category, List<ListRow> rows) {

  public ListDocument {
    rows = List.copyOf(rows);
  }

  /** This document with {@code rows} instead of its own. */
  public ListDocument withRows(List<ListRow> rows) {
    return new ListDocument(file, format, title, year, category, rows);
  }

  /** This document without its rows: what a build's report keeps of a list it indexed. */
  public ListDocument withoutRows() {
    return new ListDocument(file, format, title, year, category, List.of());
  }
}
