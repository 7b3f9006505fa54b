package clustersearch.source;

import clustersearch.source.ListReader.RowSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
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

  /** Files from this size on are read line by line, not decoded whole. */
  static final long STREAM_FROM = 4L * 1024 * 1024;

  /**
   * Reads row by row. A large file (from {@value #STREAM_FROM} bytes) in UTF-8 or UTF-16 with a BOM
   * is read line by line, so only the block being read is held; any other is decoded whole first (a
   * GB18030 file, told apart by reading all of it) and its rows handed on as they are parsed.
   */
  @Override
  public ListDocument stream(Path file, ReadOptions options, RowSink sink) throws IOException {
    TextDecoder.Streamed streamed =
        Files.size(file) >= STREAM_FROM ? TextDecoder.streamed(file) : null;
    if (streamed == null) {
      TextDecoder.Decoded text = TextDecoder.read(file);
      return parse(file, text.text(), "text, " + text.encoding(), options, sink);
    }
    return streamLines(file, streamed, options, sink);
  }

  /** Reads {@code file} line by line in {@code streamed}'s charset, handing each row on. */
  static ListDocument streamLines(
      Path file, TextDecoder.Streamed streamed, ReadOptions options, RowSink sink)
      throws IOException {
    try (InputStream in = Files.newInputStream(file);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(TextDecoder.skip(in, streamed), streamed.decoder()))) {
      return parse(file, reader, "text, " + streamed.encoding(), options, sink);
    } catch (CharacterCodingException e) {
      throw new ListFormatException(
          file, Location.FILE, "not " + streamed.encoding() + " text, though it starts like it");
    }
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
    List<ListRow> rows = new ArrayList<>();
    try {
      return parse(
              file,
              text,
              format,
              options,
              new RowSink() {
                @Override
                public void header(ListDocument header) {}

                @Override
                public void row(ListRow row) {
                  rows.add(row);
                }
              })
          .withRows(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // collecting rows does no I/O
    }
  }

  /** Parses the text of a list document, handing each row on as soon as it is read. */
  private static ListDocument parse(
      Path file, String text, String format, ReadOptions options, RowSink sink) throws IOException {
    return parse(file, new BufferedReader(new StringReader(text)), format, options, sink);
  }

  /**
   * Parses a list document line by line (lines end at \r\n, \r or \n), handing each row on as soon
   * as it is read.
   */
  private static ListDocument parse(
      Path file, BufferedReader lines, String format, ReadOptions options, RowSink sink)
      throws IOException {
    Parse parse = new Parse(file, format, options, sink);
    boolean any = false;
    int lineNo = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (lineNo == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      any |= !line.isBlank();
      parse.line(line, ++lineNo);
    }
    if (!any) {
      throw new ListFormatException(file, 0, "the file is empty");
    }
    return parse.end();
  }

  /**
   * One list being read: lines group into blocks separated by blank lines (wrapped cells joined);
   * the preamble's blocks give the title, each table block after the header is a row.
   */
  private static final class Parse {
    private final Path file;
    private final String format;
    private final ReadOptions options;
    private final RowSink sink;
    private final List<String> preamble = new ArrayList<>();
    private Block current;
    private ListTable.Rows rows;

    Parse(Path file, String format, ReadOptions options, RowSink sink) {
      this.file = file;
      this.format = format;
      this.options = options;
      this.sink = sink;
    }

    void line(String line, int lineNo) throws IOException {
      boolean cell = line.startsWith("\t");
      if (!cell && line.isBlank()) {
        block();
        return;
      }
      String value = clean(cell ? line.substring(1) : line);
      if (current == null) {
        current = new Block(cell);
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

    /** The block read so far is complete: preamble, the header, or a row handed on. */
    private void block() throws IOException {
      Block block = current;
      current = null;
      if (block == null) {
        return;
      }
      if (!block.isTable()) {
        if (rows != null) {
          throw new ListFormatException(
              file,
              block.lines.get(0),
              "text outside a table row: \"" + block.cells.get(0) + "\" (cells start with a tab)");
        }
        preamble.addAll(block.cells);
        return;
      }
      if (block.cells.equals(COLUMNS)) {
        return; // the header, repeated at page breaks
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
      ListTable.RawRow raw =
          new ListTable.RawRow(
              Location.line(block.lines.get(0)),
              block.cells,
              block.lines.stream().map(Location::line).toList());
      if (rows == null) {
        rows =
            new ListTable.Rows(
                file, format, ListTable.title(preamble), IN_ORDER, options, raw.at());
        sink.header(rows.header());
      }
      sink.row(rows.next(raw));
    }

    /** After the last line: the list's header, once it had rows. */
    ListDocument end() throws IOException {
      block();
      if (rows == null) {
        if (ListTable.title(preamble) == null && options.year() == null) {
          throw new ListFormatException(file, 1, "no title with a year (such as \"2021年度…名单\")");
        }
        throw new ListFormatException(file, 0, "the list has no rows");
      }
      rows.end();
      return rows.header();
    }
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
