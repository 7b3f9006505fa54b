package clustersearch.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON list prepared by hand: an array of records with the five fields, named as the columns (序号,
 * 地区, 集群名称, 建设单位, 推荐单位) or as the API names them (seq, region, name, builder, recommender); or an
 * object {@code {"title": "2023年度…名单", "clusters": [...]}} whose title gives the year (the API's
 * JSON export, {@code {"total": …, "clusters": [...]}}, reads back too, its year taken from the
 * records). A blank or missing 地区 or 推荐单位 repeats the record above.
 */
public final class JsonListReader implements ListReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The API's field name of each column. */
  private static final Map<String, String> API_NAMES =
      Map.of("序号", "seq", "地区", "region", "集群名称", "name", "建设单位", "builder", "推荐单位", "recommender");

  private static final int[] IN_ORDER = {0, 1, 2, 3, 4};

  @Override
  public String format() {
    return "JSON";
  }

  @Override
  public List<String> extensions() {
    return List.of("json");
  }

  @Override
  public ListDocument read(Path file, ReadOptions options) throws IOException {
    TextDecoder.Decoded text = TextDecoder.read(file);
    JsonNode root;
    try {
      root = JSON.readTree(text.text().replaceFirst("^\uFEFF", ""));
    } catch (JsonProcessingException e) {
      // The parser's limits (nesting depth, number length) are errors without a location.
      Location at =
          e.getLocation() == null
              ? Location.FILE
              : Location.at(
                  "line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr());
      throw new ListFormatException(file, at, "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new ListFormatException(file, Location.FILE, "the file is empty");
    }
    String title = null;
    JsonNode records = root;
    if (root.isObject()) {
      title = root.path("title").isTextual() ? root.get("title").asText() : null;
      records = root.path("clusters");
    }
    if (!records.isArray()) {
      throw new ListFormatException(
          file,
          Location.FILE,
          "expected an array of records, or an object with \"title\" and a \"clusters\" array");
    }
    ReadOptions effective = options;
    if (title == null && options.year() == null) {
      Integer year = commonYear(records);
      effective = year == null ? options : options.withYear(year);
    }
    List<ListTable.RawRow> rows = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      Location at = Location.at("record " + (i + 1));
      if (!record.isObject()) {
        throw new ListFormatException(file, at, "a record is not an object");
      }
      List<String> cells = new ArrayList<>();
      List<Location> cellsAt = new ArrayList<>();
      for (String column : ListTable.COLUMNS) {
        JsonNode value =
            record.has(column) ? record.get(column) : record.get(API_NAMES.get(column));
        cells.add(value == null || value.isNull() ? "" : value.asText());
        cellsAt.add(Location.at("record " + (i + 1) + ", " + column));
      }
      rows.add(new ListTable.RawRow(at, cells, cellsAt));
    }
    return ListTable.build(file, "JSON, " + text.encoding(), title, IN_ORDER, rows, effective);
  }

  /** The year every record carries (the API's export), or null. */
  private static Integer commonYear(JsonNode records) {
    Integer year = null;
    for (JsonNode record : records) {
      JsonNode y = record.get("year");
      if (y == null || !y.canConvertToInt()) {
        return null;
      }
      if (year != null && year != y.asInt()) {
        return null;
      }
      year = y.asInt();
    }
    return year;
  }
}
