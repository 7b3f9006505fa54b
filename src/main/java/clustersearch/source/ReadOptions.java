package clustersearch.source;

/**
 * What a reader is told besides the file.
 *
 * @param year the list's year when the file has no title that says it (a CSV or JSON prepared by
 *     hand), else null
 * @param fallback true when {@code year} only stands in for a missing title (the year in a data
 *     file's name); false when it was given (--year), so a title that says another year is an error
 */
public record ReadOptions(Integer year, boolean fallback) {

  /** Nothing told: the year comes from the title. */
  public static final ReadOptions NONE = new ReadOptions(null, false);

  /** The year given with --year (null: none). */
  public static ReadOptions year(Integer year) {
    return new ReadOptions(year, false);
  }
}
