package clustersearch.source;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two character tables of ICU's, written by the build and read here: the toneless pinyin of a
 * Chinese character (Han-Latin: 药 → yao, 铝 → lv) and its simplified form (Traditional-Simplified: 醫
 * → 医).
 *
 * <p>Setting up a transliterator takes ICU 0.1–0.6 s (it compiles its rules): Han-Latin was a
 * quarter of a server's start-up, Traditional-Simplified was set up once per Jetty thread on its
 * first query, and transliterating one character at a time was a fifth of indexing. So the build
 * runs {@link #main} (Maven, process-classes) over the CJK Unified Ideographs (U+4E00–U+9FFF) and
 * writes both tables into the classes; ICU is set up only for a reading outside the block, and its
 * answers are kept. HanTablesTest checks both tables against ICU, character by character.
 */
public final class HanTables {
  /** Line i is the reading of U+4E00 + i, empty when ICU gives none. */
  static final String READINGS = "/han/readings.txt";

  /** One line per character whose simplified form differs: the character, a tab, the form. */
  static final String SIMPLIFIED = "/han/simplified.txt";

  static final char FIRST = '\u4e00';
  static final char LAST = '\u9fff';

  /** The tables, read on first use (not by {@link #main}, which writes them). */
  private static final class Read {
    static final String[] READING = readings();
    static final Map<Character, String> SIMPLER = simplified();
  }

  private static final ConcurrentHashMap<Character, String> OUTSIDE = new ConcurrentHashMap<>();

  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private HanTables() {}

  /** The pinyin of {@code c}: lower-case letters, no tones, ü written v (lv for 铝). */
  public static String reading(char c) {
    if (c >= FIRST && c <= LAST) {
      return Read.READING[c - FIRST];
    }
    return OUTSIDE.computeIfAbsent(c, HanTables::readingByIcu);
  }

  /** {@code text} with every traditional character of the block in its simplified form. */
  public static String simplified(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      String s = Read.SIMPLER.get(text.charAt(i));
      if (s != null) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append(s);
      } else if (out != null) {
        out.append(text.charAt(i));
      }
    }
    return out == null ? text : out.toString();
  }

  /** ICU's reading of {@code c}, tones and other marks dropped. */
  static String readingByIcu(char c) {
    String latin = NFD.normalize(HAN_LATIN.get().transliterate(String.valueOf(c)));
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < latin.length(); i++) {
      char d = Character.toLowerCase(latin.charAt(i));
      boolean umlaut = i + 1 < latin.length() && latin.charAt(i + 1) == '\u0308';
      if (d == 'u' && umlaut) {
        plain.append('v');
      } else if (d >= 'a' && d <= 'z') {
        plain.append(d);
      }
    }
    return plain.toString();
  }

  /** ICU's simplified form of {@code text}. */
  static String simplifiedByIcu(String text) {
    return TO_SIMPLIFIED.get().transliterate(text);
  }

  /** Set up on a thread's first use: ICU does not document transliterators as thread-safe. */
  private static final ThreadLocal<Transliterator> HAN_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin"));

  private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

  private static String[] readings() {
    String[] table = new String[LAST - FIRST + 1];
    try (BufferedReader lines = open(READINGS)) {
      for (int i = 0; i < table.length; i++) {
        String line = lines.readLine();
        if (line == null) {
          throw new IllegalStateException(READINGS + " ends at line " + i + " of " + table.length);
        }
        table[i] = line.intern();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }

  private static Map<Character, String> simplified() {
    Map<Character, String> table = new HashMap<>();
    try (BufferedReader lines = open(SIMPLIFIED)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        table.put(line.charAt(0), line.substring(2));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(table);
  }

  private static BufferedReader open(String resource) {
    InputStream in = HanTables.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "the classes lack " + resource + ": build with ./mvnw (process-classes writes it)");
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Writes both tables under the classes folder {@code args[0]}; the build runs it. */
  public static void main(String[] args) throws IOException {
    Path readings = Path.of(args[0], READINGS.substring(1));
    Files.createDirectories(readings.getParent());
    try (Writer w = Files.newBufferedWriter(readings, StandardCharsets.UTF_8)) {
      for (int c = FIRST; c <= LAST; c++) {
        w.write(readingByIcu((char) c));
        w.write('\n');
      }
    }
    try (Writer w =
        Files.newBufferedWriter(
            Path.of(args[0], SIMPLIFIED.substring(1)), StandardCharsets.UTF_8)) {
      for (int c = FIRST; c <= LAST; c++) {
        String one = String.valueOf((char) c);
        String simple = simplifiedByIcu(one);
        if (!simple.equals(one)) {
          w.write(one + "\t" + simple + "\n");
        }
      }
    }
  }
}
