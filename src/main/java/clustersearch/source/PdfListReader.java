package clustersearch.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF lists (Apache PDFBox): the table of a text PDF, read from where its words stand. The header
 * row's five column names give the columns' left edges; every text line below it is a row whose
 * words fall into the column they start in; a line with no 序号 continues the row above (a wrapped
 * cell). The title line above the header gives the year. A PDF without text (a scan) is refused:
 * there is no text recognition here.
 */
public final class PdfListReader implements ListReader {

  /** Words whose baselines are this close (points) are on one line. */
  private static final float SAME_LINE = 2.5f;

  /** A word may start this far (points) left of its column's header and still belong to it. */
  private static final float LEFT_SLACK = 3f;

  @Override
  public String format() {
    return "PDF";
  }

  @Override
  public List<String> extensions() {
    return List.of("pdf");
  }

  @Override
  public boolean recognizes(byte[] head) {
    return ListReaders.isPdf(head);
  }

  /** A run of text and where it starts. */
  private record Word(String text, float x, float y) {}

  /** A text line of a page: its words left to right. */
  private record Line(int page, int number, float y, List<Word> words) {
    String text() {
      return String.join(" ", words.stream().map(Word::text).toList());
    }
  }

  @Override
  public ListDocument read(Path file, ReadOptions options) throws IOException {
    PDDocument pdf;
    try {
      pdf = Loader.loadPDF(file.toFile());
    } catch (InvalidPasswordException e) {
      throw new ListFormatException(file, Location.FILE, "the PDF is password-protected");
    } catch (IOException e) {
      throw new ListFormatException(file, Location.FILE, "not a readable PDF: " + e.getMessage());
    }
    try (pdf) {
      int pages = pdf.getNumberOfPages();
      if (pages > options.limits().maxPages()) {
        throw new ListFormatException(
            file,
            Location.FILE,
            "the PDF has "
                + pages
                + " pages; a list may have at most "
                + options.limits().maxPages()
                + " (settings.yaml lists.maxPages)");
      }
      // Text and drawing operations of every page so far, against lists.maxPdfOperations: a small
      // PDF may hold millions of them, each kept as a glyph position while its page is read.
      int[] operations = {0};
      List<Line> lines = new ArrayList<>();
      for (int page = 1; page <= pages; page++) {
        lines.addAll(lines(file, pdf, page, operations, options));
      }
      if (lines.isEmpty()) {
        throw new ListFormatException(
            file,
            Location.FILE,
            "the PDF has no text ("
                + pages
                + (pages == 1 ? " page" : " pages")
                + ", a scan?): text recognition is not done here; use the list's Word, Excel or"
                + " text PDF form");
      }
      return table(file, pages, lines, options);
    }
  }

  private static ListDocument table(Path file, int pages, List<Line> lines, ReadOptions options) {
    List<String> preamble = new ArrayList<>();
    List<ListTable.RawRow> rows = new ArrayList<>();
    float[] columns = null;
    List<String> cells = null;
    List<Location> cellsAt = null;
    Line rowLine = null;
    for (Line line : lines) {
      float[] header = headerColumns(line);
      if (header != null) {
        columns = header; // the header, on the first page and repeated on later ones
        continue;
      }
      if (columns == null) {
        preamble.add(line.text());
        continue;
      }
      String[] split = split(line, columns);
      boolean startsRow = !split[0].isEmpty() || cells == null;
      if (startsRow) {
        if (cells != null) {
          rows.add(raw(rowLine, cells, cellsAt));
        }
        cells = new ArrayList<>(List.of(split));
        cellsAt = new ArrayList<>();
        for (int c = 0; c < split.length; c++) {
          cellsAt.add(
              Location.at(
                  "page "
                      + line.page()
                      + ", line "
                      + line.number()
                      + ", "
                      + ListTable.COLUMNS.get(c)));
        }
        rowLine = line;
      } else {
        for (int c = 0; c < split.length; c++) {
          cells.set(c, cells.get(c) + split[c]); // a wrapped cell
        }
      }
    }
    if (cells != null) {
      rows.add(raw(rowLine, cells, cellsAt));
    }
    if (columns == null) {
      throw new ListFormatException(
          file,
          Location.FILE,
          "no header row with the columns " + String.join(", ", ListTable.COLUMNS));
    }
    return ListTable.build(
        file,
        "PDF, " + pages + (pages == 1 ? " page" : " pages"),
        ListTable.title(preamble),
        new int[] {0, 1, 2, 3, 4},
        rows,
        options);
  }

  private static ListTable.RawRow raw(Line line, List<String> cells, List<Location> at) {
    return new ListTable.RawRow(
        Location.at("page " + line.page() + ", line " + line.number()), cells, at);
  }

  /** The left edges of the five columns when {@code line} is the header row, else null. */
  private static float[] headerColumns(Line line) {
    float[] x = new float[ListTable.COLUMNS.size()];
    int found = 0;
    for (int c = 0; c < x.length; c++) {
      x[c] = Float.NaN;
      for (Word w : line.words()) {
        if (w.text().replaceAll("\\s", "").equals(ListTable.COLUMNS.get(c))) {
          x[c] = w.x();
          found++;
          break;
        }
      }
    }
    return found == x.length ? x : null;
  }

  /** The text of each column on {@code line}: a word belongs to the column it starts in. */
  private static String[] split(Line line, float[] columns) {
    String[] cells = new String[columns.length];
    java.util.Arrays.fill(cells, "");
    for (Word w : line.words()) {
      int column = 0;
      float best = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < columns.length; c++) {
        if (columns[c] - LEFT_SLACK <= w.x() && columns[c] > best) {
          best = columns[c];
          column = c;
        }
      }
      cells[column] = cells[column] + w.text();
    }
    return cells;
  }

  /** The text lines of one page, top to bottom, each with its words left to right. */
  private static List<Line> lines(
      Path file, PDDocument pdf, int page, int[] operations, ReadOptions options)
      throws IOException {
    List<Word> words = new ArrayList<>();
    int max = options.limits().maxPdfOperations();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void processOperator(Operator operator, List<COSBase> operands)
              throws IOException {
            if (++operations[0] > max) {
              throw new ListFormatException(
                  file,
                  Location.at("page " + page),
                  "the PDF has more than "
                      + max
                      + " text and drawing operations (settings.yaml lists.maxPdfOperations)");
            }
            super.processOperator(operator, operands);
          }

          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            if (!text.isBlank() && !positions.isEmpty()) {
              TextPosition first = positions.get(0);
              words.add(new Word(text.strip(), first.getXDirAdj(), first.getYDirAdj()));
            }
          }
        };
    stripper.setSortByPosition(true);
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    stripper.getText(pdf);
    words.sort(Comparator.comparingDouble(Word::y).thenComparingDouble(Word::x));
    List<Line> lines = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    float y = Float.NaN;
    for (Word w : words) {
      if (!current.isEmpty() && Math.abs(w.y() - y) > SAME_LINE) {
        lines.add(line(page, lines.size() + 1, y, current));
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        y = w.y();
      }
      current.add(w);
    }
    if (!current.isEmpty()) {
      lines.add(line(page, lines.size() + 1, y, current));
    }
    return lines;
  }

  private static Line line(int page, int number, float y, List<Word> words) {
    List<Word> sorted = new ArrayList<>(words);
    sorted.sort(Comparator.comparingDouble(Word::x));
    return new Line(page, number, y, sorted);
  }
}
