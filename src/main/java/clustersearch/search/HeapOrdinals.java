package clustersearch.search;

import clustersearch.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The facet fields' ordinals of every document, read once per segment into arrays and counted from
 * them. Counting a million clusters' facets read each match's ordinals through Lucene's packed doc
 * values (a monotonic address, then a 12-bit packed ordinal at a time): four fifths of {@code
 * /api/stats?q=生物医药} at a million clusters, half of it the decoding (JFR, in process). The
 * ordinals, the documents holding them and the labels they stand for are the segment's own, so
 * every count is Lucene's ({@code HeapOrdinalsTest}).
 *
 * <p>What is kept: for each facet field, a document's first ordinal's position (4 bytes a document)
 * and its ordinals, one byte each when the field has at most 256 values, two when at most 65,536; a
 * field of more values is read from Lucene as before. A million synthetic clusters: 7.0 and 5.0
 * ordinals a document in the two facet fields, 95 and 259 values: 25 MB in all by those counts.
 */
final class HeapOrdinals extends SameDocumentsReader {
  /** The facet fields whose ordinals are kept. */
  static final Set<String> FIELDS =
      Set.of(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, Fields.STATS_FACETS);

  /** Values a field may have to be kept (two bytes an ordinal). */
  static final int MAX_VALUES = 1 << 16;

  /** {@code reader} with its facet fields' ordinals served from arrays. */
  static DirectoryReader wrap(DirectoryReader reader) throws IOException {
    return reader instanceof HeapOrdinals ? reader : new HeapOrdinals(reader);
  }

  private HeapOrdinals(DirectoryReader in) throws IOException {
    super(in, Leaf::new);
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    return wrap(in);
  }

  /** One segment: its facet fields' ordinals from arrays, everything else its own. */
  private static final class Leaf extends SameDocumentsReader.Leaf {
    private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();

    Leaf(LeafReader in) {
      super(in);
    }

    @Override
    public SortedSetDocValues getSortedSetDocValues(String field) throws IOException {
      if (!FIELDS.contains(field)) {
        return super.getSortedSetDocValues(field);
      }
      Table table = tables.get(field);
      if (table == null) {
        SortedSetDocValues own = super.getSortedSetDocValues(field);
        if (own == null || own.getValueCount() > MAX_VALUES) {
          return own;
        }
        try {
          table = tables.computeIfAbsent(field, f -> Table.read(in, f));
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
      return new ArrayOrdinals(table, in, field);
    }
  }

  /**
   * A field's ordinals: those of document {@code d} are at {@code starts[d]} up to {@code starts[d
   * + 1]}, in {@code bytes} (unsigned) or {@code chars}.
   */
  private record Table(int[] starts, byte[] bytes, char[] chars, long valueCount, long cost) {
    static Table read(LeafReader reader, String field) {
      try {
        SortedSetDocValues own = reader.getSortedSetDocValues(field);
        int maxDoc = reader.maxDoc();
        int[] starts = new int[maxDoc + 1];
        long total = 0;
        long docs = 0;
        // First the counts (the positions), then the ordinals into arrays of the exact size.
        for (int d = own.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = own.nextDoc()) {
          starts[d + 1] = own.docValueCount();
          total += own.docValueCount();
          docs++;
        }
        for (int d = 0; d < maxDoc; d++) {
          starts[d + 1] += starts[d];
        }
        boolean small = own.getValueCount() <= 256;
        byte[] bytes = small ? new byte[Math.toIntExact(total)] : null;
        char[] chars = small ? null : new char[Math.toIntExact(total)];
        SortedSetDocValues again = reader.getSortedSetDocValues(field);
        for (int d = again.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = again.nextDoc()) {
          int at = starts[d];
          for (int i = 0; i < again.docValueCount(); i++) {
            long ord = again.nextOrd();
            if (small) {
              bytes[at + i] = (byte) ord;
            } else {
              chars[at + i] = (char) ord;
            }
          }
        }
        return new Table(starts, bytes, chars, own.getValueCount(), docs);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A field's ordinals over its table; labels are looked up in the segment's own doc values. */
  private static final class ArrayOrdinals extends SortedSetDocValues {
    private final Table table;
    private final int[] starts;
    private final int maxDoc;
    private final LeafReader reader;
    private final String field;
    private SortedSetDocValues labels;
    private int doc = -1;
    private int next;
    private int end;

    ArrayOrdinals(Table table, LeafReader reader, String field) {
      this.table = table;
      this.starts = table.starts();
      this.maxDoc = starts.length - 1;
      this.reader = reader;
      this.field = field;
    }

    @Override
    public long nextOrd() {
      if (next >= end) {
        return NO_MORE_ORDS;
      }
      int at = next++;
      return table.bytes() != null ? table.bytes()[at] & 0xFF : table.chars()[at];
    }

    @Override
    public int docValueCount() {
      return end - starts[doc];
    }

    @Override
    public BytesRef lookupOrd(long ord) throws IOException {
      if (labels == null) {
        labels = reader.getSortedSetDocValues(field);
      }
      return labels.lookupOrd(ord);
    }

    @Override
    public long getValueCount() {
      return table.valueCount();
    }

    @Override
    public boolean advanceExact(int target) {
      doc = target;
      next = starts[target];
      end = starts[target + 1];
      return end > next;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      for (int d = target; d < maxDoc; d++) {
        if (starts[d + 1] > starts[d]) {
          doc = d;
          next = starts[d];
          end = starts[d + 1];
          return d;
        }
      }
      doc = NO_MORE_DOCS;
      next = end = 0;
      return NO_MORE_DOCS;
    }

    @Override
    public long cost() {
      return table.cost();
    }
  }
}
