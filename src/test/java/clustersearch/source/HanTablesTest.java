package clustersearch.source;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The build's character tables are ICU's transliterations, character by character. */
class HanTablesTest {
  @Test
  void theReadingOfEveryCharacterOfTheBlockIsICUsHanLatin() {
    StringBuilder differ = new StringBuilder();
    for (int c = HanTables.FIRST; c <= HanTables.LAST; c++) {
      String icu = HanTables.readingByIcu((char) c);
      if (!HanTables.reading((char) c).equals(icu)) {
        differ.append(String.format("U+%04X: %s, ICU %s; ", c, HanTables.reading((char) c), icu));
      }
    }
    assertThat(differ.toString()).isEmpty();
  }

  @Test
  void theSimplifiedFormOfEveryCharacterOfTheBlockIsICUs() {
    StringBuilder differ = new StringBuilder();
    int traditional = 0;
    for (int c = HanTables.FIRST; c <= HanTables.LAST; c++) {
      String one = String.valueOf((char) c);
      String icu = HanTables.simplifiedByIcu(one);
      traditional += icu.equals(one) ? 0 : 1;
      if (!HanTables.simplified(one).equals(icu)) {
        differ.append(String.format("U+%04X: %s, ICU %s; ", c, HanTables.simplified(one), icu));
      }
    }
    assertThat(differ.toString()).isEmpty();
    assertThat(traditional).as("characters with a simplified form").isGreaterThan(2000);
  }

  @Test
  void wholeTextsSimplifyAsICUSimplifiesThem() throws Exception {
    String list = Files.readString(TestData.LIST_2021);
    for (String text : new String[] {"生物醫藥", "蘇州工業園區納米技術", "電子資訊產業集群", "新材料 G60 科創走廊", list}) {
      assertThat(HanTables.simplified(text)).isEqualTo(HanTables.simplifiedByIcu(text));
    }
    assertThat(HanTables.simplified("生物醫藥")).isEqualTo("生物医药");
    String plain = "淄博高新区";
    assertThat(HanTables.simplified(plain)).isSameAs(plain); // nothing to change, nothing copied
  }

  @Test
  void readingsAreTonelessWithUmlautAsV() {
    assertThat(HanTables.reading('生')).isEqualTo("sheng");
    assertThat(HanTables.reading('铝')).isEqualTo("lv");
    assertThat(HanTables.reading('药')).isEqualTo("yao");
  }

  @Test
  void aCharacterOutsideTheBlockIsReadByICU() {
    char extensionA = '\u3400'; // 㐀, CJK Extension A
    assertThat(HanTables.reading(extensionA))
        .isEqualTo(HanTables.readingByIcu(extensionA))
        .isNotEmpty();
  }
}
