package clustersearch.search;

import clustersearch.index.Fields;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.IntroSorter;

/**
 * Every document a query matches, in a request's order, as document ids only: 16 bytes a match (id,
 * score, one long sort key), never a record or a {@code FieldDoc}, so an export of a million
 * matches holds 16 MB of ids while it streams the records in batches. The order is the one {@link
 * SearchService}'s sorts give: score (relevance) or the province's rank, then year and 序号.
 */
final class OrderedMatches {
  private int[] docs = new int[1024];
  private float[] scores = new float[1024];
  private long[] keys = new long[1024];
  private int size;

  private OrderedMatches() {}

  /** The matches of {@code query} in {@code order}. */
  static OrderedMatches collect(IndexSearcher searcher, Query query, SearchRequest.Order order)
      throws IOException {
    OrderedMatches m = new OrderedMatches();
    boolean byScore = order == SearchRequest.Order.RELEVANCE;
    boolean byProvince = order == SearchRequest.Order.PROVINCE;
    searcher.search(
        query,
        new SimpleCollector() {
          private int base;
          private Scorable scorer;
          private NumericDocValues year;
          private NumericDocValues seq;
          private NumericDocValues province;

          @Override
          protected void doSetNextReader(LeafReaderContext context) throws IOException {
            base = context.docBase;
            year = DocValues.getNumeric(context.reader(), Fields.YEAR);
            seq = DocValues.getNumeric(context.reader(), Fields.SEQ);
            province = DocValues.getNumeric(context.reader(), Fields.PROVINCE_RANK);
          }

          @Override
          public void setScorer(Scorable scorer) {
            this.scorer = scorer;
          }

          @Override
          public void collect(int doc) throws IOException {
            long y = year.advanceExact(doc) ? year.longValue() : 0;
            long s = seq.advanceExact(doc) ? seq.longValue() : 0;
            long p = byProvince && province.advanceExact(doc) ? province.longValue() : 0;
            // province (6 bits) | year (14 bits) | 序号 (30 bits): one comparison for the order
            m.add(base + doc, byScore ? scorer.score() : 0f, (p << 44) | (y << 30) | s);
          }

          @Override
          public ScoreMode scoreMode() {
            return byScore ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    m.sort();
    return m;
  }

  private void add(int doc, float score, long key) {
    if (size == docs.length) {
      int grown = size + (size >> 1);
      docs = Arrays.copyOf(docs, grown);
      scores = Arrays.copyOf(scores, grown);
      keys = Arrays.copyOf(keys, grown);
    }
    docs[size] = doc;
    scores[size] = score;
    keys[size] = key;
    size++;
  }

  private void sort() {
    new IntroSorter() {
      private float pivotScore;
      private long pivotKey;

      @Override
      protected void swap(int i, int j) {
        int d = docs[i];
        docs[i] = docs[j];
        docs[j] = d;
        float s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
        long k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
      }

      @Override
      protected void setPivot(int i) {
        pivotScore = scores[i];
        pivotKey = keys[i];
      }

      @Override
      protected int comparePivot(int j) {
        int c = Float.compare(scores[j], pivotScore); // higher scores first
        return c != 0 ? c : Long.compare(pivotKey, keys[j]);
      }

      @Override
      protected int compare(int i, int j) {
        int c = Float.compare(scores[j], scores[i]);
        return c != 0 ? c : Long.compare(keys[i], keys[j]);
      }
    }.sort(0, size);
  }

  /** How many documents matched. */
  int size() {
    return size;
  }

  /** The id of the {@code i}-th match in order. */
  int doc(int i) {
    return docs[i];
  }
}
