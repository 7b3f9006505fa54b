package clustersearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The subcommands as a person runs them, on a temporary project folder with the real list. */
class CommandLineTest {

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  static Path project(Path home) throws IOException {
    Files.createDirectories(home.resolve("data"));
    Files.copy(TestData.LIST_2021, home.resolve("data/clusters-2021.txt"));
    return home;
  }

  @Test
  void indexPrintsWhatItReadWhatItCallsOtherAndTheTime(@TempDir Path home) throws IOException {
    Run run =
        run("--home", project(home).toString(), "--config", TestData.CONFIG.toString(), "index");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("read data/clusters-2021.txt: 2021年度创新型产业集群试点（培育）名单, 43 clusters")
        .contains("2021-40 榆林高新区煤化工创新型产业集群 (industry: 煤化工)")
        .containsPattern("indexed 43 clusters into index/gen-\\d+ in \\d+\\.\\d\\d s");
  }

  @Test
  void searchPrintsATableOrJson(@TempDir Path home) throws IOException {
    String[] base = {"--home", project(home).toString(), "--config", TestData.CONFIG.toString()};
    run(base[0], base[1], base[2], base[3], "index");

    Run table = run(base[0], base[1], base[2], base[3], "search", "生物医药", "--province", "山东");
    Run json = run(base[0], base[1], base[2], base[3], "search", "铝", "--json");

    assertThat(table.out())
        .contains("2 clusters match \"生物医药\"")
        .containsPattern("1 +[0-9.]+ +2021-19");
    assertThat(json.out()).contains("\"id\" : \"2021-12\"").contains("\"facets\"");
  }

  @Test
  void aBrokenListExitsWithTheFileAndLine(@TempDir Path home) throws IOException {
    project(home);
    Files.writeString(home.resolve("data/clusters-2021.txt"), "附件\n2021年度名单\n\n\t1\n\t天津\n");

    Run run = run("--home", home.toString(), "--config", TestData.CONFIG.toString(), "index");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("error: ").contains("clusters-2021.txt:4: a row has 2 cells");
  }

  @Test
  void searchWithoutAnIndexSaysWhatToRun(@TempDir Path home) throws IOException {
    Run run =
        run(
            "--home",
            project(home).toString(),
            "--config",
            TestData.CONFIG.toString(),
            "search",
            "x");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("run 'cluster-search index' first");
  }

  @Test
  void everySubcommandHasHelp() {
    for (String sub : new String[] {"index", "serve", "search", "eval", "bench"}) {
      Run run = run(sub, "--help");
      assertThat(run.exit()).isZero();
      assertThat(run.out()).as(sub).contains("Usage: cluster-search " + sub);
    }
  }
}
