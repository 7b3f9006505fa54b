package clustersearch.index;

import clustersearch.source.Cluster;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;

/**
 * The indexing pipeline: the caller reads and classifies the lists while worker threads make each
 * cluster's document (its text analysed) and add it to the index. Lucene's IndexWriter takes
 * documents from several threads at once (an in-memory segment each). Clusters go to the workers in
 * batches through a short queue, so a build holds a few batches, never a whole list of clusters. A
 * list smaller than one batch is written by one thread into one segment.
 *
 * <p>A first failure on a worker (a full disk) stops the build and is thrown to the caller; a
 * failure of the caller's own reading stops the workers when it closes this.
 */
final class IndexingThreads implements AutoCloseable {
  /** Clusters handed over at a time. */
  static final int BATCH = 512;

  /** Makes a cluster's document. */
  @FunctionalInterface
  interface Prepare {
    Document document(Cluster cluster);
  }

  /** Adds a document to the index. */
  @FunctionalInterface
  interface Write {
    void add(Document document) throws IOException;
  }

  private static final List<Cluster> DONE = List.of();

  private final Prepare prepare;
  private final Write write;
  private final BlockingQueue<List<Cluster>> queue;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private List<Cluster> batch = new ArrayList<>(BATCH);
  private long count;
  private boolean finished;

  /** As many workers as there are cores, at most 4. */
  IndexingThreads(Prepare prepare, Write write) {
    this(prepare, write, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  IndexingThreads(Prepare prepare, Write write, int threads) {
    this.prepare = prepare;
    this.write = write;
    this.queue = new ArrayBlockingQueue<>(2 * threads);
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::work, "indexing-" + (i + 1));
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
  }

  private void work() {
    while (true) {
      List<Cluster> next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (next == DONE) {
        return;
      }
      if (failure.get() != null) {
        continue; // drain: the caller learns of the failure at its next add or at finish
      }
      try {
        for (Cluster c : next) {
          write.add(prepare.document(c));
        }
      } catch (IOException | RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      }
    }
  }

  /** Hands one cluster on; throws the first failure of a worker. */
  void add(Cluster cluster) throws IOException {
    batch.add(cluster);
    count++;
    if (batch.size() == BATCH) {
      put(batch);
      batch = new ArrayList<>(BATCH);
      rethrow();
    }
  }

  /** Hands the last clusters on and waits for every worker; how many clusters there were. */
  long finish() throws IOException {
    if (!batch.isEmpty()) {
      put(batch);
      batch = new ArrayList<>();
    }
    stop();
    finished = true;
    rethrow();
    return count;
  }

  /** Queues {@code clusters}, checking for a failure while the queue is full. */
  private void put(List<Cluster> clusters) throws IOException {
    try {
      while (!queue.offer(clusters, 100, TimeUnit.MILLISECONDS)) {
        if (clusters != DONE) {
          rethrow();
        }
        if (workers.stream().noneMatch(Thread::isAlive)) {
          return; // nothing left to take it
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    }
  }

  private void rethrow() throws IOException {
    Throwable e = failure.get();
    if (e instanceof IOException io) {
      throw io;
    } else if (e instanceof RuntimeException r) {
      throw r;
    } else if (e instanceof Error err) {
      throw err;
    }
  }

  /** One end mark per worker after what is queued; waits for them. */
  private void stop() throws IOException {
    for (int i = 0; i < workers.size(); i++) {
      put(DONE);
    }
    try {
      for (Thread t : workers) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    }
  }

  /** After a failure of the caller: the workers drop what is queued and stop. */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    failure.compareAndSet(null, new IOException("the build stopped"));
    stop();
  }
}
