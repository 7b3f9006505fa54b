package clustersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The index folder: one sub-folder per build ({@code gen-…}) and a {@code CURRENT} file naming the
 * one being served. A build holds {@code build.lock}, writes a fresh generation, commits and checks
 * it, marks it complete (a {@code COMPLETE} file inside it), and only then swaps {@code CURRENT}
 * with an atomic rename, so a failed or killed build leaves the served index as it was. A folder
 * without the mark is a build's leftover (or one in progress, which the lock rules out).
 */
public final class IndexLayout {
  static final String CURRENT = "CURRENT";

  /** The mark of a complete generation, a file inside it. */
  public static final String COMPLETE = "COMPLETE";

  private static final String LOCK = "build.lock";
  private static final String PREFIX = "gen-";

  /** A generation's folder name, as builds write it: gen- and digits, nothing else. */
  private static final java.util.regex.Pattern GENERATION_NAME =
      java.util.regex.Pattern.compile(PREFIX + "\\d{1,19}");

  private final Path root;

  public IndexLayout(Path root) {
    this.root = root;
  }

  /**
   * The generation {@code CURRENT} names, if there is one and it exists. A pointer that is not a
   * generation's own name (bytes that are no text, a path that leaves the folder: gen-1/../..)
   * names nothing: the newest intact generation is served instead, and the next build writes it
   * anew.
   */
  public Optional<Path> current() {
    Path pointer = root.resolve(CURRENT);
    try {
      if (!Files.isRegularFile(pointer)) {
        return Optional.empty();
      }
      String name = new String(Files.readAllBytes(pointer), StandardCharsets.UTF_8).strip();
      if (!GENERATION_NAME.matcher(name).matches()) {
        return Optional.empty();
      }
      Path generation = root.resolve(name);
      return Files.isDirectory(generation) ? Optional.of(generation) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  /** True when a build finished {@code generation}: committed, checked and marked. */
  public static boolean isComplete(Path generation) {
    return Files.isRegularFile(generation.resolve(COMPLETE));
  }

  /** Every complete generation, newest first. */
  public List<Path> completeGenerations() {
    return generations().stream().filter(IndexLayout::isComplete).toList();
  }

  /** Every generation folder, complete or not, newest first. */
  private List<Path> generations() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(root)) {
      return list.filter(p -> p.getFileName().toString().startsWith(PREFIX))
          .filter(Files::isDirectory)
          .sorted(Comparator.comparing(Path::getFileName).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /**
   * Takes the build lock, an OS file lock that a killed build drops with its process.
   *
   * @throws IllegalStateException when another build holds it
   */
  Lock lockForBuild() throws IOException {
    Files.createDirectories(root);
    try {
      // Made here so that a folder that cannot be written says so: Lucene swallows this failure
      // and then reports the lock file as missing.
      Files.createFile(root.resolve(LOCK));
    } catch (FileAlreadyExistsException e) {
      // Left by an earlier build; the OS lock on it is what counts.
    }
    Directory dir = FSDirectory.open(root);
    try {
      Lock lock = dir.obtainLock(LOCK);
      return new Lock() {
        @Override
        public void close() throws IOException {
          try (dir) {
            lock.close();
          }
        }

        @Override
        public void ensureValid() throws IOException {
          lock.ensureValid();
        }
      };
    } catch (LockObtainFailedException e) {
      dir.close();
      throw new IllegalStateException(
          "another index build is running (it holds "
              + root.getFileName().resolve(LOCK)
              + "); try again later");
    }
  }

  /** Marks {@code generation} complete: written to disk, so a crash cannot leave half a mark. */
  void markComplete(Path generation) throws IOException {
    Path mark = generation.resolve(COMPLETE);
    StringBuilder manifest = new StringBuilder(MANIFEST_HEADER);
    try (Directory dir = FSDirectory.open(generation)) {
      for (String name : java.util.Arrays.stream(dir.listAll()).sorted().toList()) {
        if (name.equals(COMPLETE) || name.equals(IndexWriter.WRITE_LOCK_NAME)) {
          continue; // the mark itself, and the empty lock file the writer leaves behind
        }
        try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
          manifest
              .append(name)
              .append('\t')
              .append(in.length())
              .append('\t')
              .append(Long.toHexString(CodecUtil.retrieveChecksum(in)))
              .append('\n');
        }
      }
    }
    try (FileChannel channel =
        FileChannel.open(mark, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(manifest.toString().getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    }
  }

  /** The first line of the COMPLETE mark; the lines after it are the generation's manifest. */
  private static final String MANIFEST_HEADER = "complete: file, size, checksum\n";

  /**
   * Checks a generation against the manifest in its COMPLETE mark: every file there, of its size,
   * with the checksum its footer records (a copied generation that lost or cut a file is refused
   * before anything opens it; {@code checkIntegrity} then checks each file against its footer). A
   * mark without a manifest (written before there was one) is taken as it is.
   */
  public static void verifyManifest(Path generation) throws IOException {
    List<String> lines = Files.readAllLines(generation.resolve(COMPLETE), StandardCharsets.UTF_8);
    if (lines.isEmpty() || !(lines.get(0) + "\n").equals(MANIFEST_HEADER)) {
      return;
    }
    try (Directory dir = FSDirectory.open(generation)) {
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t");
        if (f.length != 3) {
          throw new IOException("its manifest has a broken line: " + line);
        }
        Path file = generation.resolve(f[0]);
        if (!Files.isRegularFile(file)) {
          throw new IOException("its manifest lists " + f[0] + ", which is missing");
        }
        try (IndexInput in = dir.openInput(f[0], IOContext.READONCE)) {
          if (in.length() != Long.parseLong(f[1])) {
            throw new IOException(
                f[0] + " holds " + in.length() + " bytes, its manifest says " + f[1]);
          }
          String checksum = Long.toHexString(CodecUtil.retrieveChecksum(in));
          if (!checksum.equals(f[2])) {
            throw new IOException(
                f[0] + "'s checksum is " + checksum + ", its manifest says " + f[2]);
          }
        }
      }
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
   * Called under the build lock once {@code published} is served: deletes every leftover of a
   * killed build (a generation never marked complete) and every complete generation but the
   * published one, the one served before it ({@code previous}, which servers read until they
   * reload) and the newest complete one before it.
   */
  void prune(Path published, Optional<Path> previous) throws IOException {
    Optional<Path> newestBefore =
        completeGenerations().stream()
            .filter(p -> p.getFileName().compareTo(published.getFileName()) < 0)
            .findFirst();
    for (Path generation : generations()) {
      boolean keep =
          generation.equals(published)
              || previous.map(generation::equals).orElse(false)
              || newestBefore.map(generation::equals).orElse(false);
      if (!keep) {
        deleteRecursively(generation);
      }
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
