package clustersearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.index.IndexBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, fault 3: a replica that saw a generation half-copied (CURRENT first, then the files, as
 * a plain rsync of index/ copies them) refused it and never looked at it again.
 */
class ReplicaFollowTest {

  private static List<Path> files(Path generation) throws IOException {
    try (Stream<Path> files = Files.list(generation)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aGenerationSeenHalfCopiedIsTakenOnceItsCopyCompletes(
      @TempDir Path primary, @TempDir Path replica) throws IOException {
    Path first = IndexBuild.run(TestData.config(primary)).generation();
    Path second = IndexBuild.run(TestData.config(primary)).generation();
    Path index = Files.createDirectories(replica.resolve("index"));
    Path copied = Files.createDirectories(index.resolve(first.getFileName()));
    for (Path f : files(first)) {
      Files.copy(f, copied.resolve(f.getFileName()));
    }
    Files.writeString(index.resolve("CURRENT"), first.getFileName().toString());
    AppConfig config = TestData.config(replica);

    try (SearchStack stack = SearchStack.open(config).orElseThrow()) {
      // The unsafe order: CURRENT first, then the files, the COMPLETE mark among them.
      Path target = Files.createDirectories(index.resolve(second.getFileName()));
      Files.writeString(index.resolve("CURRENT"), second.getFileName().toString());
      List<Path> all = files(second);
      for (Path f : all.subList(0, all.size() / 2)) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
      assertThat(stack.index().reloadIfChanged()).isFalse();
      assertThat(stack.index().reloadIfChanged()).isFalse(); // unchanged: not looked at again
      for (Path f : all.subList(all.size() / 2, all.size())) {
        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }

      assertThat(stack.index().reloadIfChanged()).isTrue();
      assertThat(stack.index().status().generation()).isEqualTo(second.getFileName().toString());
      assertThat(stack.index().status().problem()).isNull();
    }
  }
}
