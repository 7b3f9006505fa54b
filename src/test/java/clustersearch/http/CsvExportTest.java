package clustersearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTest {
  @Test
  void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
    assertThat(CsvExport.line(java.util.List.of("宁波高新区（新材料科技城）管委会"))).isEqualTo("宁波高新区（新材料科技城）管委会");
    assertThat(CsvExport.line(java.util.List.of("a,b"))).isEqualTo("\"a,b\"");
    assertThat(CsvExport.line(java.util.List.of("say \"hi\""))).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvExport.line(java.util.List.of("two\nlines"))).isEqualTo("\"two\nlines\"");
  }

  @Test
  void aRecordIsOneLineOfCellsWithBlanksForNothing() {
    assertThat(CsvExport.line(java.util.List.of("2021-19", 2021, "", "淄博")))
        .isEqualTo("2021-19,2021,,淄博");
    java.util.List<Object> withNull = new java.util.ArrayList<>(java.util.List.of("a"));
    withNull.add(null);
    assertThat(CsvExport.line(withNull)).isEqualTo("a,");
  }
}
