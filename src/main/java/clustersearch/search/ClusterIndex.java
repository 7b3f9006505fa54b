package clustersearch.search;

import clustersearch.index.ClusterDocuments;
import clustersearch.index.Fields;
import clustersearch.index.IndexLayout;
import clustersearch.source.Cluster;
import clustersearch.source.Pinyin;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the served index: a {@link SearcherManager} over a verified generation, swapped
 * for a new one after a reindex. Searchers are shared, never locked.
 *
 * <p>Every generation is verified before it is served: Lucene checks the commit when it opens, and
 * {@code checkIntegrity()} reads every file of every segment against its checksum, so a truncated
 * or garbled file is found before a query meets it. When the generation {@code CURRENT} names
 * fails, the newest complete generation that passes is served instead, and one log line says what
 * happened and what to do; a running server that sees a broken new generation keeps serving the old
 * one and says so once.
 */
public final class ClusterIndex implements Closeable {
  /**
   * Readers smaller than this search without Lucene's query cache, whose default policy caches
   * nothing of a segment under 10,000 documents.
   */
  static final int QUERY_CACHE_FROM = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIndex.class);

  private final IndexLayout layout;
  private final Pinyin pinyin;

  /** The fields' version and index-time configuration a generation must have been built with. */
  private final String stamp;

  private volatile Generation current;

  /** Why the generation {@code CURRENT} names is not the one served, if it is not. */
  private volatile String problem;

  /** The generation last refused, so that it is refused (and logged) once. */
  private volatile Path refused;

  private final AtomicLong reloads = new AtomicLong();
  private final AtomicLong failedReloads = new AtomicLong();

  private ClusterIndex(IndexLayout layout, Pinyin pinyin, String stamp) {
    this.stamp = stamp;
    this.layout = layout;
    this.pinyin = pinyin;
  }

  /** An index with no generation open yet: every search is refused as not ready. */
  public static ClusterIndex create(IndexLayout layout, Pinyin pinyin, String stamp) {
    return new ClusterIndex(layout, pinyin, stamp);
  }

  /** Opens the newest intact generation of {@code layout}, or empty when there is none. */
  public static Optional<ClusterIndex> open(IndexLayout layout, Pinyin pinyin, String stamp)
      throws IOException {
    ClusterIndex index = new ClusterIndex(layout, pinyin, stamp);
    return index.openNewestIntact() ? Optional.of(index) : Optional.empty();
  }

  /**
   * Opens the generation {@code CURRENT} names if it passes its checks, else the newest complete
   * one that does.
   *
   * @return false when no generation passes (the caller rebuilds from the lists)
   */
  public synchronized boolean openNewestIntact() throws IOException {
    Optional<Path> named = layout.current();
    List<Path> candidates = new ArrayList<>();
    named.ifPresent(candidates::add);
    layout.completeGenerations().stream()
        .filter(p -> !candidates.contains(p))
        .forEach(candidates::add);
    List<String> failures = new ArrayList<>();
    Generation opened = openFirst(candidates, failures, failed -> {});
    if (opened != null) {
      Generation old = current;
      current = opened;
      if (old != null) {
        old.close();
      }
      if (named.isPresent() && !named.get().equals(opened.path)) {
        refused = named.get();
        problem = String.join("; ", failures);
        LOG.warn(
            "{}; serving {}, the newest intact generation. Rebuild the index with"
                + " 'cluster-search index' or POST /api/admin/reindex",
            problem,
            opened.path.getFileName());
      } else {
        problem = null;
      }
      return true;
    }
    problem = failures.isEmpty() ? null : String.join("; ", failures);
    if (!failures.isEmpty()) {
      LOG.warn("{}; no intact index generation is left", problem);
    }
    return false;
  }

  /** A searcher with its facet state; close the lease to release it (try-with-resources). */
  public Lease acquire() throws IOException {
    Generation generation = current;
    while (true) {
      if (generation == null) {
        throw new IndexNotReadyException(
            problem != null ? problem : "no verified index generation is open yet");
      }
      try {
        return new Lease(generation.manager, (FacetSearcher) generation.manager.acquire());
      } catch (AlreadyClosedException e) {
        // Swapped and closed between reading the field and acquiring: take the new one.
        if (generation == current) {
          throw e;
        }
        generation = current;
      }
    }
  }

  /**
   * Checks the served generation after a read of it failed: when a file of it no longer passes its
   * checksums (damaged while served: a disk error, a copy over it), it is set aside for good, the
   * newest intact generation is served instead (or none, and the server is not ready), one line is
   * logged and the damage counted. A check runs at most once a second; the checksums read every
   * file.
   *
   * @return true when the served generation was found damaged and set aside
   */
  public synchronized boolean checkServed() {
    Generation generation = current;
    long now = System.nanoTime();
    if (generation == null || now - lastCheck < CHECK_INTERVAL_NANOS) {
      return false;
    }
    lastCheck = now;
    try {
      IndexSearcher searcher = generation.manager.acquire();
      try {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          leaf.reader().checkIntegrity();
        }
      } finally {
        generation.manager.release(searcher);
      }
      return false;
    } catch (IOException | RuntimeException | InternalError e) {
      // InternalError: a read of a mapped file cut short under it (SIGBUS).
      damaged.add(generation.path);
      damages.incrementAndGet();
      refused = generation.path;
      current = null;
      String why = describe(generation.path, e);
      try {
        generation.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      // A candidate that fails its checks too is not tried again.
      current = openFirst(layout.completeGenerations(), new ArrayList<>(), damaged::add);
      problem = why + " while it was served";
      LOG.warn(
          "{}; {}. Rebuild the index with 'cluster-search index' or POST /api/admin/reindex",
          problem,
          current != null
              ? "now serving " + current.path.getFileName()
              : "no intact generation is left");
      return true;
    }
  }

  /**
   * The first of {@code candidates} (damaged ones left out) that opens and passes its checks, or
   * null; each that fails is described in {@code failures} and handed to {@code failed}.
   */
  private Generation openFirst(
      List<Path> candidates, List<String> failures, java.util.function.Consumer<Path> failed) {
    for (Path candidate : candidates) {
      if (damaged.contains(candidate)) {
        continue;
      }
      try {
        return Generation.open(candidate, pinyin, stamp);
      } catch (IOException | RuntimeException e) {
        failures.add(describe(candidate, e));
        failed.accept(candidate);
      }
    }
    return null;
  }

  /** What a refused generation's folder held when it was refused. */
  private String refusedState = "";

  /** A generation folder's files, sizes and times, to see whether a copy into it went on. */
  private static String folderState(Path generation) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(generation)) {
      StringBuilder state = new StringBuilder();
      for (Path f : files.sorted().toList()) {
        state
            .append(f.getFileName())
            .append(':')
            .append(java.nio.file.Files.size(f))
            .append(':')
            .append(java.nio.file.Files.getLastModifiedTime(f).toMillis())
            .append(';');
      }
      return state.toString();
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  /** The least time between two checks of the served generation. */
  private static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

  /** Generations found damaged while served: never opened again by this server. */
  private final java.util.Set<Path> damaged = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final AtomicLong damages = new AtomicLong();
  private long lastCheck = System.nanoTime() - CHECK_INTERVAL_NANOS;

  /** The folder of the generation being served. */
  public Path generation() {
    Generation generation = current;
    if (generation == null) {
      throw new IndexNotReadyException("no verified index generation is open yet");
    }
    return generation.path;
  }

  /**
   * Swaps in the generation {@code CURRENT} names if it changed and passes its checks; the old one
   * closes once its last lease is released. A generation that fails is refused, with one log line,
   * and the old one stays served; it is looked at again when its folder changes (a copy in
   * progress: CURRENT copied before the files), never while it stays as it was, and never again
   * once it was found damaged while served.
   *
   * @return true when a new generation is now served
   */
  public synchronized boolean reloadIfChanged() throws IOException {
    Optional<Path> latest = layout.current();
    Generation old = current;
    if (latest.isEmpty()
        || (old != null && latest.get().equals(old.path))
        || damaged.contains(latest.get())
        || (latest.get().equals(refused) && folderState(latest.get()).equals(refusedState))) {
      return false;
    }
    boolean again = latest.get().equals(refused);
    try {
      current = Generation.open(latest.get(), pinyin, stamp);
    } catch (IOException | RuntimeException e) {
      refusedState = folderState(latest.get());
      if (again) {
        return false; // still incomplete or broken: said once already
      }
      refused = latest.get();
      problem = describe(latest.get(), e);
      failedReloads.incrementAndGet();
      LOG.warn(
          "{}; still serving {}. Rebuild the index with 'cluster-search index' or POST"
              + " /api/admin/reindex",
          problem,
          old == null ? "nothing" : old.path.getFileName());
      return false;
    }
    refused = null;
    problem = null;
    reloads.incrementAndGet();
    if (old != null) {
      old.close();
    }
    return true;
  }

  /**
   * What is served, for readiness and metrics.
   *
   * @param ready a verified generation is open
   * @param generation its folder name, or null
   * @param builtAt when it was marked complete, or null
   * @param problem why {@code CURRENT}'s generation is not served, or null
   * @param damages generations found damaged while served
   */
  public record Status(
      boolean ready,
      String generation,
      Instant builtAt,
      String problem,
      long reloads,
      long failedReloads,
      long damages) {}

  public Status status() {
    Generation generation = current;
    return new Status(
        generation != null,
        generation == null ? null : generation.path.getFileName().toString(),
        generation == null ? null : generation.builtAt,
        problem,
        reloads.get(),
        failedReloads.get(),
        damages.get());
  }

  /**
   * Why a generation failed, for the log and for /api/ready, which anyone may read: files are named
   * within the index folder ({@code index/gen-…/_0.cfs}), never by the host's paths.
   */
  private static String describe(Path generation, Throwable e) {
    String folder = generation.toAbsolutePath().getParent().toString();
    String reason = (e.getClass().getSimpleName() + ": " + e.getMessage()).replace(folder, "index");
    if (reason.length() > 300) {
      reason = reason.substring(0, 300) + "…";
    }
    return "index generation " + generation.getFileName() + " failed its check (" + reason + ")";
  }

  @Override
  public synchronized void close() throws IOException {
    if (current != null) {
      current.close();
    }
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

    /** Sorted-set facet state of the dimensions searches show, built once per reader. */
    public SortedSetDocValuesReaderState facetState() {
      return searcher.state;
    }

    /** Sorted-set facet state of the province / sector dimension, for statistics. */
    public SortedSetDocValuesReaderState statsState() {
      return searcher.stats;
    }

    /**
     * The cluster of document {@code doc}: decoded from {@code stored} once per reader and kept (at
     * most {@value FacetSearcher#RECORDS} records), so the clusters that searches show again and
     * again are not decompressed and parsed for every answer.
     */
    public Cluster cluster(int doc, StoredFields stored) throws IOException {
      Cluster held = searcher.records.getIfPresent(doc);
      if (held == null) {
        held = ClusterDocuments.fromDocument(stored.document(doc));
        searcher.records.put(doc, held);
      }
      return held;
    }

    /** What can be computed from the reader alone. */
    public interface ReaderWork<T> {
      T compute() throws IOException;
    }

    /**
     * The value of {@code kind} for this reader: computed by the first caller, kept while the
     * reader is served (one per kind), gone with it.
     */
    public <T> T perReader(Class<T> kind, ReaderWork<T> work) throws IOException {
      Object held = searcher.derived.get(kind);
      if (held == null) {
        held = work.compute();
        Object raced = searcher.derived.putIfAbsent(kind, held);
        held = raced != null ? raced : held;
      }
      return kind.cast(held);
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
    final SortedSetDocValuesReaderState stats;
    final Vocabulary vocabulary;

    /** Records kept per reader: the pages people open, not an export's every match. */
    static final int RECORDS = 4096;

    final Cache<Integer, Cluster> records = Caffeine.newBuilder().maximumSize(RECORDS).build();

    /** Values computed from this reader alone, by kind ({@link Lease#perReader}). */
    final ConcurrentHashMap<Class<?>, Object> derived = new ConcurrentHashMap<>();

    FacetSearcher(IndexReader reader, FacetsConfig config, Pinyin pinyin) throws IOException {
      super(reader);
      this.state = new LabelledFacetState(new DefaultSortedSetDocValuesReaderState(reader, config));
      this.stats =
          new LabelledFacetState(
              new DefaultSortedSetDocValuesReaderState(reader, Fields.STATS_FACETS, config));
      this.vocabulary =
          Vocabulary.build(
              state,
              new DefaultSortedSetDocValuesReaderState(reader, Fields.VOCABULARY_FACETS, config),
              pinyin);
    }
  }

  private record Generation(
      Path path, Instant builtAt, Directory directory, SearcherManager manager)
      implements Closeable {
    /** Opens a complete generation and verifies every checksum before anything searches it. */
    static Generation open(Path path, Pinyin pinyin, String stamp) throws IOException {
      if (!IndexLayout.isComplete(path)) {
        throw new IOException("it was never marked complete (a build stopped midway?)");
      }
      IndexLayout.verifyManifest(path);
      FacetsConfig config = Fields.facetsConfig();
      Directory directory = FSDirectory.open(path);
      try {
        // Facet ordinals come from arrays (HeapOrdinals), and a small index's searched terms'
        // postings too (HeapPostings); the manager owns the reader from here, and closes it if
        // the first searcher fails.
        SearcherManager manager =
            new SearcherManager(
                HeapPostings.wrap(HeapOrdinals.wrap(DirectoryReader.open(directory))),
                new SearcherFactory() {
                  @Override
                  public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
                      throws IOException {
                    String schema =
                        ((DirectoryReader) reader)
                            .getIndexCommit()
                            .getUserData()
                            .getOrDefault(Fields.SCHEMA_KEY, "1");
                    if (!schema.equals(stamp)) {
                      throw new IOException(
                          "it was built by another version or another index-time configuration"
                              + " (fields/config "
                              + schema
                              + ", now "
                              + stamp
                              + "); it is rebuilt from the lists");
                    }
                    for (LeafReaderContext leaf : reader.leaves()) {
                      leaf.reader().checkIntegrity();
                    }
                    FacetSearcher searcher = new FacetSearcher(reader, config, pinyin);
                    if (reader.maxDoc() < QUERY_CACHE_FROM) {
                      // Lucene's query cache never caches a segment this small, but still wrapped
                      // every weight of every search to ask.
                      searcher.setQueryCache(null);
                    }
                    return searcher;
                  }
                });
        Instant builtAt = Files.getLastModifiedTime(path.resolve(IndexLayout.COMPLETE)).toInstant();
        return new Generation(path, builtAt, directory, manager);
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
