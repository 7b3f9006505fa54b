package clustersearch.source;

import java.nio.file.Path;

/** A list document that cannot be read as a cluster list; names the file and the line. */
public class ListFormatException extends RuntimeException {
  private final Path file;
  private final int line;

  public ListFormatException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
