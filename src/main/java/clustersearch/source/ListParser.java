package clustersearch.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text extraction of a MOST cluster list table.
 *
 * <p>The format: a preamble whose title carries the year, then blocks separated by blank lines, one
 * tab-indented cell per line in the column order 序号, 地区, 集群名称, 建设单位, 推荐单位. A line without a leading
 * tab continues the cell above it (a wrapped cell); a blank 地区 or 推荐单位 cell repeats the row above
 * (a merged cell); the header row repeats at page breaks. Anything else stops the parse with the
 * file and the line.
 */
public final class ListParser {

  /** The header cells, in the order every row follows. */
  public static final List<String> COLUMNS = List.of("序号", "地区", "集群名称", "建设单位", "推荐单位");

  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
  private static final Pattern SEQ = Pattern.compile("\\d{1,4}");

  private ListParser() {}

  /** Parses {@code file}, which must be UTF-8 (a BOM and CRLF line endings are accepted). */
  public static ListDocument parse(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ListFormatException(file, 0, "not UTF-8 text");
    }
    return parse(file, text);
  }

  /** Parses the text of a list document; {@code file} only names it in errors. */
  public static ListDocument parse(Path file, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (text.isBlank()) {
      throw new ListFormatException(file, 0, "the file is empty");
    }
    List<Block> blocks = blocks(file, lines);
    String title = null;
    int year = 0;
    List<ListRow> rows = new ArrayList<>();
    Map<Integer, Integer> seqLines = new HashMap<>();
    ListRow previous = null;
    for (Block block : blocks) {
      if (!block.isTable()) {
        if (!rows.isEmpty()) {
          throw new ListFormatException(
              file,
              block.lines.get(0),
              "text outside a table row: \"" + block.cells.get(0) + "\" (cells start with a tab)");
        }
        for (int i = 0; i < block.cells.size() && title == null; i++) {
          Matcher m = YEAR.matcher(block.cells.get(i));
          if (m.find()) {
            title = block.cells.get(i);
            year = Integer.parseInt(m.group(1));
          }
        }
        continue;
      }
      if (block.cells.equals(COLUMNS)) {
        continue; // the header, repeated at page breaks
      }
      if (title == null) {
        throw new ListFormatException(
            file,
            block.lines.get(0),
            "no title with a year (such as \"2021年度创新型产业集群试点（培育）名单\") before the first row");
      }
      if (block.cells.size() != COLUMNS.size()) {
        throw new ListFormatException(
            file,
            block.lines.get(0),
            "a row has "
                + block.cells.size()
                + " cells, expected "
                + COLUMNS.size()
                + " ("
                + String.join(", ", COLUMNS)
                + ")");
      }
      ListRow row = row(file, block, previous);
      Integer earlier = seqLines.putIfAbsent(row.seq(), row.line());
      if (earlier != null) {
        throw new ListFormatException(
            file, row.line(), "序号 " + row.seq() + " repeats the row at line " + earlier);
      }
      rows.add(row);
      previous = row;
    }
    if (title == null) {
      throw new ListFormatException(file, 1, "no title with a year (such as \"2021年度…名单\")");
    }
    if (rows.isEmpty()) {
      throw new ListFormatException(file, 0, "the list has no rows");
    }
    return new ListDocument(file, title, year, rows);
  }

  private static ListRow row(Path file, Block block, ListRow previous) {
    int line = block.lines.get(0);
    String seqCell = block.cells.get(0);
    if (!SEQ.matcher(seqCell).matches()) {
      throw new ListFormatException(file, line, "序号 \"" + seqCell + "\" is not a number");
    }
    String region = inherit(file, block, 1, previous == null ? null : previous.region());
    String name = required(file, block, 2);
    String builder = required(file, block, 3);
    String recommender = inherit(file, block, 4, previous == null ? null : previous.recommender());
    return new ListRow(line, Integer.parseInt(seqCell), region, name, builder, recommender);
  }

  /** A merged cell: blank means the value of the row above. */
  private static String inherit(Path file, Block block, int column, String above) {
    String value = block.cells.get(column);
    if (!value.isEmpty()) {
      return value;
    }
    if (above == null) {
      throw new ListFormatException(
          file,
          block.lines.get(column),
          COLUMNS.get(column) + " is blank in the first row, so there is no row above to repeat");
    }
    return above;
  }

  private static String required(Path file, Block block, int column) {
    String value = block.cells.get(column);
    if (value.isEmpty()) {
      throw new ListFormatException(
          file, block.lines.get(column), COLUMNS.get(column) + " is blank");
    }
    return value;
  }

  /** Groups lines into blocks separated by blank lines, joining wrapped cells. */
  private static List<Block> blocks(Path file, String[] lines) {
    List<Block> blocks = new ArrayList<>();
    Block current = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      boolean cell = line.startsWith("\t");
      if (!cell && line.isBlank()) {
        current = null;
        continue;
      }
      String value = clean(cell ? line.substring(1) : line);
      if (current == null) {
        current = new Block(cell);
        blocks.add(current);
        current.add(value, lineNo);
      } else if (cell && current.isTable()) {
        current.add(value, lineNo);
      } else if (!cell && current.isTable()) {
        current.append(value); // a cell wrapped onto the next line
      } else if (!cell) {
        current.add(value, lineNo); // preamble text
      } else {
        throw new ListFormatException(
            file,
            lineNo,
            "a table cell directly under preamble text; leave a blank line before it");
      }
    }
    return blocks;
  }

  /** Trims the spaces the extraction leaves around values; full-width punctuation stays. */
  private static String clean(String value) {
    return value.strip();
  }

  private static final class Block {
    final boolean table;
    final List<String> cells = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();

    Block(boolean table) {
      this.table = table;
    }

    boolean isTable() {
      return table;
    }

    void add(String value, int line) {
      cells.add(value);
      lines.add(line);
    }

    void append(String value) {
      int last = cells.size() - 1;
      cells.set(last, cells.get(last) + value);
    }
  }
}
