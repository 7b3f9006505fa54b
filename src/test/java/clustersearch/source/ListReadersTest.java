package clustersearch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2021 list written by the tests in every format it is published in, read back and compared
 * with the text reader's 43 records field by field; and broken forms of each, with the exact error.
 */
class ListReadersTest {
  static final Charset GBK = Charset.forName("GBK");
  static ListDocument text;
  static List<Cluster> clusters;
  static Classifier classifier;

  @TempDir static Path dir;

  /** The fixtures stay in target/fixtures, for trying {@code index --check} on them by hand. */
  @org.junit.jupiter.api.AfterAll
  static void keepTheFixtures() throws IOException {
    Path kept = Path.of("target", "fixtures");
    Files.createDirectories(kept);
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(
            f, kept.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @BeforeAll
  static void readTheTextForm() throws IOException {
    text = TextListReader.parse(TestData.LIST_2021);
    classifier = Classifier.of(TestData.config(dir));
    clusters = classifier.classify(text);
  }

  /** The same title, year, category and rows (where aside), and the same classified clusters. */
  static void assertSameList(ListDocument read) {
    assertThat(read.title()).isEqualTo(text.title());
    assertThat(read.year()).isEqualTo(2021);
    assertThat(read.category()).isEqualTo("试点（培育）");
    assertThat(read.rows()).hasSize(43);
    for (int i = 0; i < 43; i++) {
      assertThat(read.rows().get(i))
          .as("row %d of %s", i + 1, read.file())
          .usingRecursiveComparison()
          .ignoringFields("at")
          .isEqualTo(text.rows().get(i));
    }
    assertThat(classifier.classify(read)).isEqualTo(clusters);
  }

  static ListDocument read(Path file) throws IOException {
    return ListReaders.read(file, ReadOptions.NONE);
  }

  @Test
  void theTextFormSaysItsEncoding() throws IOException {
    assertThat(read(TestData.LIST_2021).format()).isEqualTo("text, UTF-8");
    assertThat(text.category()).isEqualTo("试点（培育）");
  }

  @Test
  void gbkAndUtf16TextReadAsTheUtf8Text() throws IOException {
    String original = Files.readString(TestData.LIST_2021, StandardCharsets.UTF_8);
    Path gbk = Files.write(dir.resolve("gbk.txt"), original.getBytes(GBK));
    Path utf16 =
        Files.write(
            dir.resolve("utf16.txt"), ("\uFEFF" + original).getBytes(StandardCharsets.UTF_16LE));
    Path utf16be =
        Files.write(dir.resolve("utf16be.txt"), original.getBytes(StandardCharsets.UTF_16BE));
    Path bom =
        Files.write(dir.resolve("bom.txt"), ("\uFEFF" + original).getBytes(StandardCharsets.UTF_8));

    assertSameList(read(gbk));
    assertThat(read(gbk).format()).isEqualTo("text, GB18030");
    assertSameList(read(utf16));
    assertThat(read(utf16).format()).isEqualTo("text, UTF-16LE");
    assertSameList(read(utf16be));
    assertThat(read(utf16be).format()).isEqualTo("text, UTF-16BE");
    assertThat(read(bom).format()).isEqualTo("text, UTF-8 with BOM");
  }

  @Test
  void textInAnEncodingNotReadIsRefusedNotMisread() throws IOException {
    // Latin-1 accents and control bytes: neither UTF-8, UTF-16 nor plausible GB18030.
    byte[] bytes = new byte[400];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i % 3 == 0 ? 0xE9 : i % 3 == 1 ? 'a' : 0x01);
    }
    Path latin = Files.write(dir.resolve("latin.txt"), bytes);

    assertThatThrownBy(() -> read(latin))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith(latin + ": cannot tell the text's encoding (")
        .hasMessageEndingWith("); save it as UTF-8, UTF-16 or GB18030/GBK");
  }

  @Test
  void xlsxAndXlsWithMergedRegionsAndColumnsInAnotherOrderReadAsTheText() throws IOException {
    Path xlsx =
        ListFixtures.spreadsheet(dir.resolve("2021.xlsx"), text.title(), text.rows(), false);
    Path xls = ListFixtures.spreadsheet(dir.resolve("2021.xls"), text.title(), text.rows(), true);

    assertSameList(read(xlsx));
    assertSameList(read(xls));
    assertThat(read(xlsx).format()).isEqualTo("XLSX, sheet 名单");
    assertThat(read(xls).format()).isEqualTo("XLS, sheet 名单");
    assertThat(read(xlsx).rows().get(4).at()).hasToString("sheet 名单, row 7");
  }

