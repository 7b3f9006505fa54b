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
}
