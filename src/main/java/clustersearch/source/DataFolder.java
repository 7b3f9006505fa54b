package clustersearch.source;

import clustersearch.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of source lists: every file of a format {@link ListReaders} reads, in name order. A
 * list whose file has no title (a CSV or JSON prepared by hand) takes its year from its file name
 * ({@code clusters-2023.csv}), which is how {@code index --add FILE --year 2023} stores it.
 */
public final class DataFolder {
  private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

  private DataFolder() {}

  /** A list file to read, and how. */
  public record Source(Path file, ReadOptions options) {}

  /**
   * The lists of {@code dir} as sources: each file's year from its title, else from its name, each
   * read under {@code limits}.
   */
  public static List<Source> sources(Path dir, Settings.Lists limits) throws IOException {
    return listFiles(dir).stream().map(file -> source(file, limits)).toList();
  }

  /** A data file as a source: its year from its title, else from its name. */
  public static Source source(Path file, Settings.Lists limits) {
    return new Source(file, new ReadOptions(yearInName(file), true, limits));
  }

  /** The list files of {@code dir}, sorted by name. */
  public static List<Path> listFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new ListFormatException(dir, 0, "the data folder does not exist");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> lists =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(ListReaders::isList)
              .sorted()
              .toList();
      if (lists.isEmpty()) {
        throw new ListFormatException(
            dir, 0, "the data folder holds no list (formats read: " + ListReaders.known() + ")");
      }
      return lists;
    }
  }

  /** The year a data file's name carries (clusters-2023.csv → 2023), or null. */
  public static Integer yearInName(Path file) {
    Matcher m = YEAR_IN_NAME.matcher(file.getFileName().toString());
    return m.find() ? Integer.parseInt(m.group(1)) : null;
  }

  /**
   * Records {@code document}'s year in {@code years} (year → file of the lists read so far); a
   * second list of one year is an error.
   */
  public static void checkYear(Map<Integer, Path> years, ListDocument document) {
    Path other = years.putIfAbsent(document.year(), document.file());
    if (other != null) {
      throw new ListFormatException(
          document.file(),
          0,
          "a second list of "
              + document.year()
              + " (the first is "
              + other
              + "); replace it with index --add FILE --replace");
    }
  }
}
