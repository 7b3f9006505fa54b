package clustersearch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import clustersearch.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of one list (settings.yaml {@code lists}, issue 17 fault 12): an 82 KB PDF of 3
 * million text operations, a 400,000-row XLSX and a 138 MB CSV each exhausted the memory of the
 * indexer and of the server, and a 20,000-page PDF kept {@code --check} busy past 90 s. Each limit
 * is tried on the real list in the form it limits, lowered below it.
 */
class ListLimitsTest {
  @TempDir static Path dir;
  static ListDocument text;

  @BeforeAll
  static void readTheTextForm() throws IOException {
    text = TextListReader.parse(TestData.LIST_2021);
  }

  private static ReadOptions limits(Long bytes, Integer rows, Integer pages, Integer operations) {
    return new ReadOptions(null, false, new Settings.Lists(bytes, rows, pages, operations));
  }

  @Test
  void theDefaultsLetEveryFormOfTheRealListThrough() throws IOException {
    Path xlsx =
        ListFixtures.spreadsheet(dir.resolve("real.xlsx"), text.title(), text.rows(), false);
    Path pdf = ListFixtures.pdf(dir.resolve("real.pdf"), text.title(), text.rows());

    for (Path file : new Path[] {TestData.LIST_2021, xlsx, pdf}) {
      assertThat(ListReaders.read(file, ReadOptions.NONE).rows()).as(file.toString()).hasSize(43);
    }
  }

  @Test
  void aFileOverTheByteLimitIsRefusedBeforeItIsRead() {
    assertThatThrownBy(() -> ListReaders.read(TestData.LIST_2021, limits(1024L, null, null, null)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("the file is ")
        .hasMessageContaining("a list may be at most 1 KB (settings.yaml lists.maxBytes)");
  }

  @Test
  void aListOverTheRowLimitIsRefusedAtTheFirstRowTooMany() {
    assertThatThrownBy(() -> ListReaders.read(TestData.LIST_2021, limits(null, 40, null, null)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageMatching(".*clusters-2021\\.txt:\\d+: the list has more than 40 rows .*")
        .hasMessageContaining("settings.yaml lists.maxRows");
  }

  @Test
  void aWorkbookOverTheRowLimitIsRefusedBeforeItIsLoaded() throws IOException {
    Path xlsx =
        ListFixtures.spreadsheet(dir.resolve("rows.xlsx"), text.title(), text.rows(), false);

    assertThatThrownBy(() -> ListReaders.read(xlsx, limits(null, 40, null, null)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("the list has more than 40 rows (settings.yaml lists.maxRows)");
  }

  @Test
  void aPdfOverThePageLimitIsRefusedBeforeItsTextIsRead() throws IOException {
    Path pdf = ListFixtures.pdf(dir.resolve("pages.pdf"), text.title(), text.rows());

    assertThatThrownBy(() -> ListReaders.read(pdf, limits(null, null, 1, null)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("pages; a list may have at most 1 (settings.yaml lists.maxPages)");
  }

  @Test
  void aPdfOverTheOperationLimitIsRefusedWhileItIsRead() throws IOException {
    Path pdf = ListFixtures.pdf(dir.resolve("operations.pdf"), text.title(), text.rows());

    assertThatThrownBy(() -> ListReaders.read(pdf, limits(null, null, null, 50)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("(page 1): the PDF has more than 50 text and drawing operations")
        .hasMessageContaining("settings.yaml lists.maxPdfOperations");
  }
}
