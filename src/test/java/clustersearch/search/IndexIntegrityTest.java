package clustersearch.search;

import static clustersearch.Damage.garble;
import static clustersearch.Damage.largestSegmentFile;
import static clustersearch.Damage.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.index.IndexBuild;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault 2 of the probe: a damaged generation (a truncated or garbled segment file) stopped the
 * server with a raw CorruptIndexException, or opened cleanly and answered 500s or changed scores.
 * Fault 3: a killed build's partial generation survived pruning while the served one was deleted.
 */
class IndexIntegrityTest {

  static List<String> generations(Path indexDir) throws IOException {
    try (Stream<Path> files = Files.list(indexDir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("gen-"))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbled", "truncated"})
  void aDamagedCurrentGenerationIsRefusedAndTheNewestIntactOneServed(
      String damage, @TempDir Path home) throws IOException {
    AppConfig config = TestData.config(home);
    Path intact = IndexBuild.run(config).generation();
    Path damaged = IndexBuild.run(config).generation();
    if (damage.equals("garbled")) {
      garble(largestSegmentFile(damaged));
    } else {
      truncate(largestSegmentFile(damaged));
    }

    try (SearchStack stack = SearchStack.open(config).orElseThrow()) {
      assertThat(stack.index().generation()).isEqualTo(intact);
      ClusterIndex.Status status = stack.index().status();
      assertThat(status.ready()).isTrue();
      assertThat(status.generation()).isEqualTo(intact.getFileName().toString());
      assertThat(status.problem()).contains(damaged.getFileName().toString());
      // Issue 17, fault 15: readiness is public; it names files within index/, not the host's
      // paths.
      assertThat(status.problem()).doesNotContain(home.toAbsolutePath().toString());
      assertThat(found(stack.service().search(SearchRequest.of("生物医药", 10)))).isEqualTo(7);
      assertThat(stack.service().health().documents()).isEqualTo(43);
    }
  }

  @Test
  void aGenerationWrittenWithOtherFieldsIsNotServedSoServeRebuildsIt(@TempDir Path home)
      throws IOException {
    AppConfig config = TestData.config(home);
    Path old = IndexBuild.run(config).generation();
    // As an earlier version wrote it: the same documents, no schema in the commit data.
    try (var dir = org.apache.lucene.store.FSDirectory.open(old);
        var writer =
            new org.apache.lucene.index.IndexWriter(
                dir,
                new org.apache.lucene.index.IndexWriterConfig()
                    .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
      writer.setLiveCommitData(java.util.Map.<String, String>of().entrySet());
      writer.commit();
    }

    assertThat(SearchStack.open(config)).isEmpty();
    Path rebuilt = IndexBuild.run(config).generation();
    try (SearchStack stack = SearchStack.open(config).orElseThrow()) {
      assertThat(stack.index().generation()).isEqualTo(rebuilt);
      assertThat(stack.service().stats(SearchRequest.of("", 1)).total()).isEqualTo(43);
    }
  }

  @Test
  void aCopiedGenerationMissingAFileIsRefusedByItsManifest(@TempDir Path home) throws IOException {
    AppConfig config = TestData.config(home);
    Path generation = IndexBuild.run(config).generation();
    String manifest = Files.readString(generation.resolve("COMPLETE"));
    String lost =
        manifest
            .lines()
            .skip(1)
            .filter(l -> l.startsWith("segments_"))
            .findFirst()
            .orElseThrow()
            .split("\t")[0];
    Files.delete(generation.resolve(lost));

    assertThat(manifest).startsWith("complete: file, size, checksum\n").contains(".cfs\t");
    assertThatThrownBy(() -> clustersearch.index.IndexLayout.verifyManifest(generation))
        .hasMessage("its manifest lists " + lost + ", which is missing");
    assertThat(SearchStack.open(config)).isEmpty();
  }

  @Test
  void withNoIntactGenerationNothingOpens(@TempDir Path home) throws IOException {
    AppConfig config = TestData.config(home);
    Path only = IndexBuild.run(config).generation();
    garble(largestSegmentFile(only));

    assertThat(SearchStack.open(config)).isEmpty();
  }

  @Test
  void aRunningServerRefusesABrokenNewGenerationAndSaysSoOnce(@TempDir Path home)
      throws IOException {
    AppConfig config = TestData.config(home);
    IndexBuild.run(config);
    try (SearchStack stack = SearchStack.open(config).orElseThrow()) {
      Path served = stack.index().generation();
      Path broken = IndexBuild.run(config).generation();
      garble(largestSegmentFile(broken));

      PrintStream original = System.out;
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        for (int i = 0; i < 5; i++) {
          assertThat(stack.index().reloadIfChanged()).isFalse();
        }
      } finally {
        System.setOut(original);
      }

      assertThat(stack.index().generation()).isEqualTo(served);
      assertThat(stack.index().status().failedReloads()).isEqualTo(1);
      List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0))
          .contains(broken.getFileName().toString())
          .contains("still serving " + served.getFileName())
          .doesNotContain("\tat ");
      assertThat(found(stack.service().search(SearchRequest.of("生物医药", 10)))).isEqualTo(7);
    }
  }

  @Test
  void aKilledBuildsLeftoverIsPrunedAndTheServedGenerationKept(@TempDir Path home)
      throws IOException {
    AppConfig config = TestData.config(home);
    Path indexDir = config.indexDir();
    Path served = IndexBuild.run(config).generation();
    // What a build killed midway leaves: a newer folder with some segment files, never marked.
    Path leftover = indexDir.resolve("gen-" + (Long.parseLong(name(served).substring(4)) + 1));
    Files.createDirectories(leftover);
    Files.copy(largestSegmentFile(served), leftover.resolve("_0.cfs"));

    Path next = IndexBuild.run(config).generation();

    assertThat(generations(indexDir)).containsExactly(name(served), name(next));
  }

  @Test
  void pruningKeepsThePublishedAndThePreviousGenerationOnly(@TempDir Path home) throws IOException {
    AppConfig config = TestData.config(home);
    IndexBuild.run(config);
    Path second = IndexBuild.run(config).generation();
    Path third = IndexBuild.run(config).generation();

    assertThat(generations(config.indexDir())).containsExactly(name(second), name(third));
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  /** Every cluster a search found: its matches and the related ones. */
  private static long found(clustersearch.search.SearchResult r) {
    return r.total() + r.related();
  }
}
