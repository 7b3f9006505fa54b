package clustersearch.http;

import clustersearch.search.SearchResult.FacetCounts;
import clustersearch.search.SearchResult.FacetValue;
import clustersearch.search.Stats;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Facet and statistics counts as tidy CSV for dashboards ({@code format=csv} on /api/facets and
 * /api/stats): one row per value, {@code dimension,code,label,labelEn,count}, so a spreadsheet or a
 * BI tool joins the codes with its own tables. Areas overlap (a cluster in 长三角 is in 东部 too), so
 * their counts add up to more than the total. UTF-8 with a BOM, as the record export.
 */
final class CountRows {
  static final String TYPE = "text/csv; charset=utf-8";
  static final List<String> HEADER = List.of("dimension", "code", "label", "labelEn", "count");

  private CountRows() {}

  /** format=json (the default) or csv; anything else is a 400. */
  static boolean csv(Context ctx) {
    String format = ctx.queryParam("format");
    if (format == null || format.isEmpty() || format.equals("json")) {
      return false;
    }
    if (format.equals("csv")) {
      return true;
    }
    throw new ApiException(
        400, "invalid_parameter", "format must be json or csv, got '" + Text.bounded(format) + "'");
  }

  static void send(Context ctx, FacetCounts facets) {
    StringBuilder csv = start();
    rows(csv, "province", facets.province());
    for (FacetValue sector : facets.industry()) {
      row(csv, "sector", sector);
      for (FacetValue industry :
          sector.children() == null ? List.<FacetValue>of() : sector.children()) {
        row(csv, "industry", industry);
      }
    }
    rows(csv, "area", facets.area());
    rows(csv, "year", facets.year());
    send(ctx, csv);
  }

  static void send(Context ctx, Stats stats) {
    StringBuilder csv = start();
    rows(csv, "province", stats.provinces());
    rows(csv, "sector", stats.sectors());
    rows(csv, "area", stats.areas());
    Stats.Matrix m = stats.matrix();
    for (int p = 0; p < m.provinces().size(); p++) {
      FacetValue province = stats.provinces().get(p);
      for (int s = 0; s < m.sectors().size(); s++) {
        FacetValue sector = stats.sectors().get(s);
        csv.append(
                CsvExport.line(
                    List.of(
                        "province/sector",
                        pair(province.code(), sector.code()),
                        province.value() + "/" + sector.value(),
                        pair(province.labelEn(), sector.labelEn()),
                        m.counts()[p][s])))
            .append("\r\n");
      }
    }
    send(ctx, csv);
  }

  private static String pair(String a, String b) {
    return a == null || b == null ? "" : a + "/" + b;
  }

  private static StringBuilder start() {
    return new StringBuilder("\uFEFF").append(CsvExport.line(HEADER)).append("\r\n");
  }

  private static void rows(StringBuilder csv, String dimension, List<FacetValue> values) {
    for (FacetValue v : values) {
      row(csv, dimension, v);
    }
  }

  private static void row(StringBuilder csv, String dimension, FacetValue v) {
    csv.append(
            CsvExport.line(
                java.util.Arrays.asList(dimension, v.code(), v.value(), v.labelEn(), v.count())))
        .append("\r\n");
  }

  private static void send(Context ctx, StringBuilder csv) {
    ctx.contentType(TYPE).result(csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
