package clustersearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.search.SearchRequest;
import clustersearch.search.SearchStack;
import clustersearch.source.SyntheticLists;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer streams: one list of 150,000 rows is indexed by a JVM of 64 MB, since only the list's
 * text and a few batches of clusters are held, never its rows or clusters all at once. (Before, a
 * build read every list into rows and clusters first: five lists of 200,000 rows needed a 3 GB
 * heap, and one of 150,000 ran out of 64 MB.)
 */
class StreamingIndexTest {
  static final int ROWS = 150_000;

  @Test
  void aListOfAHundredAndFiftyThousandRowsIsIndexedInA64MegabyteHeap(@TempDir Path home)
      throws Exception {
    Path config = TestData.copyOfConfig(home);
    Path settings = config.resolve("settings.yaml");
    Files.writeString(
        settings,
        Files.readString(settings)
            .replaceFirst("(?m)^  maxBytes: *\\d+", "  maxBytes: 67108864")
            .replaceFirst("(?m)^  maxRows: *\\d+", "  maxRows: 1000000"));
    Path data = home.resolve("data");
    AppConfig app = TestData.config(home, data).withConfigDir(config);
    SyntheticLists.write(app, ROWS, List.of(2021), 5, data);

    try (ServerProcess indexer =
        ServerProcess.startWithHeap(
            "64m",
            Main.class.getName(),
            "--home",
            home.toString(),
            "--config",
            config.toString(),
            "index")) {
      assertThat(indexer.await("indexed " + ROWS + " clusters")).contains("clusters/s");
      assertThat(indexer.waitForExit()).isZero();
    }
    try (SearchStack stack = SearchStack.open(app).orElseThrow()) {
      assertThat(stack.service().health().documents()).isEqualTo(ROWS);
      assertThat(stack.service().search(SearchRequest.of("生物医药", 10)).hits()).hasSize(10);
    }
  }
}
