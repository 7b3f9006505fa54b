package clustersearch.search;

import clustersearch.index.Fields;
import clustersearch.index.IndexLayout;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The one owner of the served index: a {@link SearcherManager} over the generation {@code CURRENT}
 * names, swapped for a new one after a reindex. Searchers are shared, never locked.
 */
public final class ClusterIndex implements Closeable {
  private final IndexLayout layout;
  private final Pinyin pinyin;
  private volatile Generation current;

  private ClusterIndex(IndexLayout layout, Pinyin pinyin, Generation first) {
    this.layout = layout;
    this.pinyin = pinyin;
    this.current = first;
  }

  /** Opens the generation the layout's {@code CURRENT} names, or empty when there is none. */
  public static Optional<ClusterIndex> open(IndexLayout layout, Pinyin pinyin) throws IOException {
    Optional<Path> path = layout.current();
    if (path.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClusterIndex(layout, pinyin, Generation.open(path.get(), pinyin)));
  }

  /** A searcher with its facet state; close the lease to release it (try-with-resources). */
  public Lease acquire() throws IOException {
    Generation generation = current;
    while (true) {
      try {
        return new Lease(generation.manager, (FacetSearcher) generation.manager.acquire());
      } catch (org.apache.lucene.store.AlreadyClosedException e) {
        // Swapped and closed between reading the field and acquiring: take the new one.
        if (generation == current) {
          throw e;
        }
        generation = current;
      }
    }
  }

  /** The folder of the generation being served. */
  public Path generation() {
    return current.path;
  }

  /**
   * Swaps in the generation {@code CURRENT} names if it changed; the old one closes once its last
   * lease is released.
   *
   * @return true when a new generation is now served
   */
  public synchronized boolean reloadIfChanged() throws IOException {
    Optional<Path> latest = layout.current();
    if (latest.isEmpty() || latest.get().equals(current.path)) {
      return false;
    }
    Generation old = current;
    current = Generation.open(latest.get(), pinyin);
    old.close();
    return true;
  }

  @Override
  public synchronized void close() throws IOException {
    current.close();
  }

  /** An acquired searcher; release it exactly once by closing the lease. */
  public static final class Lease implements AutoCloseable {
    private final SearcherManager manager;
    private final FacetSearcher searcher;

    private Lease(SearcherManager manager, FacetSearcher searcher) {
      this.manager = manager;
      this.searcher = searcher;
    }

    public IndexSearcher searcher() {
      return searcher;
    }

    /** Sorted-set facet state, built once per reader. */
    public SortedSetDocValuesReaderState facetState() {
      return searcher.state;
    }

    /** The words of this reader, for pinyin and autocomplete; built once per reader. */
    public Vocabulary vocabulary() {
      return searcher.vocabulary;
    }

    @Override
    public void close() throws IOException {
      manager.release(searcher);
    }
  }

  /** An IndexSearcher carrying what is derived from its reader, so it is built once per reader. */
  private static final class FacetSearcher extends IndexSearcher {
    final SortedSetDocValuesReaderState state;
    final Vocabulary vocabulary;

    FacetSearcher(IndexReader reader, FacetsConfig config, Pinyin pinyin) throws IOException {
      super(reader);
      this.state = new DefaultSortedSetDocValuesReaderState(reader, config);
      this.vocabulary = Vocabulary.build(state, pinyin);
    }
  }

  private record Generation(Path path, Directory directory, SearcherManager manager)
      implements Closeable {
    static Generation open(Path path, Pinyin pinyin) throws IOException {
      FacetsConfig config = Fields.facetsConfig();
      Directory directory = FSDirectory.open(path);
      try {
        SearcherManager manager =
            new SearcherManager(
                directory,
                new SearcherFactory() {
                  @Override
                  public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
                      throws IOException {
                    return new FacetSearcher(reader, config, pinyin);
                  }
                });
        return new Generation(path, directory, manager);
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      try (directory) {
        manager.close();
      }
    }
  }
}
