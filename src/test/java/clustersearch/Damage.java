package clustersearch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Damage done to an index generation on disk, as a failing disk or a careless hand does it. */
public final class Damage {
  private Damage() {}

  /** The largest index file of a generation: the compound segment, which holds stored fields. */
  public static Path largestSegmentFile(Path generation) throws IOException {
    try (Stream<Path> files = Files.list(generation)) {
      return files
          .filter(p -> !p.getFileName().toString().startsWith("segments"))
          .filter(p -> !p.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(p -> p.toFile().length()))
          .orElseThrow();
    }
  }

  /** Inverts a few bytes in the middle of the file: it opens cleanly and fails its checksum. */
  public static void garble(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long middle = f.length() / 2;
      f.seek(middle);
      byte[] bytes = new byte[8];
      f.readFully(bytes);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) ~bytes[i];
      }
      f.seek(middle);
      f.write(bytes);
    }
  }

  /** Cuts the file to half its length. */
  public static void truncate(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
  }
}
