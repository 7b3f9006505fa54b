package clustersearch.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every reader shares, from rows of cells to a {@link ListDocument}: the header row (the
 * five columns in any order, extra columns ignored, repeated at page breaks), the title and its
 * year, 序号 of any length, blank 地区 and 推荐单位 repeating the row above (merged cells), required names
 * and builders, and no 序号 twice. Every error names the file and where in it.
 */
public final class ListTable {

  /** The columns of a list, in the order the ministry prints them. */
  public static final List<String> COLUMNS = List.of("序号", "地区", "集群名称", "建设单位", "推荐单位");

  private static final int SEQ = 0;
  private static final int REGION = 1;
  private static final int NAME = 2;
  private static final int BUILDER = 3;
  private static final int RECOMMENDER = 4;

  /** The longest 序号 read (a list of a billion rows is not a list). */
  private static final int MAX_SEQ_DIGITS = 9;

  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]+");

  private ListTable() {}

  /**
   * A row of cells as a reader found it.
   *
   * @param at where the row is (for messages about the whole row)
   * @param cells the cells' text, in the file's column order
   * @param cellsAt where each cell is
   */
  public record RawRow(Location at, List<String> cells, List<Location> cellsAt) {
    public RawRow {
      cells = List.copyOf(cells);
      cellsAt = List.copyOf(cellsAt);
    }

    String cell(int index) {
      return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }

    Location cellAt(int index) {
      return index < cellsAt.size() ? cellsAt.get(index) : at;
    }

    boolean isBlank() {
      return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
  }

  /**
   * A table whose header row is among {@code rows}: text above the header (and {@code preamble},
   * such as a Word document's paragraphs) may hold the title.
   */
  public static ListDocument fromTable(
      Path file, String format, List<String> preamble, List<RawRow> rows, ReadOptions options) {
    int header = -1;
    int[] columns = null;
    int bestMatched = 1;
    RawRow best = null;
    for (int i = 0; i < rows.size() && header < 0; i++) {
      Map<String, Integer> found = headerCells(rows.get(i));
      if (found.size() == COLUMNS.size()) {
        header = i;
        columns = COLUMNS.stream().mapToInt(found::get).toArray();
      } else if (found.size() > bestMatched) {
        bestMatched = found.size();
        best = rows.get(i);
      }
    }
    if (header < 0) {
      if (best != null) {
        Map<String, Integer> found = headerCells(best);
        List<String> missing = COLUMNS.stream().filter(c -> !found.containsKey(c)).toList();
        throw new ListFormatException(
            file,
            best.at(),
            "the header row lacks the column"
                + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing)
                + " (a list has the columns "
                + String.join(", ", COLUMNS)
                + ")");
      }
      throw new ListFormatException(
          file,
          Location.FILE,
          rows.isEmpty()
              ? "no table in the file"
              : "no header row with the columns " + String.join(", ", COLUMNS));
    }
    List<String> above = new ArrayList<>(preamble);
    for (RawRow row : rows.subList(0, header)) {
      above.add(String.join("", row.cells().stream().map(c -> c == null ? "" : c).toList()));
    }
    String title = title(above);
    List<RawRow> data = new ArrayList<>();
    for (RawRow row : rows.subList(header + 1, rows.size())) {
      if (!row.isBlank() && headerCells(row).size() < COLUMNS.size()) {
        data.add(row);
      }
    }
    return build(file, format, title, columns, data, options);
  }

  /** True when one of {@code rows} is a header row with the five columns. */
  public static boolean hasHeader(List<RawRow> rows) {
    return rows.stream().anyMatch(r -> headerCells(r).size() == COLUMNS.size());
  }

  /**
   * The title among {@code texts}: the first that carries a year (…年) and says 名单 or 集群, else the
   * first that carries a year; stripped of white space. Null when none carries a year.
   */
  public static String title(List<String> texts) {
    String anyYear = null;
    for (String text : texts) {
      if (text != null && YEAR.matcher(text).find()) {
        String title = SPACE.matcher(text.strip()).replaceAll("");
        if (title.contains("名单") || title.contains("集群")) {
          return title;
        }
        anyYear = anyYear == null ? title : anyYear;
      }
    }
    return anyYear;
  }

  /**
   * The document of data rows whose columns are known: {@code columns[i]} is the cell index of
   * {@link #COLUMNS}{@code [i]}.
   *
   * @param title the list's title, or null when the file has none
   */
  public static ListDocument build(
      Path file,
      String format,
      String title,
      int[] columns,
      List<RawRow> data,
      ReadOptions options) {
    if (data.size() > options.limits().maxRows()) {
      // A list read whole is refused for its length before any of its rows is checked.
      throw ListReaders.tooManyRows(file, data.get(options.limits().maxRows()).at(), options);
    }
    Rows checked =
        new Rows(
            file,
            format,
            title,
            columns,
            options,
            data.isEmpty() ? Location.FILE : data.get(0).at());
    List<ListRow> rows = new ArrayList<>();
    for (RawRow raw : data) {
      rows.add(checked.next(raw));
    }
    checked.end();
    return checked.header().withRows(rows);
  }

  /**
   * The rows of one list checked as they come, so that a reader can hand them on one at a time: the
   * list's row limit, 序号 that repeat, merged cells that repeat the row above.
   */
  public static final class Rows {
    private final Path file;
    private final int[] columns;
    private final ReadOptions options;
    private final ListDocument header;
    private ListRow previous;
    private int count;

    /**
     * Where each 序号 was first seen: by 序号 in an array for the lines of a text list (numbered 1…n
     * there, so the array stays the list's size), in a map for other places. A million rows cost 4
     * MB, not a map entry each.
     */
    private int[] lineBySeq = new int[256];

    private final Map<Integer, Location> placeBySeq = new HashMap<>();

    /**
     * @param title the list's title, or null when the file has none
     * @param firstRow where the first row is, for an error about the year
     */
    public Rows(
        Path file,
        String format,
        String title,
        int[] columns,
        ReadOptions options,
        Location firstRow) {
      this.file = file;
      this.columns = columns;
      this.options = options;
      int year = year(file, title, options, firstRow);
      this.header =
          new ListDocument(
              file, format, title == null ? "" : title, year, categoryOf(title), List.of());
    }

    /** The list's title, year and category, without rows. */
    public ListDocument header() {
      return header;
    }

    /** The next data row, checked; refuses a row past the limit, a 序号 seen before, a blank. */
    public ListRow next(RawRow raw) {
      if (count == options.limits().maxRows()) {
        throw ListReaders.tooManyRows(file, raw.at(), options);
      }
      ListRow row = row(file, raw, columns, previous);
      Location earlier = firstSeen(row.seq(), row.at());
      if (earlier != null) {
        throw new ListFormatException(
            file, row.at(), "序号 " + row.seq() + " repeats the row at " + earlier);
      }
      previous = row;
      count++;
      return row;
    }

    /** After the last row: refuses a list without rows. */
    public void end() {
      if (count == 0) {
        throw new ListFormatException(file, Location.FILE, "the list has no rows");
      }
    }

    /** How many rows were checked. */
    public int count() {
      return count;
    }

    private Location firstSeen(int seq, Location at) {
      boolean line = at.place() == null && at.line() > 0;
      if (line && seq < Math.max(lineBySeq.length * 2L, 4L * count + 1024)) {
        if (seq >= lineBySeq.length) {
          lineBySeq =
              java.util.Arrays.copyOf(lineBySeq, (int) Math.max(seq + 1L, lineBySeq.length * 2L));
        }
        int seen = lineBySeq[seq];
        if (seen > 0) {
          return Location.line(seen);
        }
        lineBySeq[seq] = at.line();
        return placeBySeq.get(seq);
      }
      Location seen = placeBySeq.putIfAbsent(seq, at);
      if (seen == null && seq < lineBySeq.length && lineBySeq[seq] > 0) {
        return Location.line(lineBySeq[seq]);
      }
      return seen;
    }
  }

  /** 试点, 培育 or 试点（培育） as a title says it; "" for a plain list. */
  private static String categoryOf(String title) {
    if (title == null) {
      return "";
    }
    boolean pilot = title.contains("试点");
    boolean cultivation = title.contains("培育");
    if (pilot && cultivation) {
      return "试点（培育）";
    }
    return pilot ? "试点" : cultivation ? "培育" : "";
  }

  private static int year(Path file, String title, ReadOptions options, Location firstRow) {
    Integer titled = null;
    if (title != null) {
      Matcher m = YEAR.matcher(title);
      if (m.find()) {
        titled = Integer.parseInt(m.group(1));
      }
    }
    if (titled != null
        && options.year() != null
        && !options.fallback()
        && !titled.equals(options.year())) {
      throw new ListFormatException(
          file,
          Location.FILE,
          "the title says " + titled + " (\"" + title + "\") but --year says " + options.year());
    }
    if (titled != null) {
      return titled;
    }
    if (options.year() != null) {
      return options.year();
    }
    throw new ListFormatException(
        file,
        firstRow,
        "no title with a year (such as \"2021年度创新型产业集群试点（培育）名单\") before the first row;"
            + " give the year with --year");
  }

  private static ListRow row(Path file, RawRow raw, int[] columns, ListRow previous) {
    String seqCell = raw.cell(columns[SEQ]);
    Location seqAt = raw.cellAt(columns[SEQ]);
    if (!DIGITS.matcher(seqCell).matches()) {
      throw new ListFormatException(file, seqAt, "序号 \"" + seqCell + "\" is not a number");
    }
    String digits = seqCell.replaceFirst("^0+(?=\\d)", "");
    if (digits.length() > MAX_SEQ_DIGITS) {
      throw new ListFormatException(
          file, seqAt, "序号 \"" + seqCell + "\" has more than " + MAX_SEQ_DIGITS + " digits");
    }
    int seq = Integer.parseInt(digits);
    if (seq == 0) {
      throw new ListFormatException(file, seqAt, "序号 0: list numbers start at 1");
    }
    String region =
        inherit(file, raw, columns, REGION, previous == null ? null : previous.region());
    String name = required(file, raw, columns, NAME);
    String builder = required(file, raw, columns, BUILDER);
    String recommender =
        inherit(file, raw, columns, RECOMMENDER, previous == null ? null : previous.recommender());
    return new ListRow(raw.at(), seq, region, name, builder, recommender);
  }

  /** A merged cell: blank means the value of the row above. */
  private static String inherit(Path file, RawRow raw, int[] columns, int column, String above) {
    String value = raw.cell(columns[column]);
    if (!value.isEmpty()) {
      return value;
    }
    if (above == null) {
      throw new ListFormatException(
          file,
          raw.cellAt(columns[column]),
          COLUMNS.get(column) + " is blank in the first row, so there is no row above to repeat");
    }
    return above;
  }

  private static String required(Path file, RawRow raw, int[] columns, int column) {
    if (columns[column] >= raw.cells().size()) {
      throw new ListFormatException(
          file,
          raw.at(),
          "the row has "
              + raw.cells().size()
              + (raw.cells().size() == 1 ? " cell; " : " cells; ")
              + COLUMNS.get(column)
              + " (column "
              + (columns[column] + 1)
              + ") is missing");
    }
    String value = raw.cell(columns[column]);
    if (value.isEmpty()) {
      throw new ListFormatException(
          file, raw.cellAt(columns[column]), COLUMNS.get(column) + " is blank");
    }
    return value;
  }

  /** The columns a row names, with their cell index (white space inside a name ignored). */
  private static Map<String, Integer> headerCells(RawRow row) {
    Map<String, Integer> found = new LinkedHashMap<>();
    for (int i = 0; i < row.cells().size(); i++) {
      String cell = row.cells().get(i);
      if (cell == null) {
        continue;
      }
      String name = SPACE.matcher(cell).replaceAll("");
      if (COLUMNS.contains(name)) {
        found.putIfAbsent(name, i);
      }
    }
    return found;
  }
}
