package clustersearch.search;

import clustersearch.TestData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A search service over a temporary index of the bundled 2021 list, built once per test class. */
abstract class OnTheRealList {
  @TempDir static Path home;
  static SearchStack stack;
  static SearchService service;

  @BeforeAll
  static void buildTheIndex() throws IOException {
    stack = TestData.indexAndOpen(home);
    service = stack.service();
  }

  @AfterAll
  static void close() throws IOException {
    stack.close();
  }
}
