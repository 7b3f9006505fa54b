package clustersearch.source;

import java.nio.file.Path;

/**
 * A list document that cannot be read as a cluster list; names the file and where in it (line,
 * sheet/row/column, page/row or record).
 */
public class ListFormatException extends RuntimeException {
  private final Path file;
  private final Location location;

  public ListFormatException(Path file, Location location, String problem) {
    super(location.of(file) + ": " + problem);
    this.file = file;
    this.location = location;
  }

  /** A problem at a line of a text file (0: the whole file). */
  public ListFormatException(Path file, int line, String problem) {
    this(file, Location.line(line), problem);
  }

  public Path file() {
    return file;
  }

  /** Where the problem is. */
  public Location location() {
    return location;
  }

  /** The 1-based line of the problem in a text file, or 0 when it is not a line. */
  public int line() {
    return location.line();
  }
}
