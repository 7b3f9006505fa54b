package clustersearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A small index whose searched terms' postings are read once into arrays and then served from them.
 * Every term clause of every search made Lucene build a postings enumerator (its block buffers, 3–4
 * KB, and a clone of the postings file) and a terms enumerator: the postings enumerators alone were
 * a third of the bytes a search of the 43-cluster list allocated (JFR, bench/harness.sh), for lists
 * of a few dozen documents. Here a term looked up by its state (as {@link TermLookup}'s shared
 * statistics give it) seeks nothing, and its documents and frequencies come from two arrays.
 *
 * <p>Only for readers under {@link ClusterIndex#QUERY_CACHE_FROM} documents; a larger index keeps
 * Lucene's own postings, whose skipping matters there. The documents, frequencies, statistics and
 * terms are the reader's: scores are the same bit for bit ({@code HeapPostingsTest}). Positions and
 * offsets are not kept (no field indexes them); a request for them, and impacts, go to Lucene.
 */
final class HeapPostings extends SameDocumentsReader {
  /**
   * Terms kept per segment at most; past it, postings come from Lucene as before. What is kept is
   * bounded by the segment's own postings too, 8 bytes each: a 10,000-document list of 100 terms a
   * document holds a million, 8 MB, were every term searched.
   */
  static final int MAX_TERMS = 50_000;

  /** {@code reader}, its postings served from arrays when it is small; else {@code reader}. */
  static DirectoryReader wrap(DirectoryReader reader) throws IOException {
    if (reader instanceof HeapPostings || reader.maxDoc() >= ClusterIndex.QUERY_CACHE_FROM) {
      return reader;
    }
    return new HeapPostings(reader);
  }

  private HeapPostings(DirectoryReader in) throws IOException {
    super(in, Leaf::new);
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    return wrap(in);
  }

  /** One segment: its fields' terms wrapped, everything else its own. */
  private static final class Leaf extends SameDocumentsReader.Leaf {
    private final ConcurrentHashMap<String, HeapTerms> fields = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();

    Leaf(LeafReader in) {
      super(in);
    }

    @Override
    public Terms terms(String field) throws IOException {
      HeapTerms terms = fields.get(field);
      if (terms == null) {
        Terms own = super.terms(field);
        if (own == null) {
          return null;
        }
        terms = fields.computeIfAbsent(field, f -> new HeapTerms(own, kept));
      }
      return terms;
    }
  }

  /** A term's documents and their frequencies, in document order. */
  private record Postings(int[] docs, int[] freqs) {}

  /** A field's terms, with the postings read so far. */
  private static final class HeapTerms extends FilterLeafReader.FilterTerms {
    private final ConcurrentHashMap<BytesRef, Postings> postings = new ConcurrentHashMap<>();
    private final AtomicInteger kept;

    HeapTerms(Terms in, AtomicInteger kept) {
      super(in);
      this.kept = kept;
    }

    @Override
    public TermsEnum iterator() {
      return new HeapTermsEnum(this);
    }

    @Override
    public TermsEnum intersect(CompiledAutomaton automaton, BytesRef startTerm) throws IOException {
      return in.intersect(automaton, startTerm); // Lucene's own walk of the terms dictionary
    }

    /** Lucene's enumerator of the field's terms. */
    TermsEnum own() throws IOException {
      return in.iterator();
    }

    /** The postings of the term {@code own} is on, read from it the first time. */
    Postings postings(TermsEnum own) throws IOException {
      BytesRef term = own.term();
      Postings p = postings.get(term);
      if (p != null) {
        return p;
      }
      int n = own.docFreq();
      int[] docs = new int[n];
      int[] freqs = new int[n];
      PostingsEnum e = own.postings(null, PostingsEnum.FREQS);
      int i = 0;
      for (int doc = e.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = e.nextDoc()) {
        docs[i] = doc;
        freqs[i] = e.freq();
        i++;
      }
      p = new Postings(docs, freqs);
      if (kept.get() < MAX_TERMS && postings.putIfAbsent(BytesRef.deepCopyOf(term), p) == null) {
        kept.incrementAndGet();
      }
      return p;
    }
  }

  /**
   * The field's terms enumerator, made only when something needs it: a seek by term and state (how
   * term queries position themselves) is remembered, and postings of a term read before need no
   * enumerator at all.
   */
  private static final class HeapTermsEnum extends BaseTermsEnum {
    private final HeapTerms terms;
    private TermsEnum own;
    private BytesRef pendingTerm;
    private TermState pendingState;

    HeapTermsEnum(HeapTerms terms) {
      this.terms = terms;
    }

    /** Lucene's enumerator, on the remembered term if a seek by state is pending. */
    private TermsEnum own() throws IOException {
      if (own == null) {
        own = terms.own();
      }
      if (pendingTerm != null) {
        own.seekExact(pendingTerm, pendingState);
        pendingTerm = null;
        pendingState = null;
      }
      return own;
    }

    @Override
    public void seekExact(BytesRef term, TermState state) {
      pendingTerm = term;
      pendingState = state;
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
      if (PostingsEnum.featureRequested(flags, PostingsEnum.POSITIONS)) {
        return own().postings(reuse, flags);
      }
      Postings p = pendingTerm == null ? null : terms.postings.get(pendingTerm);
      return new ArrayPostings(p != null ? p : terms.postings(own()));
    }

    @Override
    public ImpactsEnum impacts(int flags) throws IOException {
      return own().impacts(flags);
    }

    @Override
    public AttributeSource attributes() {
      try {
        return own().attributes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public boolean seekExact(BytesRef text) throws IOException {
      return forget().seekExact(text);
    }

    @Override
    public SeekStatus seekCeil(BytesRef text) throws IOException {
      return forget().seekCeil(text);
    }

    @Override
    public void seekExact(long ord) throws IOException {
      forget().seekExact(ord);
    }

    /** Lucene's enumerator, a remembered seek by state dropped: another seek replaces it. */
    private TermsEnum forget() throws IOException {
      pendingTerm = null;
      pendingState = null;
      return own();
    }

    @Override
    public BytesRef next() throws IOException {
      return own().next();
    }

    @Override
    public BytesRef term() throws IOException {
      return pendingTerm != null ? pendingTerm : own().term();
    }

    @Override
    public long ord() throws IOException {
      return own().ord();
    }

    @Override
    public int docFreq() throws IOException {
      return own().docFreq();
    }

    @Override
    public long totalTermFreq() throws IOException {
      return own().totalTermFreq();
    }

    @Override
    public TermState termState() throws IOException {
      return pendingState != null ? pendingState : own().termState();
    }
  }

  /** Documents and frequencies of one term, from its arrays. */
  static final class ArrayPostings extends PostingsEnum {
    private final int[] docs;
    private final int[] freqs;
    private int at = -1;
    private int doc = -1;

    ArrayPostings(Postings p) {
      this.docs = p.docs();
      this.freqs = p.freqs();
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return doc = ++at < docs.length ? docs[at] : NO_MORE_DOCS;
    }

    @Override
    public int advance(int target) {
      if (doc == NO_MORE_DOCS) {
        return doc;
      }
      int i = Arrays.binarySearch(docs, at + 1, docs.length, target);
      at = i = i < 0 ? -i - 1 : i;
      return doc = i < docs.length ? docs[i] : NO_MORE_DOCS;
    }

    @Override
    public int freq() {
      return freqs[at];
    }

    @Override
    public int nextPosition() {
      return -1;
    }

    @Override
    public int startOffset() {
      return -1;
    }

    @Override
    public int endOffset() {
      return -1;
    }

    @Override
    public BytesRef getPayload() {
      return null;
    }

    @Override
    public long cost() {
      return docs.length;
    }
  }
}
