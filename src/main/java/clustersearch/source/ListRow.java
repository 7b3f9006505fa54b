package clustersearch.source;

/**
 * One data row of a list document as printed, with merged cells already filled from the row above.
 *
 * @param line the 1-based line of the row's 序号 cell, for error messages
 */
public record ListRow(
    int line, int seq, String region, String name, String builder, String recommender) {}
