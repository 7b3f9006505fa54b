package clustersearch.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the scale runs of bench/scale.sh (its CSV: clusters, index seconds, search p50 and p99,
 * facets and stats p50 of the whole index, stats p50 of q=生物医药, export ms) as a PNG for
 * BENCHMARKS.md: latency and indexing time against the number of clusters, both axes logarithmic.
 * Run by bench/plot.sh; not a test.
 */
public final class ScalePlot {
  private ScalePlot() {}

  public static void main(String[] args) throws IOException {
    Path csv = Path.of(args[0]);
    Path png = Path.of(args[1]);
    List<String[]> rows =
        Files.readAllLines(csv).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("clusters"))
            .map(l -> l.split(","))
            .toList();
    String[] names = {
      "indexing the whole list (ms)",
      "search p50 (ms)",
      "search p99 (ms)",
      "facets p50, whole index (ms)",
      "stats p50, whole index (ms)",
      "stats p50, a query matching 15 % (ms)",
      "export all as JSON (ms)"
    };
    XYSeriesCollection data = new XYSeriesCollection();
    for (int s = 0; s < names.length; s++) {
      XYSeries series = new XYSeries(names[s]);
      for (String[] r : rows) {
        double value = Double.parseDouble(r[s + 1]) * (s == 0 ? 1000 : 1);
        series.add(Double.parseDouble(r[0]), Math.max(value, 0.01));
      }
      data.addSeries(series);
    }
    LogarithmicAxis x = new LogarithmicAxis("clusters indexed");
    LogarithmicAxis y = new LogarithmicAxis("milliseconds");
    y.setAllowNegativesFlag(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int s = 0; s < names.length; s++) {
      renderer.setSeriesStroke(s, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart =
        new JFreeChart("cluster-search at scale (2 cores, one client, 2 connections)", plot);
    chart.setBackgroundPaint(Color.WHITE);
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    Files.createDirectories(png.toAbsolutePath().getParent());
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 540);
    System.out.println("wrote " + png);
  }
}
