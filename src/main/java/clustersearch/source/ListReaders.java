package clustersearch.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every list format the indexer reads, and the choice of reader for a file. */
public final class ListReaders {

  /** The readers, one per format. */
  public static final List<ListReader> ALL =
      List.of(
          new TextListReader(),
          new CsvListReader(),
          new JsonListReader(),
          new SpreadsheetListReader(),
          new DocxListReader(),
          new PdfListReader());

  private static final int HEAD = 8;

  private ListReaders() {}

  /** The file name endings read, as "*.txt, *.csv …", for messages. */
  public static String known() {
    return ALL.stream()
        .flatMap(r -> r.extensions().stream())
        .map(e -> "." + e)
        .collect(Collectors.joining(", "));
  }

  /** True when {@code name} ends in an extension some reader reads. */
  public static boolean isList(Path file) {
    return readerFor(extension(file)).isPresent();
  }

  /**
   * Reads {@code file} with the reader of its extension, after checking that its first bytes look
   * like that format (a .xlsx that is really a PDF is refused, not misread).
   */
  public static ListDocument read(Path file, ReadOptions options) throws IOException {
    return checked(file, options).read(file, options);
  }

  /**
   * Reads {@code file} row by row into {@code sink} ({@link ListReader#stream}), after the same
   * checks of its name, size and first bytes as {@link #read}.
   */
  public static ListDocument stream(Path file, ReadOptions options, ListReader.RowSink sink)
      throws IOException {
    return checked(file, options).stream(file, options, sink);
  }

  /** The reader of {@code file}, once its name, size and first bytes say it can be read. */
  private static ListReader checked(Path file, ReadOptions options) throws IOException {
    String extension = extension(file);
    if (extension.equals("doc")) {
      throw new ListFormatException(
          file,
          Location.FILE,
          "a Word 97–2003 .doc is not read; save it as .docx (formats read: " + known() + ")");
    }
    ListReader reader =
        readerFor(extension)
            .orElseThrow(
                () ->
                    new ListFormatException(
                        file,
                        Location.FILE,
                        "not a list format known here (formats read: " + known() + ")"));
    if (!Files.isRegularFile(file)) {
      throw new ListFormatException(file, Location.FILE, "no such file");
    }
    long bytes = Files.size(file);
    if (bytes > options.limits().maxBytes()) {
      throw new ListFormatException(
          file,
          Location.FILE,
          "the file is "
              + megabytes(bytes)
              + "; a list may be at most "
              + megabytes(options.limits().maxBytes())
              + " (settings.yaml lists.maxBytes)");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD);
    } catch (IOException e) {
      throw new ListFormatException(
          file, Location.FILE, "cannot be read (" + clustersearch.config.IoErrors.reason(e) + ")");
    }
    if (head.length == 0) {
      throw new ListFormatException(file, Location.FILE, "the file is empty");
    }
    if (!reader.recognizes(head)) {
      String actually =
          ALL.stream()
              .filter(r -> r != reader && r.recognizes(head) && isBinarySignature(r))
              .map(ListReader::format)
              .findFirst()
              .map(f -> " (it looks like " + f + ")")
              .orElse("");
      throw new ListFormatException(
          file,
          Location.FILE,
          "named ." + extension + " but not " + reader.format() + " inside" + actually);
    }
    return reader;
  }

  /** 138.0 MB, 9 KB. */
  private static String megabytes(long bytes) {
    return bytes >= 1024 * 1024
        ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
        : ((bytes + 1023) / 1024) + " KB";
  }

  /** The error for a list over {@code lists.maxRows}, at the first row too many. */
  static ListFormatException tooManyRows(Path file, Location at, ReadOptions options) {
    return new ListFormatException(
        file,
        at,
        "the list has more than "
            + options.limits().maxRows()
            + " rows (settings.yaml lists.maxRows)");
  }

  private static boolean isBinarySignature(ListReader r) {
    return !(r instanceof TextListReader
        || r instanceof CsvListReader
        || r instanceof JsonListReader);
  }

  private static Optional<ListReader> readerFor(String extension) {
    return ALL.stream().filter(r -> r.extensions().contains(extension)).findFirst();
  }

  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** A ZIP (XLSX, DOCX) file's first bytes. */
  static boolean isZip(byte[] head) {
    return startsWith(head, 'P', 'K', 3, 4);
  }

  /** An OLE2 compound file's (XLS, DOC) first bytes. */
  static boolean isOle2(byte[] head) {
    return startsWith(head, 0xD0, 0xCF, 0x11, 0xE0);
  }

  /** A PDF's first bytes. */
  static boolean isPdf(byte[] head) {
    return startsWith(head, '%', 'P', 'D', 'F');
  }

  /** True when {@code head} starts like a ZIP, OLE2 or PDF file, which no text format does. */
  static boolean isBinary(byte[] head) {
    return isZip(head) || isOle2(head) || isPdf(head);
  }

  /** True when {@code head} starts with the bytes {@code prefix}. */
  static boolean startsWith(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
