package clustersearch.source;

import java.nio.file.Path;
import java.time.Year;

/**
 * The years a list may be of: the Ministry's innovative industrial cluster pilots began in 2013, so
 * a list before 2000 or after next year is a typo (1850, 20233), refused before anything is stored:
 * the data folder's file names carry the year, and a year they cannot carry would stop every later
 * build.
 */
public final class ListYears {
  /** The earliest year accepted. */
  public static final int FIRST = 2000;

  private ListYears() {}

  /** The latest year accepted: next year (a list is sometimes published ahead). */
  public static int last() {
    return Year.now().getValue() + 1;
  }

  /** Refuses {@code year} of {@code file} when it is outside {@link #FIRST}..{@link #last()}. */
  public static void check(int year, Path file) {
    if (year < FIRST || year > last()) {
      throw new ListFormatException(
          file,
          Location.FILE,
          "the year "
              + year
              + " is outside "
              + FIRST
              + "–"
              + last()
              + " (the cluster lists begin in 2013); give the list's year with --year");
    }
  }
}
