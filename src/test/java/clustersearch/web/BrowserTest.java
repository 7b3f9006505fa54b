package clustersearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import clustersearch.TestData;
import clustersearch.http.HttpApi;
import clustersearch.search.SearchStack;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs
 * them). Without them the tests are skipped with a message. Screenshots go to target/screenshots.
 */
class BrowserTest {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  private static final Path DRIVER =
      Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
  private static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir static Path home;
  static SearchStack stack;
  static Javalin app;
  static String base;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws IOException {
    boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!available) {
      System.out.println(
          "BROWSER TESTS SKIPPED: no "
              + CHROMIUM
              + " and "
              + DRIVER
              + " here;"
              + " apt-get install chromium chromium-driver (as .ci/run does) to run them.");
    }
    Assumptions.assumeTrue(available, "no chromium/chromedriver: browser tests skipped");
    stack = TestData.indexAndOpen(home);
    app = HttpApi.create(stack.service(), TestData.config(home).settings()).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + home.resolve("chromium"));
    browser = new ChromeDriver(options);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.stop();
      stack.close();
    }
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  static void screenshot(String name) throws IOException {
    Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** A portal on an origin of its own (another port) serving {@code page} at /. */
  static HttpServer portal(String page) throws IOException {
    HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    portal.createContext(
        "/",
        exchange -> {
          byte[] body = page.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    portal.start();
    return portal;
  }

  /** The id of a widget's first result, or "" while it has none. */
  static String firstId(SearchContext widget) {
    try {
      List<WebElement> hits = widget.findElements(By.cssSelector("li[data-id]"));
      return hits.isEmpty() ? "" : hits.get(0).getAttribute("data-id");
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return ""; // the list was being replaced
    }
  }

  /**
   * Scrolls the dashboard through every chart (each is drawn when it nears the viewport), waits
   * until all have finished drawing, and scrolls back to the top.
   */
  static void drawEveryChart() {
    for (WebElement plot : browser.findElements(By.cssSelector(".plot"))) {
      browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", plot);
      waiting()
          .until(
              d ->
                  (Boolean)
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "return !!(window.dashboardCharts || {})[arguments[0]]",
                              plot.getAttribute("id")));
    }
    waiting()
        .until(
            d ->
                ((JavascriptExecutor) d).executeScript("return window.dashboardDrawn === true")
                    == Boolean.TRUE);
    browser.executeScript("window.scrollTo(0, 0)");
  }

  static List<WebElement> results() {
    return browser.findElements(By.cssSelector("#results li[data-id]"));
  }

  @Test
  void theApiDocsRenderEveryOperationUnderTheContentSecurityPolicy() throws IOException {
    browser.get(base + "/docs");
    waiting().until(d -> d.findElements(By.cssSelector(".opblock")).size() >= 10);

    List<String> summaries =
        browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
            .map(e -> e.getAttribute("data-path"))
            .toList();
    assertThat(summaries).contains("/api/search", "/api/clusters/{id}", "/api/admin/reindex");
    screenshot("docs");
  }

  @Test
  void typingBiomedicineShowsZiboFirstWithHighlights() throws IOException {
    browser.get(base + "/");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("生物医药");
    box.sendKeys(Keys.ENTER);
    waiting().until(d -> !results().isEmpty());

    assertThat(results().get(0).getAttribute("data-id")).isEqualTo("2021-19");
    assertThat(results().get(0).findElement(By.tagName("h2")).getText()).contains("淄博");
    assertThat(results().get(0).findElements(By.tagName("em"))).isNotEmpty();
    assertThat(browser.getCurrentUrl()).contains("q=");
    // Suggestions still on their way when Enter was pressed do not open over the results.
    waiting().until(d -> !d.findElement(By.id("summary")).getText().isEmpty());
    assertThat(browser.findElement(By.id("suggestions")).isDisplayed()).isFalse();
    screenshot("search");
  }

  @Test
  void suggestionsOpenUnderTheBoxAndArrowKeysPickOne() {
    browser.get(base + "/");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("swy");
    waiting().until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    box.sendKeys(Keys.ARROW_DOWN);
    box.sendKeys(Keys.ENTER);
    waiting().until(d -> !results().isEmpty());

    assertThat(box.getAttribute("value")).isEqualTo("生物医药");
    assertThat(results().get(0).getAttribute("data-id")).isEqualTo("2021-19");
  }

  @Test
  void choosingAClustersFullNameOpensThatCluster() {
    // Issue 18: it searched the name instead, and found 7 clusters.
    browser.get(base + "/");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("新乡高新区生物医药");
    waiting().until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    WebElement name =
        browser.findElements(By.cssSelector("#suggestions li")).stream()
            .filter(li -> li.getText().startsWith("新乡高新区生物医药创新型产业集群"))
            .findFirst()
            .orElseThrow();
    new org.openqa.selenium.interactions.Actions(browser).click(name).perform();

    waiting().until(d -> d.getCurrentUrl().contains("/clusters/"));
    assertThat(browser.getCurrentUrl()).endsWith("/clusters/2021-21");
  }

  @Test
  void aProvinceWrittenAnotherWayTicksItsCanonicalValue() {
    // Issue 18: /?province=山东省 found the 4 clusters, but the sidebar ticked an extra "山东省 0"
    // and left "山东 4" unticked.
    for (String written : List.of("山东省", "shandong")) {
      browser.get(
          base
              + "/?province="
              + java.net.URLEncoder.encode(written, java.nio.charset.StandardCharsets.UTF_8));
      waiting().until(d -> results().size() == 4);

      WebElement shandong = browser.findElement(By.id("f-province-山东"));
      assertThat(shandong.isSelected()).as(written).isTrue();
      assertThat(browser.findElements(By.cssSelector("#facet-province input:checked")))
          .as(written)
          .hasSize(1);
      assertThat(browser.getCurrentUrl()).as(written).endsWith("?province=%E5%B1%B1%E4%B8%9C");
    }
  }

  @Test
  void relatedClustersStandUnderTheirOwnHeadingAfterTheMatches() throws IOException {
    browser.get(
        base
            + "/?q="
            + java.net.URLEncoder.encode("江苏有哪些电子元器件集群", java.nio.charset.StandardCharsets.UTF_8));
    waiting().until(d -> !results().isEmpty());

    List<WebElement> items = browser.findElements(By.cssSelector("#results > li"));
    assertThat(items.get(0).getAttribute("data-id")).isEqualTo("2021-10"); // the one match
    assertThat(items.get(1).getAttribute("class")).isEqualTo("related-heading");
    assertThat(items.get(1).getText()).matches("另有 \\d+ 个相关集群");
    assertThat(browser.findElement(By.id("summary")).getText()).startsWith("共 1 个集群，另有");
    screenshot("search-related");
  }

  @Test
  void tickingShandongUpdatesCountsResultsAndTheUrl() throws IOException {
    browser.get(base + "/?q=" + "%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF");
    waiting().until(d -> !results().isEmpty());
    int before = results().size();
    browser.findElement(By.cssSelector("label[for='f-province-山东']")).click();
    waiting().until(d -> d.getCurrentUrl().contains("province="));
    waiting().until(d -> results().size() < before);

    assertThat(results()).extracting(r -> r.getText()).allMatch(t -> t.contains("山东"));
    // 淄博 matches; 威海 (医疗器械, a related word) is counted apart.
    assertThat(browser.findElement(By.id("summary")).getText()).startsWith("共 1 个集群，另有 1 个相关集群");
    assertThat(browser.findElement(By.id("f-province-河南")).isSelected()).isFalse();
    screenshot("search-shandong");
    browser.navigate().back();
    waiting().until(d -> results().size() == before);
  }

  @Test
  void anEmptyResultSaysWhatWasSearchedAndSuggestsIndustries() {
    browser.get(base + "/?q=zzzzqqq");
    waiting().until(d -> !d.findElements(By.cssSelector("#results .empty .try a")).isEmpty());

    assertThat(browser.findElement(By.cssSelector("#results .empty")).getText())
        .contains("zzzzqqq")
        .contains("试试：")
        .contains("智能制造装备"); // the most common industry phrase of the list (3 clusters)
    browser.findElement(By.linkText("智能制造装备")).click();
    waiting().until(d -> results().size() >= 3);
    assertThat(browser.getCurrentUrl()).contains("q=");
  }

  @Test
  void aRefusedRequestIsExplainedInChinese() {
    browser.get(base + "/?industry=%2F");
    waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
    assertThat(browser.findElement(By.id("error")).getText())
        .startsWith("产业筛选应为门类")
        .doesNotContain("sector/industry");

    browser.get(base + "/?province=" + java.net.URLEncoder.encode("山冬", StandardCharsets.UTF_8));
    waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
    assertThat(browser.findElement(By.id("error")).getText())
        .startsWith("没有名为“山冬”的省份")
        .contains("山东");

    browser.get(base + "/?page=2000");
    waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
    assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("翻页过深：请缩小查询或增加筛选条件后再翻页。");
  }

  @Test
  void aQuestionShowsWhatWasUnderstoodAndAChipTurnsIntoAFilter() throws IOException {
    browser.get(base + "/?q=" + java.net.URLEncoder.encode("江苏有哪些电子元器件集群", StandardCharsets.UTF_8));
    waiting().until(d -> !results().isEmpty());

    assertThat(results().get(0).getAttribute("data-id")).isEqualTo("2021-10");
    WebElement understood = browser.findElement(By.id("understood"));
    assertThat(understood.isDisplayed()).isTrue();
    assertThat(understood.getText()).contains("省份：江苏");
    screenshot("search-understood");

    understood.findElement(By.className("chip-filter")).click();
    waiting().until(d -> d.getCurrentUrl().contains("province="));
    waiting()
        .until(d -> !results().isEmpty() && d.findElement(By.id("understood")).getText().isEmpty());
    assertThat(browser.getCurrentUrl()).contains("province=%E6%B1%9F%E8%8B%8F");
    assertThat(results()).allSatisfy(r -> assertThat(r.getText()).contains("江苏"));
  }

  @Test
  void aTypoIsReadAsThePhraseItSoundsLikeWithALinkToTheTextAsTyped() {
    browser.get(base + "/?q=" + java.net.URLEncoder.encode("富西", StandardCharsets.UTF_8));
    waiting().until(d -> !results().isEmpty());

    WebElement line = browser.findElement(By.id("did-you-mean"));
    assertThat(line.getText()).contains("已显示“富硒”的结果").contains("仍然搜索“富西”");
    assertThat(results().get(0).getAttribute("data-id")).isEqualTo("2021-42");

    line.findElement(By.tagName("a")).click();
    waiting().until(d -> d.getCurrentUrl().contains("exact=true"));
    waiting().until(d -> d.findElement(By.id("results")).getText().contains("没有"));
    assertThat(browser.findElement(By.id("did-you-mean")).isDisplayed()).isFalse();
  }

  @Test
  void withLangEnTheResultsShowEnglishNames() {
    browser.get(base + "/?q=aluminium&lang=en");
    waiting().until(d -> !results().isEmpty());

    assertThat(results().get(0).findElement(By.tagName("h2")).getText())
        .isEqualTo(
            "Fuyang Jieshou High-tech Zone Aluminium Matrix Composites Innovative Industrial Cluster");
    assertThat(results().get(0).getText()).contains("Anhui").contains("New Material Industry");
  }

  @Test
  void theEmbedPageInEnglishFiltersByAProvinceWrittenInFull() {
    browser.get(
        base
            + "/embed?lang=en&province="
            + java.net.URLEncoder.encode("山东省", StandardCharsets.UTF_8));
    SearchContext widget = browser.findElement(By.id("widget")).getShadowRoot();
    WebElement box = widget.findElement(By.cssSelector("input"));
    box.sendKeys("biomedicine");
    box.sendKeys(Keys.ENTER);
    waiting().until(d -> firstId(widget).equals("2021-19")); // the list on load starts with 2021-16

    List<WebElement> hits = widget.findElements(By.cssSelector("li[data-id]"));
    assertThat(hits.get(0).getAttribute("data-id")).isEqualTo("2021-19");
    assertThat(hits.get(0).getText())
        .contains("Zibo High-tech Zone Biomedicine and Biomedical Engineering")
        .contains("Shandong");
    assertThat(hits).extracting(WebElement::getText).allMatch(t -> t.contains("Shandong"));
  }

  @Test
  void aResultLeadsToItsClusterPageWithRelatedClusters() throws IOException {
    browser.get(base + "/?q=" + java.net.URLEncoder.encode("新乡", StandardCharsets.UTF_8));
    waiting().until(d -> !results().isEmpty());
    results().get(0).findElement(By.cssSelector("h2 a")).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/clusters/2021-21"));
    waiting().until(d -> !d.findElements(By.cssSelector("#related li")).isEmpty());

    assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("新乡高新区生物医药创新型产业集群");
    assertThat(browser.findElement(By.id("fields")).getText())
        .contains("河南")
        .contains("生物产业")
        .contains("中部")
        .contains("新乡高新区管委会")
        .contains("河南省科技厅")
        .contains("2021年度创新型产业集群试点（培育）名单，序号 21")
        .contains("类别\n试点（培育）")
        .contains("生物产业 / 生物医药");
    WebElement first = browser.findElements(By.cssSelector("#related li")).get(0);
    assertThat(first.getAttribute("data-id")).isEqualTo("2021-38");
    assertThat(first.getText()).contains("玉溪").contains("同产业");
    screenshot("cluster");
    first.findElement(By.tagName("a")).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/clusters/2021-38"));
  }

  @Test
  void moreRevealsEveryProvinceAndTheFilterBoxNarrowsThem() {
    browser.get(base + "/");
    waiting().until(d -> !results().isEmpty());
    WebElement provinces = browser.findElement(By.id("facet-province"));
    assertThat(provinces.getText()).doesNotContain("新疆"); // 22 provinces, the top 10 shown

    browser.findElement(By.cssSelector("#facet-province + .facet-more")).click();
    waiting().until(d -> d.findElement(By.id("facet-province")).getText().contains("新疆"));
    assertThat(browser.findElements(By.cssSelector("#facet-province li"))).hasSize(22);

    WebElement filter = browser.findElement(By.cssSelector(".facet-filter"));
    filter.sendKeys("新");
    assertThat(browser.findElements(By.cssSelector("#facet-province li")))
        .filteredOn(WebElement::isDisplayed)
        .extracting(WebElement::getText)
        .singleElement()
        .asString()
        .contains("新疆");
    browser.findElement(By.id("f-province-新疆")).click();
    waiting().until(d -> d.getCurrentUrl().contains("province="));
    waiting().until(d -> results().size() == 1);
    assertThat(results().get(0).getAttribute("data-id")).isEqualTo("2021-43");
  }

  @Test
  void theExamplePortalWorksOnAnyPortAndAWidgetSmallerThanItsResultsLinksToAll() {
    browser.get(base + "/example-portal.html");
    SearchContext widget = browser.findElement(By.id("clusters")).getShadowRoot();
    waiting().until(d -> widget.findElements(By.cssSelector("li[data-id]")).size() == 4);
    assertThat(widget.findElement(By.cssSelector("li[data-id] a")).getAttribute("href"))
        .startsWith(base + "/clusters/2021-");

    browser.get(
        base
            + "/embed?province="
            + java.net.URLEncoder.encode("山东省", StandardCharsets.UTF_8)
            + "&size=3");
    SearchContext small = browser.findElement(By.id("widget")).getShadowRoot();
    waiting().until(d -> small.findElements(By.cssSelector("li[data-id]")).size() == 3);
    assertThat(small.findElement(By.cssSelector(".total")).getText()).isEqualTo("共 4 个集群，显示前 3 个");
    WebElement all = small.findElement(By.cssSelector(".more"));
    assertThat(all.isDisplayed()).isTrue();
    assertThat(all.getAttribute("href")).isEqualTo(base + "/?province=%E5%B1%B1%E4%B8%9C%E7%9C%81");
  }

  @Test
  void theAreaAndYearFacetsFilter() {
    browser.get(base + "/");
    waiting().until(d -> !results().isEmpty());
    assertThat(browser.findElement(By.id("facet-year")).getText()).contains("2021").contains("43");

    browser.findElement(By.id("f-area-东北")).click();
    waiting().until(d -> d.getCurrentUrl().contains("area="));
    waiting().until(d -> results().size() == 2);
    assertThat(results())
        .extracting(r -> r.getAttribute("data-id"))
        .containsExactly("2021-5", "2021-6");
  }

  @Test
  void sortingByProvinceReordersTheResultsAndSurvivesAReload() {
    browser.get(base + "/?q=" + java.net.URLEncoder.encode("生物医药", StandardCharsets.UTF_8));
    waiting().until(d -> !results().isEmpty());
    List<String> ranked = results().stream().map(r -> r.getAttribute("data-id")).toList();

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort")))
        .selectByVisibleText("省份");
    waiting().until(d -> d.getCurrentUrl().contains("sort=province"));
    waiting().until(d -> !firstId(browser).equals(ranked.get(0)));
    List<String> byProvince = results().stream().map(r -> r.getAttribute("data-id")).toList();
    // The same clusters, now 山东 (威海 2021-16, then 淄博 2021-19) before 河南 (新乡 2021-21) before
    // 云南 (玉溪 2021-38), as the official order of provinces has them.
    assertThat(byProvince).containsExactlyInAnyOrderElementsOf(ranked);
    assertThat(byProvince.indexOf("2021-16")).isLessThan(byProvince.indexOf("2021-19"));
    assertThat(byProvince.indexOf("2021-19")).isLessThan(byProvince.indexOf("2021-21"));
    assertThat(byProvince.indexOf("2021-21")).isLessThan(byProvince.indexOf("2021-38"));

    browser.navigate().refresh();
    waiting().until(d -> !results().isEmpty());
    assertThat(
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("省份");
    assertThat(results().stream().map(r -> r.getAttribute("data-id")).toList())
        .isEqualTo(byProvince);
  }

  @Test
  void activeFiltersShowAsChipsThatClearAndThePageSizeIsChosen() {
    browser.get(
        base
            + "/?province="
            + java.net.URLEncoder.encode("山东", StandardCharsets.UTF_8)
            + "&area="
            + java.net.URLEncoder.encode("东部", StandardCharsets.UTF_8));
    waiting().until(d -> results().size() == 4);
    WebElement active = browser.findElement(By.id("active-filters"));
    assertThat(active.getText()).contains("省份：山东").contains("区域：东部").contains("清除全部");

    active.findElement(By.className("clear-all")).click();
    waiting().until(d -> results().size() == 10);
    assertThat(browser.findElement(By.id("active-filters")).isDisplayed()).isFalse();

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("per-page")))
        .selectByVisibleText("50");
    waiting().until(d -> results().size() == 43);
    assertThat(browser.getCurrentUrl()).contains("size=50");
  }

  @Test
  void aWidgetWithoutASizeShowsItsDefaultNumberOfClusters() throws Exception {
    // Issue 18: without data-size the widget sent size=undefined, got a 400 and showed nothing.
    String page =
        "<!doctype html><html><head><meta charset='utf-8'></head><body><div id='t'></div>"
            + "<script src='"
            + base
            + "/embed.js' data-target='#t' data-province='湖北'></script></body></html>";
    HttpServer portal = portal(page);
    try {
      browser.get("http://127.0.0.1:" + portal.getAddress().getPort() + "/");
      SearchContext widget = browser.findElement(By.id("t")).getShadowRoot();
      waiting().until(d -> widget.findElements(By.cssSelector("li[data-id]")).size() == 4);
      assertThat(widget.findElement(By.cssSelector(".total")).getText()).isEqualTo("共 4 个集群");
    } finally {
      portal.stop(0);
    }
  }

  @Test
  void aPortalUsesTheCustomElementThemesItAndAnIframeLearnsItsHeight() throws Exception {
    String page =
        "<!doctype html><html><head><meta charset='utf-8'>"
            + "<style>cluster-search { --cs-accent: rgb(200, 0, 0); }</style></head><body>"
            + "<script src='"
            + base
            + "/embed.js'></script>"
            + "<cluster-search id='w' province='山东省' size='3'></cluster-search>"
            + "<iframe id='f' src='"
            + base
            + "/embed?province=%E5%B1%B1%E4%B8%9C&size=5'></iframe>"
            + "<script>window.heights = []; window.addEventListener('message', function (e) {"
            + " if (e.data && e.data.type === 'cluster-search:height') window.heights.push(e.data.height); });"
            + "</script></body></html>";
    HttpServer portal = portal(page);
    try {
      browser.get("http://127.0.0.1:" + portal.getAddress().getPort() + "/");
      SearchContext widget = browser.findElement(By.id("w")).getShadowRoot();
      waiting().until(d -> widget.findElements(By.cssSelector("li[data-id]")).size() == 3);
      assertThat(widget.findElement(By.cssSelector("button")).getCssValue("background-color"))
          .isEqualTo("rgba(200, 0, 0, 1)");
      waiting()
          .until(
              d ->
                  ((Number) ((JavascriptExecutor) d).executeScript("return window.heights.length"))
                          .intValue()
                      > 0);
      Number height =
          (Number) browser.executeScript("return window.heights[window.heights.length - 1]");
      assertThat(height.intValue()).isGreaterThan(100);
    } finally {
      portal.stop(0);
    }
  }

  /** axe-core, installed by .ci/run with npm (the tests download nothing themselves). */
  private static final Path AXE =
      Path.of(
          System.getProperty(
              "axe.script",
              System.getProperty("user.home")
                  + "/.cache/cluster-search/axe/node_modules/axe-core/axe.min.js"));

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "/",
        "/?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF",
        "/dashboard",
        "/embed",
        "/clusters/2021-19",
        "/clusters/2021-99", // the not-found page
        "/docs"
      })
  void axeFindsNoModerateSeriousOrCriticalViolations(String page) throws IOException {
    if (!Files.isReadable(AXE)) {
      System.out.println("AXE CHECKS SKIPPED: no " + AXE + " (.ci/run installs axe-core with npm)");
    }
    Assumptions.assumeTrue(Files.isReadable(AXE), "no axe-core: accessibility checks skipped");
    browser.get(base + page);
    waiting().until(d -> !d.findElements(By.cssSelector("main, #widget")).isEmpty());
    if (page.startsWith("/dashboard")) {
      drawEveryChart();
    }
    if (page.equals("/clusters/2021-19")) {
      waiting().until(d -> !d.findElements(By.cssSelector("#related li")).isEmpty());
    }
    if (page.contains("q=")) {
      waiting().until(d -> !results().isEmpty());
    }
    if (page.equals("/docs")) {
      waiting().until(d -> d.findElements(By.cssSelector(".opblock")).size() > 10);
    }
    browser.executeScript(Files.readString(AXE));
    @SuppressWarnings("unchecked")
    List<String> violations =
        (List<String>)
            browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document).then(function (r) { done(r.violations"
                    + ".filter(function (v) { return v.impact !== 'minor'; })"
                    + ".map(function (v) { return v.impact + ' ' + v.id + ' (' + v.nodes.length + '): '"
                    + " + v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ')"
                    + " + ' ' + n.failureSummary; }).join(' | '); })); });");
    Files.writeString(
        SHOTS.resolve("axe" + page.replaceAll("[^a-z0-9]+", "-") + ".txt"),
        String.join("\n", violations) + "\n");
    assertThat(violations).as("moderate, serious and critical axe violations on " + page).isEmpty();
  }

  @Test
  void thePageIsUsableAtPhoneWidth() throws IOException {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(base + "/?q=" + "%E6%99%BA%E8%83%BD%E5%88%B6%E9%80%A0");
      waiting().until(d -> !results().isEmpty());
      WebElement first = results().get(0);

      assertThat(first.getRect().getX() + first.getRect().getWidth()).isLessThanOrEqualTo(390);
      // The filters are a drawer, closed: the results start right under the box.
      assertThat(browser.findElement(By.id("facets")).isDisplayed()).isFalse();
      assertThat(first.getRect().getY()).isLessThan(400);
      screenshot("search-phone");

      browser.findElement(By.id("filters-open")).click();
      waiting().until(d -> d.findElement(By.id("facets")).isDisplayed());
      screenshot("search-phone-filters");
      browser.findElement(By.id("f-province-山东")).click();
      waiting().until(d -> d.getCurrentUrl().contains("province="));
      waiting().until(d -> !d.findElement(By.id("facets")).isDisplayed());
      assertThat(results()).allSatisfy(r -> assertThat(r.getText()).contains("山东"));

      // After 下一页 the view is at the top of the new page's results, not at the bottom.
      browser.get(base + "/?size=10");
      waiting().until(d -> results().size() == 10);
      browser.executeScript("window.scrollTo(0, document.body.scrollHeight)");
      browser.findElement(By.linkText("下一页")).click();
      waiting().until(d -> d.getCurrentUrl().contains("page=2"));
      waiting()
          .until(
              d ->
                  ((Number)
                              ((JavascriptExecutor) d)
                                  .executeScript(
                                      "return document.getElementById('summary')"
                                          + ".getBoundingClientRect().top"))
                          .doubleValue()
                      < 100);
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }
  }

  @Test
  void theDashboardMapShowsCountsAndAProvinceClickFilters() throws IOException {
    browser.get(base + "/dashboard");
    drawEveryChart();
    assertThat(browser.findElement(By.id("kpi-clusters")).getText()).isEqualTo("43");
    assertThat(browser.findElement(By.id("kpi-provinces")).getText()).isEqualTo("22");
    assertThat(browser.findElement(By.id("kpi-years")).getText()).isEqualTo("2021");
    Object shandong =
        browser.executeScript(
            "return dashboardCharts.map.getOption().series[0].data"
                + ".find(function (d) { return d.name === '山东'; }).value");
    assertThat(((Number) shandong).intValue()).isEqualTo(4);
    assertThat(browser.findElement(By.id("table-area")).getAttribute("textContent"))
        .contains("东部16")
        .contains("东北2");
    screenshot("dashboard-map");

    // Click 山东 on the map (its pixel from the map's own projection).
    @SuppressWarnings("unchecked")
    List<Number> xy =
        (List<Number>)
            browser.executeScript(
                "return dashboardCharts.map.convertToPixel({seriesIndex: 0}, [118.3, 36.2])");
    WebElement map = browser.findElement(By.id("map"));
    int dx = xy.get(0).intValue() - map.getSize().getWidth() / 2;
    int dy = xy.get(1).intValue() - map.getSize().getHeight() / 2;
    new org.openqa.selenium.interactions.Actions(browser)
        .moveToElement(map, dx, dy)
        .click()
        .perform();
    waiting().until(d -> d.getCurrentUrl().contains("province="));
    waiting().until(d -> !results().isEmpty());
    assertThat(browser.getCurrentUrl()).contains("province=%E5%B1%B1%E4%B8%9C");
    assertThat(results()).hasSize(4);
  }

  /** The layout shift a page accumulates while it loads (the CLS of Core Web Vitals). */
  static double layoutShiftWhileLoading(
      String page, java.util.function.Predicate<org.openqa.selenium.WebDriver> loaded) {
    Object script =
        browser
            .executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of(
                    "source",
                    "window.__shift = 0; new PerformanceObserver(function (l) {"
                        + " l.getEntries().forEach(function (e) {"
                        + " if (!e.hadRecentInput) window.__shift += e.value; }); })"
                        + ".observe({type: 'layout-shift', buffered: true});"))
            .get("identifier");
    try {
      browser.get(base + page);
      waiting().until(loaded::test);
      // Late arrivals (facets, the year KPI) come within a few frames of the results.
      new org.openqa.selenium.interactions.Actions(browser).pause(Duration.ofMillis(500)).perform();
      return ((Number) browser.executeScript("return window.__shift")).doubleValue();
    } finally {
      browser.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", script));
    }
  }

  @Test
  void neitherTheSearchPageNorTheDashboardShiftsAsItLoads() {
    // The facet lists used to grow from nothing and push the sidebar down (CLS 0.073).
    double search =
        layoutShiftWhileLoading(
            "/", d -> !results().isEmpty() && !d.findElements(By.id("f-year-2021")).isEmpty());
    double dashboard =
        layoutShiftWhileLoading(
            "/dashboard",
            d ->
                ((JavascriptExecutor) d)
                        .executeScript("return !!(window.dashboardCharts || {}).map")
                    == Boolean.TRUE);

    assertThat(search).as("layout shift of /").isLessThan(0.02);
    assertThat(dashboard).as("layout shift of /dashboard").isLessThan(0.02);
  }

  /** What a test checks of the dashboard on a 390 px phone. */
  interface OnAPhone {
    void check() throws IOException;
  }

  /** Opens the dashboard at a phone's width, waits for its map, checks, and widens again. */
  static void dashboardOnAPhone(OnAPhone check) throws IOException {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(base + "/dashboard");
      waiting()
          .until(
              d ->
                  ((JavascriptExecutor) d)
                          .executeScript("return !!(window.dashboardCharts || {}).map")
                      == Boolean.TRUE);
      check.check();
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }
  }

  @Test
  void onAPhoneTheDashboardDrawsChartsAsTheyComeIntoViewAndProvincesAsRows() throws IOException {
    dashboardOnAPhone(
        () -> {
          // The numbers are there at once; the heatmap far below is not drawn until scrolled to.
          assertThat(browser.findElement(By.id("table-matrix")).getAttribute("textContent"))
              .contains("山东");
          assertThat(browser.executeScript("return !!dashboardCharts.matrix")).isEqualTo(false);

          drawEveryChart();
          // 34 provinces as rows, not as 34 rotated labels squeezed into 390 px.
          assertThat(
                  browser.executeScript(
                      "return dashboardCharts.province.getOption().yAxis[0].data[14]"))
              .isEqualTo("山东");
          assertThat(browser.executeScript("return dashboardCharts.province.getOption().animation"))
              .isEqualTo(false);
          assertThat(
                  ((Number) browser.executeScript("return document.documentElement.scrollWidth"))
                      .intValue())
              .isLessThanOrEqualTo(390);
          browser.executeScript("document.getElementById('province').scrollIntoView()");
          screenshot("dashboard-phone-provinces");
        });
  }

  @Test
  void onAPhoneTheSectorDonutNamesEverySectorInFullInALegend() throws IOException {
    // Issue 18: at 390 px the donut's outer labels were cut to "新一…", "新能…" (新能源产业 and
    // 新能源汽车产业 could not be told apart) and there was no legend.
    dashboardOnAPhone(
        () -> {
          drawEveryChart();
          // What the chart really painted: the text of every element zrender drew.
          @SuppressWarnings("unchecked")
          List<String> painted =
              (List<String>)
                  browser.executeScript(
                      "return dashboardCharts.sector.getZr().storage.getDisplayList()"
                          + ".map(function (e) { return e.style && e.style.text; })"
                          + ".filter(function (t) { return typeof t === 'string' && t; })");
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> sectors =
              (List<Map<String, Object>>)
                  browser.executeScript(
                      "return fetch('/api/stats').then(function (r) { return r.json(); })"
                          + ".then(function (s) { return s.sectors.filter(function (x) {"
                          + " return x.count > 0; }); })");
          assertThat(sectors).hasSizeGreaterThan(5);
          for (Map<String, Object> sector : sectors) {
            assertThat(painted).contains(sector.get("value") + "  " + sector.get("count"));
          }
          assertThat(painted).noneMatch(text -> text.contains("…") || text.contains("..."));
          browser.executeScript("document.getElementById('sector').scrollIntoView()");
          screenshot("dashboard-phone-donut");
        });
  }

  @Test
  void withLangEnTheWholePageIsEnglishAndLinksKeepTheLanguage() throws IOException {
    // Issue 18: with lang=en only names and chips were English; the rest stayed Chinese.
    browser.get(
        base + "/?q=" + java.net.URLEncoder.encode("生物医药", StandardCharsets.UTF_8) + "&lang=en");
    waiting().until(d -> !results().isEmpty());
    waiting().until(d -> !d.findElements(By.cssSelector("#facet-province li")).isEmpty());

    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.getTitle()).isEqualTo("Innovative Industrial Cluster Search");
    assertThat(browser.findElement(By.id("summary")).getText())
        .matches("\\d+ clusters.*in [\\d.]+ ms");
    assertThat(browser.findElement(By.id("facets")).getText())
        .contains("Province", "Industry", "Region", "Shandong", "Biological Industry");
    assertThat(results().get(0).getText()).contains("2021 list · No. 19", "Builder unit:");
    // The page's own words (the language switch says 中文, in the language it switches to).
    for (String chrome :
        List.of(
            "header h1",
            "#to-dashboard",
            "#search button",
            "#facets legend",
            ".result-bar",
            "#pager")) {
      for (WebElement el : browser.findElements(By.cssSelector(chrome))) {
        assertThat(el.getText()).as(chrome).doesNotContainPattern("\\p{IsHan}");
      }
    }
    assertThat(browser.findElement(By.id("q")).getAttribute("placeholder"))
        .doesNotContainPattern("\\p{IsHan}");
    assertThat(browser.findElement(By.id("lang-switch")).getText()).isEqualTo("中文");
    screenshot("search-english");

    // The cluster page and the dashboard stay English.
    results().get(0).findElement(By.cssSelector("h2 a")).click();
    waiting().until(d -> d.findElement(By.id("cluster")).isDisplayed());
    assertThat(browser.getCurrentUrl()).contains("lang=en");
    assertThat(browser.findElement(By.id("name")).getText())
        .isEqualTo(
            "Zibo High-tech Zone Biomedicine and Biomedical Engineering Innovative Industrial Cluster");
    assertThat(browser.findElement(By.id("fields")).getText())
        .contains(
            "Place",
            "Shandong",
            "Industry",
            "Biological Industry",
            "Builder unit",
            "2021 list, No. 19");
    screenshot("cluster-english");

    browser.get(base + "/dashboard?lang=en");
    waiting().until(d -> !d.findElement(By.id("kpi-clusters")).getText().equals("–"));
    assertThat(browser.findElement(By.cssSelector("header h1")).getText())
        .doesNotContainPattern("\\p{IsHan}");
    assertThat(browser.findElement(By.id("to-search")).getText()).isEqualTo("Back to search");
    assertThat(browser.findElement(By.cssSelector(".kpis")).getText())
        .contains("Clusters", "Provinces", "Sectors");
    assertThat(browser.findElement(By.id("table-sector")).getAttribute("textContent"))
        .contains("Biological Industry");
  }

  @Test
  void theDashboardDrawsShandongWithFourClusters() throws IOException {
    browser.get(base + "/dashboard");
    drawEveryChart();
    Object name =
        browser.executeScript("return dashboardCharts.province.getOption().xAxis[0].data[14]");
    Object count =
        browser.executeScript("return dashboardCharts.province.getOption().series[0].data[14]");

    assertThat(name).isEqualTo("山东");
    assertThat(((Number) count).intValue()).isEqualTo(4);
    screenshot("dashboard");
  }

  @Test
  void aPageOnAnotherOriginEmbedsTheWidget() throws Exception {
    String page =
        "<!doctype html><html><head><meta charset='utf-8'><style>input{background:red}</style></head>"
            + "<body><h1>Portal</h1><div id='w'></div><script src='"
            + base
            + "/embed.js' data-target='#w' data-province='山东' data-size='5'></script></body></html>";
    HttpServer portal = portal(page);
    try {
      browser.get("http://127.0.0.1:" + portal.getAddress().getPort() + "/");
      SearchContext widget = browser.findElement(By.id("w")).getShadowRoot();
      // Without a click, the widget lists its scope: the four 山东 clusters.
      waiting().until(d -> widget.findElements(By.cssSelector("li[data-id]")).size() == 4);
      assertThat(widget.findElement(By.cssSelector(".scope")).getText()).isEqualTo("范围：山东");
      WebElement box = widget.findElement(By.cssSelector("input"));
      box.sendKeys("生物医药");
      box.sendKeys(Keys.ENTER);
      waiting()
          .until(d -> firstId(widget).equals("2021-19")); // the list on load starts with 2021-16

      List<WebElement> hits = widget.findElements(By.cssSelector("li[data-id]"));
      assertThat(hits.get(0).getAttribute("data-id")).isEqualTo("2021-19");
      assertThat(hits).extracting(h -> h.getText()).allMatch(t -> t.contains("山东"));
      // All of them shown: no link to more.
      assertThat(widget.findElement(By.cssSelector(".more")).isDisplayed()).isFalse();
      // The portal's styles stop at the shadow root.
      assertThat(box.getCssValue("background-color")).isNotEqualTo("rgba(255, 0, 0, 1)");
      screenshot("embed");
    } finally {
      portal.stop(0);
    }
  }

  @Test
  void anEnglishWidgetSaysItsScopeInEnglishAndItsNamesLookLikeLinks() throws Exception {
    // Issue 18: "Scope：shandong" with a Chinese colon, and names in the body's colour, not
    // underlined: nothing said they were links.
    String page =
        "<!doctype html><html><head><meta charset='utf-8'></head><body><div id='w'></div>"
            + "<script src='"
            + base
            + "/embed.js' data-target='#w' data-province='shandong' data-lang='en'></script>"
            + "</body></html>";
    HttpServer portal = portal(page);
    try {
      browser.get("http://127.0.0.1:" + portal.getAddress().getPort() + "/");
      SearchContext widget = browser.findElement(By.id("w")).getShadowRoot();
      waiting().until(d -> widget.findElements(By.cssSelector("li[data-id]")).size() == 4);

      assertThat(widget.findElement(By.cssSelector(".scope")).getText())
          .isEqualTo("Scope: Shandong");
      WebElement link = widget.findElement(By.cssSelector(".name a"));
      assertThat(link.getCssValue("text-decoration-line")).isEqualTo("underline");
    } finally {
      portal.stop(0);
    }
  }

  @Test
  void pageWeightOfTheSearchPageIsMeasured() throws IOException {
    browser.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
    browser.get(base + "/?q=" + "%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF");
    waiting().until(d -> !results().isEmpty());
    Object bytes =
        browser.executeScript(
            "return performance.getEntriesByType('navigation').concat("
                + "performance.getEntriesByType('resource'))"
                + ".reduce((n, e) => n + (e.transferSize || e.encodedBodySize || 0), 0)");
    long total = ((Number) bytes).longValue();
    Files.writeString(
        SHOTS.resolve("page-weight.txt"), "bytes transferred on first load of /: " + total + "\n");

    assertThat(total).isBetween(5_000L, 200_000L);
  }
}
