package clustersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The index folder: one sub-folder per build ({@code gen-…}) and a {@code CURRENT} file naming the
 * one being served. A build writes a fresh generation and only then swaps {@code CURRENT} with an
 * atomic rename, so a failed build leaves the served index as it was.
 */
public final class IndexLayout {
  static final String CURRENT = "CURRENT";
  private static final String PREFIX = "gen-";
  private static final int KEEP = 2;

  private final Path root;

  public IndexLayout(Path root) {
    this.root = root;
  }

  /** The generation {@code CURRENT} names, if there is one and it exists. */
  public Optional<Path> current() {
    Path pointer = root.resolve(CURRENT);
    try {
      if (!Files.isRegularFile(pointer)) {
        return Optional.empty();
      }
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      Path generation = root.resolve(name);
      return name.startsWith(PREFIX) && Files.isDirectory(generation)
          ? Optional.of(generation)
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  /** Creates an empty folder for a new generation, named after the time so names sort by age. */
  Path newGeneration() throws IOException {
    Files.createDirectories(root);
    long stamp = System.currentTimeMillis();
    while (true) {
      Path candidate = root.resolve(String.format("%s%013d", PREFIX, stamp));
      try {
        return Files.createDirectory(candidate);
      } catch (FileAlreadyExistsException e) {
        stamp++;
      }
    }
  }

  /** Points {@code CURRENT} at {@code generation} with an atomic rename. */
  void publish(Path generation) throws IOException {
    Path tmp = root.resolve(CURRENT + ".tmp");
    Files.writeString(tmp, generation.getFileName() + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Keeps the published generation and the one before it (a server may read that one until it
   * reloads) and deletes older ones. Newer folders belong to a build still running: left alone.
   */
  void prune(Path published) throws IOException {
    List<Path> older;
    try (Stream<Path> list = Files.list(root)) {
      older =
          list.filter(p -> p.getFileName().toString().startsWith(PREFIX))
              .filter(p -> p.getFileName().compareTo(published.getFileName()) < 0)
              .sorted(Comparator.comparing(Path::getFileName).reversed())
              .toList();
    }
    for (Path generation : older.subList(Math.min(KEEP - 1, older.size()), older.size())) {
      deleteRecursively(generation);
    }
  }

  /** Removes a folder and everything in it. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
