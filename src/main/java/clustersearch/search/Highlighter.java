package clustersearch.search;

import clustersearch.index.Fields;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;

/**
 * Marks what a query matched in a stored value: {@code <em>…</em>} around every run of characters
 * that a searched text (the query as typed, its synonyms, the characters its pinyin reads as,
 * traditional characters made simplified) shares with the value as a bigram, or as the single
 * character of a one-character query; boilerplate (高新区, 创新型产业集群) is never marked. The rest is
 * HTML-escaped, so a portal can insert the result as HTML.
 *
 * <p>It works on characters rather than index offsets because the matches come from several fields
 * and rewritings of one value; the marked runs are exactly the bigrams the query shares.
 */
final class Highlighter {
  private final Fields fields;

  /**
   * Each value's lower-case form and boilerplate, found once: the same names and builders are
   * highlighted page after page, and lower-casing Chinese text character by character was 4 % of a
   * search's CPU. Bounded by entries.
   */
  private final Cache<String, Prepared> prepared =
      Caffeine.newBuilder().maximumSize(PREPARED).build();

  /** Values whose preparation is kept. */
  static final int PREPARED = 16_384;

  /** A value lower-cased, and which of its characters are boilerplate (never marked). */
  private record Prepared(String lower, boolean[] blocked) {}

  Highlighter(Fields fields) {
    this.fields = fields;
  }

  /** {@code value} HTML-escaped, with the characters of {@code needles} wrapped in em. */
  String highlight(String value, List<String> needles) {
    Prepared p = prepared.get(value, this::prepare);
    boolean[] marked = new boolean[value.length()];
    for (String needle : needles) {
      mark(p.lower(), needle, marked, p.blocked());
    }
    return render(value, marked);
  }

  private Prepared prepare(String value) {
    String folded = value.toLowerCase(Locale.ROOT);
    String lower = folded.length() == value.length() ? folded : value;
    boolean[] blocked = new boolean[value.length()];
    for (String phrase : fields.boilerplate()) {
      mark(lower, phrase, blocked, null);
    }
    return new Prepared(lower, blocked);
  }

  /** Sets {@code marks} over every occurrence of {@code token} that touches nothing blocked. */
  private static void mark(String text, String token, boolean[] marks, boolean[] blocked) {
    if (token.isEmpty()) {
      return;
    }
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      boolean free = true;
      for (int i = at; i < at + token.length() && blocked != null; i++) {
        free &= !blocked[i];
      }
      if (free) {
        for (int i = at; i < at + token.length(); i++) {
          marks[i] = true;
        }
      }
    }
  }

  private static String render(String value, boolean[] marked) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      if (marked[i] && (i == 0 || !marked[i - 1])) {
        out.append("<em>");
      }
      escape(value.charAt(i), out);
      if (marked[i] && (i == value.length() - 1 || !marked[i + 1])) {
        out.append("</em>");
      }
    }
    return out.toString();
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }
}
