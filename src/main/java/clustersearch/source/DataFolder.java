package clustersearch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The folder of source lists: every {@code *.txt} in it, read in name order. */
public final class DataFolder {
  private DataFolder() {}

  /** One list document and the clusters read from it. */
  public record Read(ListDocument document, List<Cluster> clusters) {}

  /** The list files of {@code dir}, sorted by name. */
  public static List<Path> listFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new ListFormatException(dir, 0, "the data folder does not exist");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> lists =
          files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
      if (lists.isEmpty()) {
        throw new ListFormatException(dir, 0, "the data folder holds no *.txt list");
      }
      return lists;
    }
  }

  /** Parses and classifies every list of {@code dir}; two lists of the same year are an error. */
  public static List<Read> readAll(Path dir, Classifier classifier) throws IOException {
    List<Read> reads = new ArrayList<>();
    Map<Integer, Path> years = new HashMap<>();
    for (Path file : listFiles(dir)) {
      ListDocument document = ListParser.parse(file);
      Path other = years.putIfAbsent(document.year(), file);
      if (other != null) {
        throw new ListFormatException(
            file, 0, "a second list of " + document.year() + " (the first is " + other + ")");
      }
      reads.add(new Read(document, classifier.classify(document)));
    }
    return reads;
  }
}
