package clustersearch.source;

/**
 * One data row of a list document as printed, with merged cells already filled from the row above.
 *
 * @param at where the row's 序号 cell is, for error messages
 */
public record ListRow(
    Location at, int seq, String region, String name, String builder, String recommender) {

  /** The 1-based line of the row in a text file, or 0 when the list is not text. */
  public int line() {
    return at.line();
  }
}
