package clustersearch.cli;

import static clustersearch.Damage.garble;
import static clustersearch.Damage.largestSegmentFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import clustersearch.config.AppConfig;
import clustersearch.index.IndexBuild;
import clustersearch.index.IndexLayout;
import clustersearch.search.SearchRequest;
import clustersearch.search.SearchStack;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a real server process shows: the address it binds, signals, kill -9, a damaged disk.
 */
class ServerProcessTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  static HttpResponse<String> get(String url) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** An IPv4 address of this machine other than loopback, if it has one. */
  static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }

  // Fault 5: the server bound every interface by default.

  @Test
  void theServerBindsLoopbackByDefaultAndPrintsTheAddressReallyBound(@TempDir Path home)
      throws Exception {
    try (ServerProcess server = ServerProcess.serve(home)) {
      String base = server.awaitServing();

      assertThat(base).matches("http://127\\.0\\.0\\.1:[1-9]\\d*");
      assertThat(get(base + "/api/health").statusCode()).isEqualTo(200);
      int port = URI.create(base).getPort();
      Optional<InetAddress> outside = nonLoopbackAddress();
      if (outside.isPresent()) {
        assertThatThrownBy(() -> new Socket(outside.get(), port).close())
            .isInstanceOf(ConnectException.class);
      }
    }
  }

  @Test
  void hostExposesTheServer(@TempDir Path home) throws Exception {
    try (ServerProcess server = ServerProcess.serve(home, "--host", "0.0.0.0")) {
      String base = server.awaitServing();

      assertThat(base).startsWith("http://0.0.0.0:");
      Optional<InetAddress> outside = nonLoopbackAddress();
      if (outside.isPresent()) {
        new Socket(outside.get(), URI.create(base).getPort()).close();
      }
    }
  }

  // Fault 11: SIGTERM exited with 143 and reset idle keep-alive connections.

  @Test
  void sigtermClosesIdleConnectionsCleanlyAndExitsZero(@TempDir Path home) throws Exception {
    try (ServerProcess server = ServerProcess.serve(home)) {
      URI base = URI.create(server.awaitServing());
      try (Socket idle = new Socket(base.getHost(), base.getPort())) {
        idle.setSoTimeout(20_000);
        idle.getOutputStream()
            .write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        InputStream in = idle.getInputStream();
        String head = readResponse(in);
        assertThat(head).startsWith("HTTP/1.1 200");

        server.process.destroy(); // SIGTERM

        assertThat(in.read()).as("the idle connection ends cleanly (EOF, no reset)").isEqualTo(-1);
        assertThat(server.waitForExit()).isZero();
      }
    }
  }

  @Test
  void sigtermWhileStartingExitsZero(@TempDir Path home) throws Exception {
    // Issue 17, fault 13: SIGTERM in the first ~0.4 s (before the server installed its handler)
    // exited 143. The first line serve prints comes after main() installed the early handler and
    // picocli parsed the command line: the signal lands before the server or the index exist.
    Path data = Files.createDirectories(home.resolve("data"));
    Files.copy(TestData.LIST_2021, data.resolve("clusters-2021.txt"));
    try (ServerProcess server =
        ServerProcess.start(
            Main.class.getName(),
            "--home",
            home.toString(),
            "--config",
            TestData.CONFIG.toString(),
            "serve",
            "--port",
            "0")) {
      server.await("cluster-search starting");

      server.process.destroy(); // SIGTERM

      assertThat(server.waitForExit()).isZero();
      assertThat(String.join("\n", server.output)).doesNotContain("serving 43 clusters");
    }
  }

  /** Reads one response with a Content-Length, leaving the connection open. */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the end of the headers: " + head);
      }
      head.append((char) b);
    }
    int length =
        head.toString()
            .lines()
            .filter(l -> l.toLowerCase().startsWith("content-length:"))
            .map(l -> Integer.parseInt(l.substring(15).strip()))
            .findFirst()
            .orElseThrow();
    in.readNBytes(length);
    return head.toString();
  }

  // Fault 2 at start-up: a damaged only generation stopped serve with a CorruptIndexException.

  @Test
  void serveRebuildsWhenNoIntactGenerationIsLeft(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("data"));
    Files.copy(TestData.LIST_2021, home.resolve("data/clusters-2021.txt"));
    Path only = IndexBuild.run(TestData.config(home)).generation();
    garble(largestSegmentFile(only));

    try (ServerProcess server = ServerProcess.serve(home)) {
      String base = server.awaitServing();

      assertThat(server.output).anyMatch(l -> l.contains(only.getFileName() + " failed its check"));
      assertThat(server.output).anyMatch(l -> l.contains("building it from"));
      assertThat(server.output).noneMatch(l -> l.contains("\tat "));
      assertThat(get(base + "/api/ready").statusCode()).isEqualTo(200);
      assertThat(get(base + "/api/search?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF").body())
          .contains("\"total\":3,\"related\":4"); // 3 hold 生物医药; 4 related
    }
  }

  // Fault 3 for real: an index build killed midway (kill -9).

  @Test
  void aBuildKilledMidwayLeavesTheServedIndexAndTheNextBuildPrunesItsLeftover(@TempDir Path home)
      throws Exception {
    AppConfig config = TestData.config(home);
    Path served = IndexBuild.run(config).generation();

    try (ServerProcess build = ServerProcess.start(HangingBuild.class.getName(), home.toString())) {
      build.await("HALFWAY");
      build.process.destroyForcibly(); // SIGKILL
      build.waitForExit();
    }

    Path leftover = newestGeneration(config.indexDir());
    assertThat(leftover).isNotEqualTo(served);
    assertThat(IndexLayout.isComplete(leftover)).isFalse();
    assertThat(new IndexLayout(config.indexDir()).current()).contains(served);
    try (SearchStack stack = SearchStack.open(config).orElseThrow()) {
      assertThat(stack.index().generation()).isEqualTo(served);
      var found = stack.service().search(SearchRequest.of("生物医药", 10));
      assertThat(found.total() + found.related()).isEqualTo(7);

      Path next = IndexBuild.run(config).generation();

      assertThat(Files.exists(leftover)).as("the leftover is removed").isFalse();
      assertThat(Files.exists(served)).as("the served generation is kept").isTrue();
      assertThat(new IndexLayout(config.indexDir()).current()).contains(next);
      assertThat(stack.index().reloadIfChanged()).isTrue();
      assertThat(stack.service().health().documents()).isEqualTo(43);
    }
  }

  private static Path newestGeneration(Path indexDir) throws IOException {
    try (Stream<Path> list = Files.list(indexDir)) {
      return list.filter(p -> p.getFileName().toString().startsWith("gen-"))
          .max(Comparator.comparing(Path::getFileName))
          .orElseThrow();
    }
  }
}