  @Test
  void docxWithAMergedRegionColumnReadsAsTheText() throws IOException {
    Path docx = ListFixtures.docx(dir.resolve("2021.docx"), text.title(), text.rows());

    ListDocument read = read(docx);
    assertSameList(read);
    assertThat(read.format()).isEqualTo("DOCX, 1 table");
  }

  @Test
  void aTextPdfOverPagesWithWrappedCellsReadsAsTheText() throws IOException {
    assumeThat(ListFixtures.CJK_FONT).as("fonts-wqy-zenhei (.ci/run installs it)").exists();
    Path pdf = ListFixtures.pdf(dir.resolve("2021.pdf"), text.title(), text.rows());

    ListDocument read = read(pdf);
    assertSameList(read);
    assertThat(read.format()).isEqualTo("PDF, 3 pages");
  }

  @Test
  void csvInUtf8AndGbkAndJsonInBothNamingsReadAsTheText() throws IOException {
    assertSameList(
        read(
            ListFixtures.csv(
                dir.resolve("u.csv"), text.title(), text.rows(), StandardCharsets.UTF_8)));
    ListDocument gbk = read(ListFixtures.csv(dir.resolve("g.csv"), text.title(), text.rows(), GBK));
    assertSameList(gbk);
    assertThat(gbk.format()).isEqualTo("CSV, GB18030");
    assertSameList(
        read(
            ListFixtures.json(
                dir.resolve("c.json"), text.title(), text.rows(), Function.identity())));
    Function<String, String> api =
        c ->
            switch (c) {
              case "序号" -> "seq";
              case "地区" -> "region";
              case "集群名称" -> "name";
              case "建设单位" -> "builder";
              default -> "recommender";
            };
    Path untitled = ListFixtures.json(dir.resolve("untitled.json"), null, text.rows(), api);
    ListDocument withYear = ListReaders.read(untitled, ReadOptions.NONE.withYear(2021));
    assertThat(withYear.title()).isEmpty();
    assertThat(withYear.category()).isEmpty();
    assertThat(withYear.rows())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("at")
        .isEqualTo(text.rows());
  }

  @Test
  void anUntitledListWithoutAYearIsRefusedAndATitleThatDisagreesWithTheYearGivenToo()
      throws IOException {
    Path untitled =
        ListFixtures.csv(dir.resolve("untitled.csv"), null, text.rows(), StandardCharsets.UTF_8);
    Path titled =
        ListFixtures.csv(
            dir.resolve("titled.csv"), text.title(), text.rows(), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> read(untitled))
        .hasMessage(
            untitled
                + " (row 2): no title with a year (such as \"2021年度创新型产业集群试点（培育）名单\") before the"
                + " first row; give the year with --year");
    assertThat(ListReaders.read(untitled, ReadOptions.NONE.withYear(2023)).year()).isEqualTo(2023);
    assertThatThrownBy(() -> ListReaders.read(titled, ReadOptions.NONE.withYear(2023)))
        .hasMessage(
            titled + ": the title says 2021 (\"2021年度创新型产业集群试点（培育）名单\") but --year says 2023");
  }

  // Broken forms, each with its exact error.

  static List<ListRow> changed(int index, ListRow replacement) {
    List<ListRow> rows = new ArrayList<>(text.rows());
    rows.set(index, replacement);
    return rows;
  }

  static ListRow with(ListRow r, String seq, String name) {
    return new ListRow(
        r.at(), Integer.parseInt(seq), r.region(), name, r.builder(), r.recommender());
  }

  @Test
  void brokenSpreadsheetsNameSheetRowAndColumn() throws IOException {
    Path missingColumn = dir.resolve("missing-column.xlsx");
    ListFixtures.spreadsheet(missingColumn, text.title(), text.rows(), false);
    dropColumn(missingColumn, "推荐单位");
    Path blankName =
        ListFixtures.spreadsheet(
            dir.resolve("blank.xlsx"),
            text.title(),
            changed(2, with(text.rows().get(2), "3", "")),
            false);
    Path empty = dir.resolve("empty.xlsx");
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = Files.newOutputStream(empty)) {
      book.createSheet("名单");
      book.write(out);
    }

