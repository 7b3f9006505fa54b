package clustersearch.index;

import clustersearch.config.AppConfig;
import clustersearch.source.DataFolder;
import clustersearch.source.ListDocument;
import clustersearch.source.ListFormatException;
import clustersearch.source.ListReaders;
import clustersearch.source.ListYears;
import clustersearch.source.Location;
import clustersearch.source.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code index --add FILE [--replace] [--year Y]}: checks a list, builds the index of the data
 * folder with it (in place of the list of the same year with --replace), and only then copies it
 * into the data folder as {@code clusters-YEAR.ext}. Every refusal (a broken file, a year already
 * there, a broken list already there) comes before anything is written: the served index and the
 * data folder stay as they were.
 */
public final class ListAddition {
  private ListAddition() {}

  /**
   * What an addition did.
   *
   * @param stored where the list now lies in the data folder
   * @param replaced the list of the same year it replaced, or null
   */
  public record Added(IndexBuild.Report build, ListDocument document, Path stored, Path replaced) {}

  /** Adds {@code file} to {@code config}'s data folder and rebuilds. */
  public static Added add(AppConfig config, Path file, Integer year, boolean replace)
      throws IOException {
    ReadOptions options = ReadOptions.year(year, config.settings().lists());
    if (year != null) {
      ListYears.check(year, file); // before reading: 1850 would be read as the list's year
    }
    ListDocument document = ListReaders.read(file, options); // refuses a broken file first
    ListYears.check(document.year(), file);
    Path data = config.dataDir();
    List<ListDocument> lists = new ArrayList<>(); // each read once, for its year and the build
    Path replaced = null;
    if (Files.isDirectory(data) && hasLists(data)) {
      for (DataFolder.Source source : DataFolder.sources(data, config.settings().lists())) {
        ListDocument read = ListReaders.read(source.file(), source.options());
        int existing = read.year();
        if (existing != document.year()) {
          lists.add(read);
        } else if (replace) {
          replaced = source.file();
        } else {
          throw new ListFormatException(
              file,
              Location.FILE,
              "the data folder already holds the list of "
                  + existing
                  + " ("
                  + source.file()
                  + "); add with --replace to replace it");
        }
      }
    }
    Path stored =
        data.resolve(
            "clusters-"
                + document.year()
                + "."
                + file.getFileName().toString().replaceAll("^.*\\.", "").toLowerCase(Locale.ROOT));
    if (Files.exists(stored) && !stored.equals(replaced)) {
      throw new ListFormatException(
          file, Location.FILE, stored + " exists and holds another list; move it away first");
    }
    // A list without a title is stored under a name that carries its year, as read from there.
    lists.add(document);
    // The copy is written beside its place first: a data folder that cannot take it (unwritable,
    // full) stops the addition before the index changes; the rename after the build cannot fail
    // for want of room.
    Path partial = data.resolve("." + stored.getFileName() + ".partial");
    try {
      Files.createDirectories(data);
      Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IOException(
          "cannot store " + file + " in " + data + " (" + e + "); nothing was changed", e);
    }
    IndexBuild.Report build;
    try {
      build = IndexBuild.runRead(config, lists);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(
        partial, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    if (replaced != null && !replaced.equals(stored)) {
      Files.delete(replaced);
    }
    return new Added(build, document, stored, replaced);
  }

  private static boolean hasLists(Path data) throws IOException {
    try (var files = Files.list(data)) {
      return files.anyMatch(ListReaders::isList);
    }
  }
}
