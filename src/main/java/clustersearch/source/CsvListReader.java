package clustersearch.source;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV list prepared by hand (UTF-8, UTF-16 or GB18030/GBK, RFC 4180 quoting): a header row with
 * the five columns in any order, an optional title row above it that gives the year.
 */
public final class CsvListReader implements ListReader {

  @Override
  public String format() {
    return "CSV";
  }

  @Override
  public List<String> extensions() {
    return List.of("csv");
  }

  @Override
  public ListDocument read(Path file, ReadOptions options) throws IOException {
    TextDecoder.Decoded text = TextDecoder.read(file);
    String body = text.text().startsWith("\uFEFF") ? text.text().substring(1) : text.text();
    if (body.isBlank()) {
      throw new ListFormatException(file, Location.FILE, "the file is empty");
    }
    List<ListTable.RawRow> rows = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
      for (CSVRecord record : parser) {
        long number = record.getRecordNumber();
        List<String> cells = record.toList();
        List<Location> at = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
          at.add(Location.at("row " + number + ", column " + (i + 1)));
        }
        rows.add(new ListTable.RawRow(Location.at("row " + number), cells, at));
      }
    } catch (UncheckedIOException e) {
      // commons-csv reports a broken quote as an IOException wrapped while iterating
      throw new ListFormatException(
          file, Location.FILE, "not valid CSV: " + e.getCause().getMessage());
    } catch (IOException e) {
      throw new ListFormatException(file, Location.FILE, "not valid CSV: " + e.getMessage());
    }
    return ListTable.fromTable(file, "CSV, " + text.encoding(), List.of(), rows, options);
  }
}
