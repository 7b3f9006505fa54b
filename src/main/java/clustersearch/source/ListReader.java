package clustersearch.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one format of published list into a {@link ListDocument}; every reader applies the same
 * rules ({@link ListTable}) and names the file and where in it when it refuses.
 */
public interface ListReader {

  /** The format's name in reports and errors: "text", "XLSX", "PDF" … */
  String format();

  /** The file name endings it reads, lower case, without the dot. */
  List<String> extensions();

  /**
   * True when {@code head} (the file's first bytes) looks like this format; a text format takes
   * anything that does not start like a ZIP, OLE2 or PDF file.
   */
  default boolean recognizes(byte[] head) {
    return !ListReaders.isBinary(head);
  }

  /** Reads {@code file}. */
  ListDocument read(Path file, ReadOptions options) throws IOException;

  /** Receives a list as it is read: its title, year and category first, then each row. */
  interface RowSink {
    void header(ListDocument header) throws IOException;

    void row(ListRow row) throws IOException;
  }

  /**
   * Reads {@code file} row by row into {@code sink}, every row checked as {@link #read} checks it;
   * a broken row stops the reading where it is. This default reads the whole file first (a
   * spreadsheet, a Word or PDF document is one object); a text list streams.
   *
   * @return the list's title, year and category, without rows
   */
  default ListDocument stream(Path file, ReadOptions options, RowSink sink) throws IOException {
    return replay(read(file, options), sink);
  }

  /**
   * Hands a list already read to {@code sink}: its header, then its rows.
   *
   * @return the list's title, year and category, without rows
   */
  static ListDocument replay(ListDocument document, RowSink sink) throws IOException {
    ListDocument header = document.withoutRows();
    sink.header(header);
    for (ListRow row : document.rows()) {
      sink.row(row);
    }
    return header;
  }
}
