package clustersearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * A reader's facet state whose doc values name their ordinals from memory. Lucene's facet counts
 * turn every value they return into its label through the terms dictionary ({@code lookupOrd}, and
 * {@code lookupTerm} for a sector's industries): a hundred seeks per search, a fifth of a search's
 * CPU with the response cache off (a profile under bench/harness.sh). The labels of a reader are
 * few (provinces, industries, areas, years: a few hundred even for a million clusters) and fixed,
 * so they are read once, in ordinal order; the doc values themselves are still read from the index
 * for counting.
 */
final class LabelledFacetState extends SortedSetDocValuesReaderState {
  private final SortedSetDocValuesReaderState inner;
  private final BytesRef[] labels;

  LabelledFacetState(SortedSetDocValuesReaderState inner) throws IOException {
    this.inner = inner;
    List<BytesRef> all = new ArrayList<>();
    TermsEnum terms = inner.getDocValues().termsEnum();
    for (BytesRef term = terms.next(); term != null; term = terms.next()) {
      all.add(BytesRef.deepCopyOf(term));
    }
    this.labels = all.toArray(BytesRef[]::new);
  }

  /**
   * The reader's doc values, named from memory. Over several segments they stay Lucene's
   * multi-segment doc values, since facet counting maps each segment's ordinals to the reader's
   * through their ordinal map only when it sees that type.
   */
  @Override
  public SortedSetDocValues getDocValues() throws IOException {
    SortedSetDocValues values = inner.getDocValues();
    if (values instanceof MultiDocValues.MultiSortedSetDocValues multi) {
      return new LabelledMulti(multi, labels);
    }
    return new Labelled(values, labels);
  }

  /** Doc values of several segments, ordinals of the reader named from the labels in memory. */
  private static final class LabelledMulti extends MultiDocValues.MultiSortedSetDocValues {
    private final BytesRef[] labels;

    LabelledMulti(MultiDocValues.MultiSortedSetDocValues in, BytesRef[] labels) {
      super(in.values, in.docStarts, in.mapping, in.cost());
      this.labels = labels;
    }

    @Override
    public BytesRef lookupOrd(long ord) {
      return label(labels, ord);
    }

    @Override
    public long lookupTerm(BytesRef key) {
      return ordinal(labels, key);
    }
  }

  /** The label of ordinal {@code ord}. */
  private static BytesRef label(BytesRef[] labels, long ord) {
    return labels[Math.toIntExact(ord)];
  }

  /**
   * The ordinal of {@code key}: the terms come sorted as BytesRef compares them; not found is
   * -(insertion point) - 1, as Lucene's lookupTerm answers too.
   */
  private static long ordinal(BytesRef[] labels, BytesRef key) {
    return Arrays.binarySearch(labels, key);
  }

  @Override
  public String getField() {
    return inner.getField();
  }

  @Override
  public IndexReader getReader() {
    return inner.getReader();
  }

  @Override
  public int getSize() {
    return inner.getSize();
  }

  @Override
  public FacetsConfig getFacetsConfig() {
    return inner.getFacetsConfig();
  }

  @Override
  public OrdRange getOrdRange(String dim) {
    return inner.getOrdRange(dim);
  }

  @Override
  public Map<String, OrdRange> getPrefixToOrdRange() {
    return inner.getPrefixToOrdRange();
  }

  @Override
  public DimTree getDimTree(String dim) {
    return inner.getDimTree(dim);
  }

  @Override
  public Iterable<String> getDims() {
    return inner.getDims();
  }

  @Override
  public long ramBytesUsed() {
    long bytes = inner.ramBytesUsed();
    for (BytesRef label : labels) {
      bytes += label.length + 32L;
    }
    return bytes;
  }

  /** Doc values read from the index, ordinals named from the labels in memory. */
  private static final class Labelled extends SortedSetDocValues {
    private final SortedSetDocValues in;
    private final BytesRef[] labels;

    Labelled(SortedSetDocValues in, BytesRef[] labels) {
      this.in = in;
      this.labels = labels;
    }

    @Override
    public BytesRef lookupOrd(long ord) {
      return label(labels, ord);
    }

    @Override
    public long lookupTerm(BytesRef key) {
      return ordinal(labels, key);
    }

    @Override
    public long getValueCount() {
      return labels.length;
    }

    @Override
    public long nextOrd() throws IOException {
      return in.nextOrd();
    }

    @Override
    public int docValueCount() {
      return in.docValueCount();
    }

    @Override
    public TermsEnum termsEnum() throws IOException {
      return in.termsEnum();
    }

    @Override
    public boolean advanceExact(int target) throws IOException {
      return in.advanceExact(target);
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public int nextDoc() throws IOException {
      return in.nextDoc();
    }

    @Override
    public int advance(int target) throws IOException {
      return in.advance(target);
    }

    @Override
    public long cost() {
      return in.cost();
    }
  }
}
