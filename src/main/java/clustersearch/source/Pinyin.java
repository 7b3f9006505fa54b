package clustersearch.source;

import clustersearch.config.PinyinConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pinyin of Chinese text, one syllable per character, from ICU's Han-Latin transliteration
 * ({@link HanTables}) with the words of {@code config/pinyin.yaml} read as listed there.
 */
public final class Pinyin {
  private final Map<String, String> overrides;
  private final List<String> words;

  public Pinyin(PinyinConfig config) {
    this.overrides = config.overrides();
    this.words =
        overrides.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /**
   * One entry per character of {@code text}: its syllable without tones, ü written v (lv for 铝), or
   * null for a character that is not Chinese.
   */
  public List<String> syllables(String text) {
    List<String> out = new ArrayList<>(text.length());
    int i = 0;
    while (i < text.length()) {
      String word = override(text, i);
      if (word != null) {
        for (String syllable : overrides.get(word).strip().split("\\s+")) {
          out.add(syllable.toLowerCase(Locale.ROOT));
        }
        i += word.length();
        continue;
      }
      char c = text.charAt(i);
      out.add(
          Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
              ? HanTables.reading(c)
              : null);
      i++;
    }
    return out;
  }

  private String override(String text, int at) {
    for (String word : words) {
      if (text.startsWith(word, at)) {
        return word;
      }
    }
    return null;
  }
}
