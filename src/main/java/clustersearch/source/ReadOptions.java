package clustersearch.source;

import clustersearch.config.Settings;

/**
 * What a reader is told besides the file.
 *
 * @param year the list's year when the file has no title that says it (a CSV or JSON prepared by
 *     hand), else null
 * @param fallback true when {@code year} only stands in for a missing title (the year in a data
 *     file's name); false when it was given (--year), so a title that says another year is an error
 * @param limits what one list may hold (settings.yaml {@code lists})
 */
public record ReadOptions(Integer year, boolean fallback, Settings.Lists limits) {

  /** Nothing told: the year comes from the title; the default limits. */
  public static final ReadOptions NONE = new ReadOptions(null, false, null);

  public ReadOptions {
    limits = limits == null ? Settings.Lists.defaults() : limits;
  }

  /** The year given with --year (null: none), under {@code limits}. */
  public static ReadOptions year(Integer year, Settings.Lists limits) {
    return new ReadOptions(year, false, limits);
  }

  /** These options with the year {@code year} given. */
  public ReadOptions withYear(Integer year) {
    return new ReadOptions(year, false, limits);
  }
}
