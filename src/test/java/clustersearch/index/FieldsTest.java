package clustersearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.config.Settings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** Pins the analysis on real names of the list. */
class FieldsTest {
  private final Fields fields = new Fields(Settings.defaults().analysis(), List.of());

  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void theGramFieldHoldsBigramsAndUnigramsOfTheName() throws IOException {
    List<String> tokens =
        tokens(fields.indexAnalyzer(), Fields.gram(Fields.NAME), "阜阳界首高新区铝基复合材料创新型产业集群");

    assertThat(tokens).contains("铝", "铝基", "复合", "材料", "阜阳");
  }

  @Test
  void boilerplateNeverBecomesMatchingText() throws IOException {
    String name = "燕郊高新区新型电子元器件及设备制造创新型产业集群";

    List<String> grams = tokens(fields.indexAnalyzer(), Fields.gram(Fields.NAME), name);
    List<String> words = tokens(fields.indexAnalyzer(), Fields.NAME, name);

    assertThat(grams).doesNotContain("高", "高新", "新区", "集群", "产业", "郊新");
    assertThat(grams).contains("新型", "电子");
    assertThat(words).doesNotContain("高", "新区", "集", "群", "创");
    assertThat(words).containsOnlyOnce("新型");
  }

  @Test
  void queriesAreBigramsOnlyAndALoneCharacterStaysAUnigram() throws IOException {
    assertThat(tokens(fields.gramQueryAnalyzer(), "", "生物医药")).containsExactly("生物", "物医", "医药");
    assertThat(tokens(fields.gramQueryAnalyzer(), "", "铝")).containsExactly("铝");
    assertThat(tokens(fields.gramQueryAnalyzer(), "", "锂电")).containsExactly("锂电");
  }

  @Test
  void fullWidthLatinFoldsToLowerCaseAscii() throws IOException {
    assertThat(tokens(fields.gramQueryAnalyzer(), "", "Ｇ６０")).containsExactly("g60");
    assertThat(tokens(fields.indexAnalyzer(), Fields.gram(Fields.NAME), "松江G60科创走廊"))
        .contains("g60");
  }

  @Test
  void smartcnKeepsWordsOfTheIndustryPhrase() throws IOException {
    assertThat(tokens(fields.indexAnalyzer(), Fields.INDUSTRY, "现代中药和民族药（彝族药）")).contains("中药");
    assertThat(tokens(fields.wordAnalyzer(), "", "生物医药")).containsExactly("生物", "医药");
  }

  @Test
  void offsetsStillPointIntoTheOriginalTextAfterBoilerplateIsBlanked() throws IOException {
    String name = "新乡高新区生物医药创新型产业集群";
    try (TokenStream ts = fields.indexAnalyzer().tokenStream(Fields.gram(Fields.NAME), name)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        assertThat(name.substring(offset.startOffset(), offset.endOffset()))
            .isEqualTo(term.toString());
      }
      ts.end();
    }
  }

  @Test
  void onlyBoilerplateIsRecognised() {
    assertThat(fields.isOnlyBoilerplate(" 创新型产业集群 高新区")).isTrue();
    assertThat(fields.isOnlyBoilerplate("高新区 生物")).isFalse();
  }
}
