package clustersearch.source;

import java.nio.file.Path;
import java.util.List;

/** A parsed list document: its title, the year the title carries, and its rows in list order. */
public record ListDocument(Path file, String title, int year, List<ListRow> rows) {

  public ListDocument {
    rows = List.copyOf(rows);
  }
}