    assertThatThrownBy(() -> read(missingColumn))
        .isInstanceOf(ListFormatException.class)
        .hasMessage(
            missingColumn
                + " (sheet 名单, row 2): the header row lacks the column 推荐单位 (a list has the columns"
                + " 序号, 地区, 集群名称, 建设单位, 推荐单位)");
    assertThatThrownBy(() -> read(blankName))
        .hasMessage(blankName + " (sheet 名单, row 5, column B): 集群名称 is blank");
    assertThatThrownBy(() -> read(empty)).hasMessage(empty + ": every sheet is empty (1 sheet)");
  }

  @Test
  void aNonNumericSeqIsRefusedInEveryFormat() throws IOException {
    Path xlsx = dir.resolve("seq.xlsx");
    ListFixtures.spreadsheet(xlsx, text.title(), text.rows(), false);
    setCell(xlsx, 3, 0, "一");
    Path docx = ListFixtures.docx(dir.resolve("seq.docx"), text.title(), text.rows());
    setDocxCell(docx, 2, 0, "二");
    Path csv =
        ListFixtures.csv(dir.resolve("seq.csv"), text.title(), text.rows(), StandardCharsets.UTF_8);
    Files.writeString(csv, Files.readString(csv).replace("\n3,", "\n三,"));
    Path json =
        ListFixtures.json(dir.resolve("seq.json"), text.title(), text.rows(), Function.identity());
    Files.writeString(json, Files.readString(json).replace("\"序号\" : 4,", "\"序号\" : \"四\","));

    assertThatThrownBy(() -> read(xlsx))
        .hasMessage(xlsx + " (sheet 名单, row 4, column A): 序号 \"一\" is not a number");
    assertThatThrownBy(() -> read(docx))
        .hasMessage(docx + " (table 1, row 3, column 1): 序号 \"二\" is not a number");
    assertThatThrownBy(() -> read(csv))
        .hasMessage(csv + " (row 5, column 1): 序号 \"三\" is not a number");
    assertThatThrownBy(() -> read(json))
        .hasMessage(json + " (record 4, 序号): 序号 \"四\" is not a number");
  }

  @Test
  void brokenDocxCsvJsonAndPdfFormsNameWhereTheProblemIs() throws IOException {
    Path noTable = dir.resolve("no-table.docx");
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
        var out = Files.newOutputStream(noTable)) {
      doc.createParagraph().createRun().setText(text.title());
      doc.write(out);
    }
    Path shortRow =
        ListFixtures.csv(
            dir.resolve("short.csv"), text.title(), text.rows(), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Files.readAllLines(shortRow));
    lines.set(3, "2,河北"); // the row of 序号 2 without its last three cells
    Files.write(shortRow, lines);
    Path missingName =
        ListFixtures.json(
            dir.resolve("missing.json"), text.title(), text.rows(), Function.identity());
    Files.writeString(
        missingName,
        Files.readString(missingName).replace("\"集群名称\" : \"太原高新区核心电子器件及应用创新型产业集群\",", ""));
    Path scanned = ListFixtures.scannedPdf(dir.resolve("scanned.pdf"));

    assertThatThrownBy(() -> read(noTable))
        .hasMessage(noTable + ": the document has no table (the list is a table in Word)");
    assertThatThrownBy(() -> read(shortRow))
        .hasMessage(shortRow + " (row 4): the row has 2 cells; 集群名称 (column 3) is missing");
    assertThatThrownBy(() -> read(missingName))
        .hasMessage(missingName + " (record 3, 集群名称): 集群名称 is blank");
    assertThatThrownBy(() -> read(scanned))
        .hasMessage(
            scanned
                + ": the PDF has no text (1 page, a scan?): text recognition is not done here; use"
                + " the list's Word, Excel or text PDF form");
  }

  @Test
  void aPdfRowNumberedZeroIsRefusedNamingPageLineAndColumn() throws IOException {
    assumeThat(ListFixtures.CJK_FONT).as("fonts-wqy-zenhei (.ci/run installs it)").exists();
    ListRow third = text.rows().get(2);
    Path zero =
        ListFixtures.pdf(
            dir.resolve("zero.pdf"),
            text.title(),
            changed(
                2,
                new ListRow(
                    third.at(),
                    0,
                    third.region(),
                    third.name(),
                    third.builder(),
                    third.recommender())));

    // Line 1 附件, 2 the title, 3 the header, 4-5 row 1 (its builder wraps), 6 row 2, 7 row 3.
    assertThatThrownBy(() -> read(zero))
        .hasMessage(zero + " (page 1, line 7, 序号): 序号 0: list numbers start at 1");
  }

  @Test
  void aFileOfAnUnknownFormatOrNamedForAnotherIsRefusedNamingTheFormatsRead() throws IOException {
    Path odt = Files.writeString(dir.resolve("list.odt"), "x");
    Path doc = Files.writeString(dir.resolve("list.doc"), "x");
    Path pdfNamedXlsx = ListFixtures.scannedPdf(dir.resolve("really-a-pdf.xlsx"));

    assertThatThrownBy(() -> read(odt))
        .hasMessage(
            odt
                + ": not a list format known here (formats read: .txt, .csv, .json, .xlsx, .xls, .docx, .pdf)");
    assertThatThrownBy(() -> read(doc))
        .hasMessageContaining("a Word 97–2003 .doc is not read; save it as .docx");
    assertThatThrownBy(() -> read(pdfNamedXlsx))
        .hasMessage(pdfNamedXlsx + ": named .xlsx but not XLSX/XLS inside (it looks like PDF)");
  }

  @Test
  void aListOf20000RowsWithFiveDigitNumbersReads() {
    ListDocument doc =
        TextListReader.parse(
            Path.of("big.txt"), ListFixtures.longTextList(2030, text.rows(), 20_000));

    assertThat(doc.rows()).hasSize(20_000);
    assertThat(doc.rows().get(19_999).seq()).isEqualTo(20_000);
    assertThat(doc.category()).isEmpty();
    assertThat(classifier.classify(doc)).hasSize(20_000);
  }

  /** Changes the first sheet of {@code xlsx} in place. */
  private static void editSheet(
      Path xlsx, java.util.function.Consumer<org.apache.poi.ss.usermodel.Sheet> edit)
      throws IOException {
    Path edited = xlsx.resolveSibling("edited-" + xlsx.getFileName());
    try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(xlsx.toFile());
        var out = Files.newOutputStream(edited)) {
      edit.accept(book.getSheetAt(0));
      book.write(out);
    }
    Files.move(edited, xlsx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void dropColumn(Path xlsx, String column) throws IOException {
    int c = ListFixtures.SHEET_COLUMNS.indexOf(column);
    editSheet(
        xlsx,
        sheet -> {
          for (var row : sheet) {
            if (row.getCell(c) != null) {
              row.removeCell(row.getCell(c));
            }
          }
        });
  }

  private static void setCell(Path xlsx, int row, int column, String value) throws IOException {
    editSheet(xlsx, sheet -> sheet.getRow(row).getCell(column).setCellValue(value));
  }

  private static void setDocxCell(Path docx, int row, int column, String value) throws IOException {
    org.apache.poi.xwpf.usermodel.XWPFDocument doc;
    try (var in = Files.newInputStream(docx)) {
      doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in);
    }
    try (doc) {
      var cell = doc.getTables().get(0).getRow(row).getCell(column);
      cell.removeParagraph(0);
      cell.setText(value);
      try (var out = Files.newOutputStream(docx)) {
        doc.write(out);
      }
    }
  }

  @Test
  void jsonBeyondTheParsersLimitsIsRefusedWithTheFileNotACrash() throws IOException {
    // Issue 17, fault 11: nesting 100,000 deep or a 500,000-digit number was a
    // NullPointerException (the parser's limit errors carry no location).
    Path deep = dir.resolve("deep.json");
    Files.writeString(deep, "[".repeat(100_000) + "]".repeat(100_000));
    Path number = dir.resolve("number.json");
    Files.writeString(number, "[{\"序号\": " + "9".repeat(500_000) + "}]");

    for (Path file : List.of(deep, number)) {
      assertThatThrownBy(() -> read(file))
          .as(file.toString())
          .isInstanceOf(ListFormatException.class)
          .hasMessageContaining(file.getFileName().toString())
          .hasMessageContaining("not valid JSON");
    }
  }
}
