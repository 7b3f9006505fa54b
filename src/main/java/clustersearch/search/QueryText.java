package clustersearch.search;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * Normalises user text before anything else looks at it: NFKC (full-width Ｇ６０ becomes G60), lower
 * case, and traditional characters to simplified (生物醫藥 → 生物医药), since the lists are printed in
 * simplified characters.
 */
final class QueryText {
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  /** ICU transliterators are not documented as thread-safe: one per thread. */
  private static final ThreadLocal<Transliterator> SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

  private QueryText() {}

  static String normalize(String text) {
    String folded = NFKC.normalize(text).toLowerCase(Locale.ROOT);
    return SIMPLIFIED.get().transliterate(folded);
  }
}
