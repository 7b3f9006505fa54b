package clustersearch.source;

/**
 * Where in a list file something is: a line of a text file, or a place in a spreadsheet, Word
 * table, PDF page or JSON array ("sheet 名单, row 5, column C").
 *
 * @param line the 1-based line of a text file, or 0 when the place is not a line
 * @param place the place in words when it is not a line, else null
 */
public record Location(int line, String place) {

  /** Nowhere in particular: the whole file. */
  public static final Location FILE = new Location(0, null);

  /** A line of a text file. */
  public static Location line(int line) {
    return new Location(line, null);
  }

  /** A place that is not a line: "sheet 名单, row 5, column C", "page 2, row 3", "record 4". */
  public static Location at(String place) {
    return new Location(0, place);
  }

  /**
   * What {@code file} and this read as in a message: {@code list.txt:12} or {@code list.xlsx (…)}.
   */
  public String of(Object file) {
    if (place != null) {
      return file + " (" + place + ")";
    }
    return file + (line > 0 ? ":" + line : "");
  }

  @Override
  public String toString() {
    return place != null ? place : line > 0 ? "line " + line : "the whole file";
  }
}
