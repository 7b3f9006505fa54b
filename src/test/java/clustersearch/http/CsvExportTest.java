package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTest {
  @Test
  void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
    assertThat(CsvExport.escape("宁波高新区（新材料科技城）管委会")).isEqualTo("宁波高新区（新材料科技城）管委会");
    assertThat(CsvExport.escape("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvExport.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvExport.escape("two\nlines")).isEqualTo("\"two\nlines\"");
  }
}
