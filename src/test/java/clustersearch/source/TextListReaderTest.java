package clustersearch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextListReaderTest {
  private static final Path FILE = Path.of("broken.txt");

  private static final String TITLE = "附件\n2021年度创新型产业集群试点（培育）名单\n\n";
  private static final String HEADER = "\t序号\n\t地区\n\t集群名称\n\t建设单位\n\t推荐单位\n\n";

  private static String row(String seq, String region, String name, String builder, String rec) {
    return "\t" + seq + "\n\t" + region + "\n\t" + name + "\n\t" + builder + "\n\t" + rec + "\n\n";
  }

  @Test
  void readsTheYearTitleAndAll43RowsOfTheRealList() throws IOException {
    ListDocument doc = TextListReader.parse(TestData.LIST_2021);

    assertThat(doc.year()).isEqualTo(2021);
    assertThat(doc.title()).isEqualTo("2021年度创新型产业集群试点（培育）名单");
    assertThat(doc.rows()).hasSize(43);
    assertThat(doc.rows())
        .extracting(ListRow::seq)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 43).boxed().toList());
  }

  @Test
  void joinsWrappedCellsFillsMergedCellsAndTrimsTrailingSpaces() throws IOException {
    ListDocument doc = TextListReader.parse(TestData.LIST_2021);

    ListRow yanjiao = doc.rows().get(1);
    assertThat(yanjiao.builder()).isEqualTo("燕郊高新区管委会");
    ListRow changzhi = doc.rows().get(3);
    assertThat(changzhi.region()).isEqualTo("山西");
    assertThat(changzhi.recommender()).isEqualTo("山西省科技厅");
    ListRow xiangtan = doc.rows().get(27);
    assertThat(xiangtan.name()).isEqualTo("湘潭风能产业创新型产业集群");
    assertThat(doc.rows().get(38).name()).isEqualTo("楚雄高新区现代中药和民族药（彝族药）创新型产业集群");
  }

  @Test
  void classifiesEveryFieldOfAll43RecordsAsAPersonReadsTheTable() throws IOException {
    ListDocument doc = TextListReader.parse(TestData.LIST_2021);
    var config = TestData.config(Path.of("target"));
    var clusters = Classifier.of(config).classify(doc);

    var expected = TestData.expected2021();
    assertThat(clusters).hasSize(43);
    for (int i = 0; i < 43; i++) {
      assertThat(clusters.get(i))
          .as("row %d", i + 1)
          .usingRecursiveComparison()
          .ignoringFields("english")
          .isEqualTo(expected.get(i));
    }
  }

  @Test
  void acceptsTheHeaderRepeatedMidTable() {
    String text =
        TITLE
            + HEADER
            + row("1", "天津", "甲创新型产业集群", "甲", "乙")
            + HEADER
            + row("2", "", "丙创新型产业集群", "丙", "");

    ListDocument doc = TextListReader.parse(FILE, text);

    assertThat(doc.rows()).extracting(ListRow::seq).containsExactly(1, 2);
    assertThat(doc.rows().get(1).region()).isEqualTo("天津");
    assertThat(doc.rows().get(1).recommender()).isEqualTo("乙");
  }

  @Test
  void joinsAWrappedLastLineWithoutAFinalNewline() {
    String text = TITLE + "\t1\n\t新疆\n\t石河子新材料创新型产业集群\n\t石河子高新区管委会\n\t新疆生产建设兵团\n科技局";

    ListDocument doc = TextListReader.parse(FILE, text);

    assertThat(doc.rows().get(0).recommender()).isEqualTo("新疆生产建设兵团科技局");
  }

  @Test
  void readsCrlfLineEndingsAndAByteOrderMarkLikeTheOriginal() throws IOException {
    String original = Files.readString(TestData.LIST_2021, StandardCharsets.UTF_8);
    String windows = "\uFEFF" + original.replace("\n", "\r\n");

    ListDocument doc = TextListReader.parse(FILE, windows);

    assertThat(doc.rows()).isEqualTo(TextListReader.parse(TestData.LIST_2021).rows());
  }

  @Test
  void rejectsARowWithAMissingCellNamingFileAndLine() {
    String text = TITLE + "\t1\n\t天津\n\t甲创新型产业集群\n\t甲\n\n";

    assertThatThrownBy(() -> TextListReader.parse(FILE, text))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("broken.txt:4:")
        .hasMessageContaining("4 cells, expected 5");
  }

  @Test
  void rejectsANonNumericSeq() {
    String text = TITLE + row("一", "天津", "甲", "甲", "乙");

    assertThatThrownBy(() -> TextListReader.parse(FILE, text))
        .hasMessageStartingWith("broken.txt:4:")
        .hasMessageContaining("序号 \"一\" is not a number");
  }

  @Test
  void rejectsARepeatedSeqNamingBothLines() {
    String text = TITLE + row("1", "天津", "甲", "甲", "乙") + row("1", "", "丙", "丙", "");

    assertThatThrownBy(() -> TextListReader.parse(FILE, text))
        .hasMessageStartingWith("broken.txt:10:")
        .hasMessageContaining("repeats the row at line 4");
  }

  @Test
  void rejectsATitleWithoutAYear() {
    String text = "附件\n创新型产业集群试点名单\n\n" + row("1", "天津", "甲", "甲", "乙");

    assertThatThrownBy(() -> TextListReader.parse(FILE, text))
        .hasMessageStartingWith("broken.txt:4:")
        .hasMessageContaining("no title with a year");
  }

  @Test
  void rejectsABlankRegionInTheFirstRow() {
    String text = TITLE + row("1", "", "甲", "甲", "乙");

    assertThatThrownBy(() -> TextListReader.parse(FILE, text))
        .hasMessageStartingWith("broken.txt:5:")
        .hasMessageContaining("地区 is blank in the first row");
  }

  @Test
  void rejectsABlankName() {
    String text = TITLE + row("1", "天津", "", "甲", "乙");

    assertThatThrownBy(() -> TextListReader.parse(FILE, text))
        .hasMessageStartingWith("broken.txt:6:")
        .hasMessageContaining("集群名称 is blank");
  }

  @Test
  void rejectsTextBetweenRows() {
    String text = TITLE + row("1", "天津", "甲", "甲", "乙") + "注：以上排名不分先后\n";

    assertThatThrownBy(() -> TextListReader.parse(FILE, text))
        .hasMessageStartingWith("broken.txt:10:")
        .hasMessageContaining("text outside a table row");
  }

  @Test
  void rejectsAnEmptyFileAndATitleWithoutRows() {
    assertThatThrownBy(() -> TextListReader.parse(FILE, ""))
        .hasMessage("broken.txt: the file is empty");
    assertThatThrownBy(() -> TextListReader.parse(FILE, "\uFEFF \n\n"))
        .hasMessage("broken.txt: the file is empty");
    assertThatThrownBy(() -> TextListReader.parse(FILE, TITLE + HEADER))
        .hasMessage("broken.txt: the list has no rows");
  }

  /** A list read line by line (as a large file is) is the list read whole, in every encoding. */
  @Test
  void aListReadLineByLineIsTheListReadWhole(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    String text = Files.readString(TestData.LIST_2021);
    java.util.Map<String, byte[]> forms = new java.util.LinkedHashMap<>();
    forms.put("utf8.txt", text.getBytes(StandardCharsets.UTF_8));
    forms.put("bom.txt", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
    forms.put("utf16le.txt", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
    forms.put("crlf.txt", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    // a broken row: its 推荐单位 cell gone, so the row has four cells
    forms.put(
        "broken.txt", text.replaceFirst("\n\t天津市科技局\n", "\n").getBytes(StandardCharsets.UTF_8));
    for (var form : forms.entrySet()) {
      Path file = Files.write(dir.resolve(form.getKey()), form.getValue());
      TextDecoder.Streamed streamed = TextDecoder.streamed(file);
      assertThat(streamed).as(form.getKey()).isNotNull();
      java.util.List<ListRow> rows = new java.util.ArrayList<>();
      ListReader.RowSink sink =
          new ListReader.RowSink() {
            @Override
            public void header(ListDocument header) {}

            @Override
            public void row(ListRow row) {
              rows.add(row);
            }
          };
      if (form.getKey().equals("broken.txt")) {
        Throwable whole =
            org.assertj.core.api.Assertions.catchThrowable(() -> TextListReader.parse(file));
        assertThat(whole)
            .isInstanceOf(ListFormatException.class)
            .hasMessageContaining("broken.txt:10: a row has 4 cells");
        assertThatThrownBy(() -> TextListReader.streamLines(file, streamed, ReadOptions.NONE, sink))
            .isInstanceOf(ListFormatException.class)
            .hasMessage(whole.getMessage());
        continue;
      }
      ListDocument header = TextListReader.streamLines(file, streamed, ReadOptions.NONE, sink);
      assertThat(header.withRows(rows)).as(form.getKey()).isEqualTo(TextListReader.parse(file));
      assertThat(rows).hasSize(43);
    }
    // GB18030 is told apart only by reading all of it: it is not streamed
    Path gb =
        Files.write(
            dir.resolve("gb.txt"), text.getBytes(java.nio.charset.Charset.forName("GB18030")));
    assertThat(TextDecoder.streamed(gb)).isNull();
  }
}
