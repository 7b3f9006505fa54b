package clustersearch.search;

import clustersearch.source.HanTables;
import com.ibm.icu.text.Normalizer2;
import java.util.Locale;

/**
 * Normalises user text before anything else looks at it: NFKC (full-width Ｇ６０ becomes G60), lower
 * case, and traditional characters to simplified (生物醫藥 → 生物医药), since the lists are printed in
 * simplified characters (ICU's Traditional-Simplified, through the build's table: {@link
 * HanTables}).
 */
final class QueryText {
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  private QueryText() {}

  /** True when {@code text} holds a Chinese character. */
  static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  static String normalize(String text) {
    String folded = NFKC.normalize(text).toLowerCase(Locale.ROOT);
    return HanTables.simplified(folded);
  }
}
