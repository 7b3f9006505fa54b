package clustersearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;

/**
 * Each distinct shared value of a field analysed once per build. A list repeats its industry
 * phrases, places and recommending units on thousands of rows (a million-cluster list has a few
 * hundred phrases), and smartcn and the bigram chain cost a third of indexing; the tokens of a
 * value seen before are replayed instead: the same terms, position increments and offsets, so the
 * index is the one analysis would write (AnalyzedValuesTest compares them term by term and norm by
 * norm). Thread-safe; bounded, so a list of unique values costs a cleared map, not the heap.
 */
final class AnalyzedValues {
  /** Values kept at most; past it the map starts again (a list of unique names gains nothing). */
  static final int MAX_VALUES = 50_000;

  /** Values longer than this are analysed every time: long values are rarely shared. */
  static final int MAX_LENGTH = 64;

  private final Analyzer analyzer;
  private final ConcurrentHashMap<Key, Tokens> seen = new ConcurrentHashMap<>();

  private record Key(String field, String value) {}

  /** One value's tokens as analysis gave them. */
  private record Tokens(
      String[] terms,
      int[] increments,
      int[] starts,
      int[] ends,
      int endIncrement,
      int endOffset) {}

  AnalyzedValues(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * An indexed, unstored text field of {@code value}, its tokens those the index analyzer gives.
   *
   * @param shared whether other rows are likely to hold the value (an industry phrase, a place):
   *     its tokens are kept for them; a row's own value (a name) is left to the IndexWriter
   */
  Field field(
      String field, String value, org.apache.lucene.document.FieldType type, boolean shared) {
    if (!shared || value.length() > MAX_LENGTH) {
      return new Field(field, value, type); // analysed by the IndexWriter, on the same thread
    }
    if (seen.size() >= MAX_VALUES) {
      seen.clear();
    }
    Tokens tokens = seen.computeIfAbsent(new Key(field, value), k -> analyse(k.field, k.value));
    return new Field(field, new Replay(tokens), type);
  }

  private Tokens analyse(String field, String value) {
    List<String> terms = new ArrayList<>();
    List<int[]> positions = new ArrayList<>();
    int endIncrement;
    int endOffset;
    try (TokenStream stream = analyzer.tokenStream(field, value)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
        positions.add(
            new int[] {inc.getPositionIncrement(), offset.startOffset(), offset.endOffset()});
      }
      stream.end();
      endIncrement = inc.getPositionIncrement();
      endOffset = offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    int n = terms.size();
    int[] increments = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      increments[i] = positions.get(i)[0];
      starts[i] = positions.get(i)[1];
      ends[i] = positions.get(i)[2];
    }
    return new Tokens(
        terms.toArray(String[]::new), increments, starts, ends, endIncrement, endOffset);
  }

  /** The tokens of a value analysed before, played back. */
  private static final class Replay extends TokenStream {
    private final Tokens tokens;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int next;

    Replay(Tokens tokens) {
      this.tokens = tokens;
    }

    @Override
    public boolean incrementToken() {
      if (next == tokens.terms.length) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(tokens.terms[next]);
      inc.setPositionIncrement(tokens.increments[next]);
      offset.setOffset(tokens.starts[next], tokens.ends[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      inc.setPositionIncrement(tokens.endIncrement);
      offset.setOffset(tokens.endOffset, tokens.endOffset);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
