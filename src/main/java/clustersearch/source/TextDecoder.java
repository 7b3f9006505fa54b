package clustersearch.source;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of a list file in whatever encoding it was saved: UTF-8 (with or without a BOM), UTF-16
 * (with a BOM, or without one when every other byte says so) or GB18030, which reads GBK and GB2312
 * too. Encodings that are not one of these, or bytes ICU's detector is unsure about, are refused: a
 * list read in the wrong encoding would index garbage.
 */
public final class TextDecoder {

  /** The least confidence (0–100) of ICU's detector that is trusted for GB18030. */
  static final int MIN_CONFIDENCE = 20;

  private static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoder() {}

  /** Decoded text and the encoding it was read in. */
  public record Decoded(String text, String encoding) {}

  /**
   * How a file can be read as a stream of lines: its charset, the bytes of its byte order mark, the
   * name reports give.
   */
  public record Streamed(Charset charset, int skip, String encoding) {
    /** A strict decoder: a byte sequence the charset does not have stops the reading. */
    public CharsetDecoder decoder() {
      return strictDecoder(charset);
    }
  }

  /** The encoding a byte order mark at the start of {@code head} names, or null. */
  private static Streamed byOrderMark(byte[] head) {
    if (ListReaders.startsWith(head, 0xEF, 0xBB, 0xBF)) {
      return new Streamed(StandardCharsets.UTF_8, 3, "UTF-8 with BOM");
    }
    if (ListReaders.startsWith(head, 0xFF, 0xFE)) {
      return new Streamed(StandardCharsets.UTF_16LE, 2, "UTF-16LE");
    }
    if (ListReaders.startsWith(head, 0xFE, 0xFF)) {
      return new Streamed(StandardCharsets.UTF_16BE, 2, "UTF-16BE");
    }
    return null;
  }

  /**
   * How {@code file} reads as a stream, checked by decoding it through once in chunks (nothing of
   * the size of the file is held): UTF-8, with or without its BOM, or UTF-16 with a BOM. Null when
   * it is none of them: such a file is read whole ({@link #read}), which tells GB18030 and UTF-16
   * without a BOM apart and names what is wrong.
   */
  public static Streamed streamed(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(3);
    }
    Streamed bom = byOrderMark(head);
    Streamed candidate = bom != null ? bom : new Streamed(StandardCharsets.UTF_8, 0, "UTF-8");
    try (InputStream in = Files.newInputStream(file)) {
      return valid(skip(in, candidate), candidate.charset()) ? candidate : null;
    }
  }

  /** {@code in} past the byte order mark of {@code streamed}. */
  public static InputStream skip(InputStream in, Streamed streamed) throws IOException {
    in.skipNBytes(streamed.skip());
    return in;
  }

  /** Reads and decodes {@code file}. */
  public static Decoded read(Path file) throws IOException {
    return decode(file, Files.readAllBytes(file));
  }

  /** Decodes {@code bytes} of {@code file} (named in errors). */
  public static Decoded decode(Path file, byte[] bytes) {
    Streamed bom = byOrderMark(bytes);
    if (bom != null) {
      return new Decoded(strict(file, bytes, bom.skip(), bom.charset()), bom.encoding());
    }
    String utf8 = tryDecode(bytes, 0, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return new Decoded(utf8, "UTF-8");
    }
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return new Decoded(strict(file, bytes, 0, utf16), utf16.name());
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    CharsetMatch[] matches = detector.detectAll();
    for (CharsetMatch match : matches) {
      if (List.of("GB18030", "GBK", "GB2312").contains(match.getName())) {
        String text = tryDecode(bytes, 0, GB18030);
        if (text != null && match.getConfidence() >= MIN_CONFIDENCE) {
          return new Decoded(text, "GB18030");
        }
        break;
      }
    }
    String guess =
        matches.length == 0
            ? "no guess"
            : "best guess " + matches[0].getName() + ", confidence " + matches[0].getConfidence();
    throw new ListFormatException(
        file,
        Location.FILE,
        "cannot tell the text's encoding (" + guess + "); save it as UTF-8, UTF-16 or GB18030/GBK");
  }

  /**
   * UTF-16 without a BOM: Chinese and ASCII text has a zero in most odd (LE) or even (BE) bytes.
   */
  private static Charset utf16WithoutBom(byte[] bytes) {
    if (bytes.length < 4 || bytes.length % 2 != 0) {
      return null;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i + 1 < bytes.length; i += 2) {
      evenZeros += bytes[i] == 0 ? 1 : 0;
      oddZeros += bytes[i + 1] == 0 ? 1 : 0;
    }
    int pairs = bytes.length / 2;
    // ASCII line breaks, tabs and digits put zeros in one half; Chinese text rarely any.
    if (oddZeros > pairs / 5 && evenZeros == 0) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros > pairs / 5 && oddZeros == 0) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static String strict(Path file, byte[] bytes, int offset, Charset charset) {
    String text = tryDecode(bytes, offset, charset);
    if (text == null) {
      throw new ListFormatException(
          file, Location.FILE, "not " + charset.name() + " text, though it starts like it");
    }
    return text;
  }

  /**
   * The text of {@code bytes} from {@code offset} in {@code charset}, or null when they are not
   * valid in it. Checked through a small buffer first, then decoded once into the String: no buffer
   * of the whole text besides it (a list of 150,000 rows is 18 MB of UTF-8).
   */
  private static String tryDecode(byte[] bytes, int offset, Charset charset) {
    try {
      if (!valid(new ByteArrayInputStream(bytes, offset, bytes.length - offset), charset)) {
        return null;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // reading an array does no I/O
    }
    return new String(bytes, offset, bytes.length - offset, charset);
  }

  /** Whether {@code in} is all valid {@code charset}, decoded a chunk at a time. */
  private static boolean valid(InputStream in, Charset charset) throws IOException {
    try (Reader reader = new InputStreamReader(in, strictDecoder(charset))) {
      char[] chunk = new char[CHECK_BUFFER];
      while (reader.read(chunk) >= 0) {
        // only checking
      }
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A decoder that stops at a byte sequence {@code charset} does not have. */
  private static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Characters decoded at a time while checking a text's encoding. */
  private static final int CHECK_BUFFER = 8192;
}
