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

  @Test
  void aPlainServeLineIsReadWithoutPicocliExactlyAsPicocliReadsIt() {
    // Issue 19: picocli cost ~450 ms of every server start; ServeFastPath reads plain serve lines.
    String[][] plain = {
      {"serve"},
      {"serve", "--port", "7999"},
      {"serve", "--port=0", "--host", "0.0.0.0"},
      {"--config", "/tmp/c", "serve", "--index-from", "/tmp/i"},
      {"--home=/x", "serve", "--port", "8080", "--config=/y"},
    };
    for (String[] args : plain) {
      ServeCommand fast = ServeFastPath.read(args);
      CommandLine cli = Main.commandLine();
      CommandLine.ParseResult parsed = cli.parseArgs(args);
      ServeCommand slow = (ServeCommand) parsed.subcommand().commandSpec().userObject();
      Main root = (Main) cli.getCommand();
      String line = String.join(" ", args);
      assertThat(fast).as(line).isNotNull();
      assertThat(fast.port).as(line).isEqualTo(slow.port);
      assertThat(fast.host).as(line).isEqualTo(slow.host);
      assertThat(fast.indexFrom).as(line).isEqualTo(slow.indexFrom);
      assertThat(fast.main.home).as(line).isEqualTo(root.home);
      assertThat(fast.main.configDir).as(line).isEqualTo(root.configDir);
    }
    String[][] forPicocli = {
      {"serve", "--help"},
      {"serve", "--port", "abc"},
      {"serve", "--prot", "1"},
      {"serve", "--port"},
      {"--port", "1", "serve"},
      {"serve", "serve"},
      {"index"},
      {"search", "serve"},
    };
    for (String[] args : forPicocli) {
      assertThat(ServeFastPath.read(args)).as(String.join(" ", args)).isNull();
    }
  }

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
        .contains("read data/clusters-2021.txt (text, UTF-8): 2021年度创新型产业集群试点（培育）名单, 43 clusters")
        .contains("2021-40 榆林高新区煤化工创新型产业集群 (industry: 煤化工)")
        .containsPattern("indexed 43 clusters into index/gen-\\d+ in \\d+\\.\\d\\d s");
  }

  static String[] in(Path home, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--home";
    all[1] = home.toString();
    all[2] = "--config";
    all[3] = TestData.CONFIG.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return all;
  }

  static clustersearch.source.ListDocument list2021() throws IOException {
    return clustersearch.source.TextListReader.parse(TestData.LIST_2021);
  }

  @Test
  void indexCheckReportsEveryFileAndExitsNonZeroWhenOneIsBroken(@TempDir Path home)
      throws IOException {
    project(home);
    var list = list2021();
    Path xlsx =
        clustersearch.source.ListFixtures.spreadsheet(
            home.resolve("2021.xlsx"), list.title(), list.rows(), false);
    Path broken = Files.writeString(home.resolve("broken.csv"), "序号,地区,集群名称,建设单位\n1,天津,甲集群,乙\n");

    Run good = run(in(home, "index", "--check", "data/clusters-2021.txt", xlsx.toString()));
    Run bad = run(in(home, "index", "--check", xlsx.toString(), broken.toString()));

    assertThat(good.exit()).isZero();
    assertThat(good.out())
        .contains("  read as: text, UTF-8")
        .contains("  read as: XLSX, sheet 名单")
        .contains("  title: 2021年度创新型产业集群试点（培育）名单 (year 2021, category 试点（培育）)")
        .contains("  records read: 43, classified: 43")
        .contains("    line 290: 榆林高新区煤化工创新型产业集群 (industry 煤化工) is 其他")
        .contains("    sheet 名单, row 42: 榆林高新区煤化工创新型产业集群 (industry 煤化工) is 其他")
        .contains("  provinces not recognised (config/provinces.yaml): none");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out())
        .contains("  read as: XLSX, sheet 名单")
        .contains(
            "  error: "
                + broken
                + " (row 1): the header row lacks the column 推荐单位 (a list has the columns 序号, 地区,"
                + " 集群名称, 建设单位, 推荐单位)");
    assertThat(home.resolve("index")).doesNotExist(); // nothing indexed
  }

  @Test
  void indexCheckReportsRegionsItCannotPlaceWithTheirLines(@TempDir Path home) throws IOException {
    Path list =
        Files.writeString(
            home.resolve("mars.txt"), "2030年度创新型产业集群名单\n\n\t1\n\t火星\n\t火星高新区甲创新型产业集群\n\t甲\n\t乙\n");

    Run run = run(in(home, "index", "--check", list.toString()));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("  provinces not recognised (config/provinces.yaml): 1")
        .contains("    line 3: 地区 \"火星\" names no known province")
        .contains("  error: not indexable as it is");
  }

  @Test
  void indexAddAddsAListOfAnotherYearAndRefusesASecondOfTheSameYear(@TempDir Path home)
      throws IOException {
    project(home);
    assertThat(run(in(home, "index")).exit()).isZero();
    String served = Files.readString(home.resolve("index/CURRENT"));
    Path csv =
        Files.writeString(
            home.resolve("hand.csv"),
            "序号,地区,集群名称,建设单位,推荐单位\n"
                + "1,浙江,杭州高新区（滨江）物联网创新型产业集群,杭州高新区（滨江）管委会,浙江省科技厅\n"
                + "2,,温州激光与光电创新型产业集群,温州高新区管委会,\n");
    var list = list2021();
    Path again =
        clustersearch.source.ListFixtures.docx(
            home.resolve("again.docx"), list.title(), list.rows());

    Run refused = run(in(home, "index", "--add", again.toString()));
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains("the data folder already holds the list of 2021")
        .contains("add with --replace to replace it");
    assertThat(Files.readString(home.resolve("index/CURRENT"))).isEqualTo(served);
    try (var files = Files.list(home.resolve("data"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("clusters-2021.txt");
    }

    Run untitled = run(in(home, "index", "--add", csv.toString()));
    assertThat(untitled.exit()).isEqualTo(1);
    assertThat(untitled.err()).contains("give the year with --year");
    assertThat(Files.readString(home.resolve("index/CURRENT"))).isEqualTo(served);
    try (var files = Files.list(home.resolve("data"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("clusters-2021.txt");
    }

    // Issue 17, fault 5: the index was swapped before the list was stored; when storing failed
    // the index served records that data/ did not hold, and the next reindex dropped them.
    Path blocked = Files.createDirectories(home.resolve("data/.clusters-2023.csv.partial/x"));
    Run unstorable = run(in(home, "index", "--add", csv.toString(), "--year", "2023"));
    assertThat(unstorable.exit()).isEqualTo(1);
    assertThat(unstorable.err())
        .contains("error: cannot store")
        .contains("nothing was changed")
        .doesNotContain("at clustersearch");
    assertThat(Files.readString(home.resolve("index/CURRENT"))).isEqualTo(served);
    Files.delete(blocked);
    Files.delete(blocked.getParent());

    // A year the data folder's names cannot carry would stop every later build (issue 17, fault 4).
    for (String year : java.util.List.of("1850", "99999", "-5", "0", "20233")) {
      Run typo = run(in(home, "index", "--add", csv.toString(), "--year", year));
      assertThat(typo.exit()).as(year).isEqualTo(1);
      assertThat(typo.err()).as(year).contains("the year " + year + " is outside 2000–");
    }
    assertThat(Files.readString(home.resolve("index/CURRENT"))).isEqualTo(served);
    try (var files = Files.list(home.resolve("data"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("clusters-2021.txt");
    }

    Run added = run(in(home, "index", "--add", csv.toString(), "--year", "2023"));
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out())
        .contains("added " + csv + " (CSV, UTF-8, year 2023, 2 records) as data/clusters-2023.csv")
        .contains("read data/clusters-2021.txt (text, UTF-8)")
        .containsPattern("indexed 45 clusters into index/gen-\\d+");
    assertThat(home.resolve("data/clusters-2023.csv")).exists();
    Run search = run(in(home, "search", "--year", "2023", "--json"));
    assertThat(search.out()).contains("\"total\" : 2").contains("\"id\" : \"2023-2\"");

    // The data folder is read back alone: the CSV's year now comes from its name.
    assertThat(run(in(home, "index")).out()).contains("indexed 45 clusters");

    Run replaced = run(in(home, "index", "--add", again.toString(), "--replace"));
    assertThat(replaced.exit()).as(replaced.err()).isZero();
    assertThat(replaced.out())
        .contains("as data/clusters-2021.docx, replacing data/clusters-2021.txt");
    assertThat(home.resolve("data/clusters-2021.txt")).doesNotExist();
  }

  @Test
  void generateWritesListsThatIndexAndSearchLikeRealOnes(@TempDir Path home) throws IOException {
    Run generated =
        run(in(home, "generate", "--count", "2003", "--out", home.resolve("data").toString()));
    Run indexed = run(in(home, "index"));
    Run search = run(in(home, "search", "生物医药", "--year", "2023", "--json"));

    assertThat(generated.exit()).isZero();
    assertThat(generated.out())
        .contains("clusters-2021.txt: 401 rows of 2021")
        .contains("clusters-2025.txt: 400 rows of 2025");
    assertThat(indexed.exit()).as(indexed.err()).isZero();
    assertThat(indexed.out()).contains("indexed 2003 clusters");
    assertThat(search.out()).contains("\"year\" : 2023").contains("\"industry\" : \"生物医药");
    // The same seed writes the same lists.
    Path again = home.resolve("again");
    run(in(home, "generate", "--count", "2003", "--out", again.toString()));
    assertThat(Files.readString(again.resolve("clusters-2022.txt")))
        .isEqualTo(Files.readString(home.resolve("data/clusters-2022.txt")));
  }

  @Test
  void searchPrintsATableOrJson(@TempDir Path home) throws IOException {
    String[] base = {"--home", project(home).toString(), "--config", TestData.CONFIG.toString()};
    run(base[0], base[1], base[2], base[3], "index");

    Run table = run(base[0], base[1], base[2], base[3], "search", "生物医药", "--province", "山东");
    Run json = run(base[0], base[1], base[2], base[3], "search", "铝", "--json");

    assertThat(table.out())
        .contains("1 clusters match \"生物医药\", 1 related")
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

  @Test
  void aMistypedCommandNamesTheOneMeant() {
    // Issue 18: it began "Unmatched arguments from index 0".
    Run serch = run("serch", "生物医药");
    Run nonsense = run("frobnicate");

    assertThat(serch.exit()).isEqualTo(2);
    assertThat(serch.err()).startsWith("error: unknown command 'serch'; did you mean 'search'?");
    assertThat(nonsense.err())
        .contains("the commands are index, serve, search, eval, bench, generate");
  }
}
