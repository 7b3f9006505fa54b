package clustersearch.search;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;

/**
 * A reader whose segments serve some of their data another way ({@link HeapPostings}, {@link
 * HeapOrdinals}) but hold the same documents: the reader's and every segment's cache keys are its
 * own reader's, so caches keyed by them (facet states, the parsed-query memo) hold.
 */
abstract class SameDocumentsReader extends FilterDirectoryReader {
  SameDocumentsReader(DirectoryReader in, UnaryOperator<LeafReader> leaf) throws IOException {
    super(
        in,
        new SubReaderWrapper() {
          @Override
          public LeafReader wrap(LeafReader reader) {
            return leaf.apply(reader);
          }
        });
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return in.getReaderCacheHelper();
  }

  /** A segment serving some of its data another way, with its own reader's cache keys. */
  abstract static class Leaf extends FilterLeafReader {
    Leaf(LeafReader in) {
      super(in);
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }
}
