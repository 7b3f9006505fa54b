package clustersearch.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text extraction of a MOST cluster list table, in UTF-8, UTF-16 or GB18030/GBK ({@link
 * TextDecoder}).
 *
 * <p>The format: a preamble whose title carries the year, then blocks separated by blank lines, one
 * tab-indented cell per line in the column order 序号, 地区, 集群名称, 建设单位, 推荐单位. A line without a leading
 * tab continues the cell above it (a wrapped cell); a blank 地区 or 推荐单位 cell repeats the row above
 * (a merged cell); the header row repeats at page breaks. Anything else stops the parse with the
 * file and the line.
 */
public final class TextListReader implements ListReader {

  /** The header cells, in the order every row follows. */
  public static final List<String> COLUMNS = ListTable.COLUMNS;

  private static final int[] IN_ORDER = {0, 1, 2, 3, 4};

  @Override
  public String format() {
    return "text";
  }

  @Override
  public List<String> extensions() {
    return List.of("txt");
  }

  @Override
  public ListDocument read(Path file, ReadOptions options) throws IOException {
    TextDecoder.Decoded text = TextDecoder.read(file);
    return parse(file, text.text(), "text, " + text.encoding(), options);
  }

  /**
   * Reads {@code file} in whatever encoding {@link TextDecoder} recognises, the year from its
   * title.
   */
  public static ListDocument parse(Path file) throws IOException {
    return new TextListReader().read(file, ReadOptions.NONE);
  }

  /** Parses the text of a list document; {@code file} only names it in errors. */
  public static ListDocument parse(Path file, String text) {
    return parse(file, text, "text", ReadOptions.NONE);
  }

  /** Parses the text of a list document read as {@code format}. */
  static ListDocument parse(Path file, String text, String format, ReadOptions options) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (text.isBlank()) {
      throw new ListFormatException(file, 0, "the file is empty");
    }
    List<Block> blocks = blocks(file, lines);
    List<String> preamble = new ArrayList<>();
    List<ListTable.RawRow> rows = new ArrayList<>();
    for (Block block : blocks) {
      if (!block.isTable()) {
        if (!rows.isEmpty()) {
          throw new ListFormatException(
              file,
              block.lines.get(0),
              "text outside a table row: \"" + block.cells.get(0) + "\" (cells start with a tab)");
        }
        preamble.addAll(block.cells);
        continue;
      }
      if (block.cells.equals(COLUMNS)) {
        continue; // the header, repeated at page breaks
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
      rows.add(
          new ListTable.RawRow(
              Location.line(block.lines.get(0)),
              block.cells,
              block.lines.stream().map(Location::line).toList()));
    }
    String title = ListTable.title(preamble);
    if (rows.isEmpty()) {
      if (title == null && options.year() == null) {
        throw new ListFormatException(file, 1, "no title with a year (such as \"2021年度…名单\")");
      }
      throw new ListFormatException(file, 0, "the list has no rows");
    }
    return ListTable.build(file, format, title, IN_ORDER, rows, options);
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
