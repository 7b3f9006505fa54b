package clustersearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clustersearch.TestData;
import clustersearch.source.Cluster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.junit.jupiter.api.Test;

/**
 * The indexing pipeline: every cluster's document made and added once on the workers; a failure
 * anywhere reaches the caller and stops every thread.
 */
class IndexingThreadsTest {

  /** Clusters enough for many batches: the 2021 list's records, ids made distinct. */
  private static List<Cluster> many(int n) {
    List<Cluster> list = TestData.expected2021();
    List<Cluster> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Cluster c = list.get(i % list.size());
      all.add(
          new Cluster(
              "x-" + i,
              c.year(),
              i,
              c.region(),
              c.province(),
              c.name(),
              c.builder(),
              c.builders(),
              c.recommender(),
              c.sector(),
              c.industry(),
              c.city(),
              c.areas(),
              c.listTitle(),
              c.category(),
              c.english()));
    }
    return all;
  }

  private static Document document(Cluster c) {
    Document d = new Document();
    d.add(new StringField(Fields.ID, c.id(), Field.Store.YES));
    return d;
  }

  private static List<Thread> pipelineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("indexing-") && t.isAlive())
        .toList();
  }

  @Test
  void everyClusterIsAddedOnceAcrossTheWorkers() throws IOException {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Set<String> added = ConcurrentHashMap.newKeySet();
    List<Cluster> clusters = many(20 * IndexingThreads.BATCH + 7);
    long count;
    try (IndexingThreads t =
        new IndexingThreads(
            c -> {
              if (c.seq() % IndexingThreads.BATCH == 0) {
                try { // a worker falls behind now and then
                  Thread.sleep(ThreadLocalRandom.current().nextInt(5));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return document(c);
            },
            d -> {
              threads.add(Thread.currentThread().getName());
              assertThat(added.add(d.get(Fields.ID)))
                  .as("added twice: " + d.get(Fields.ID))
                  .isTrue();
            },
            2)) {
      for (Cluster c : clusters) {
        t.add(c);
      }
      count = t.finish();
    }
    assertThat(count).isEqualTo(clusters.size());
    assertThat(added)
        .containsExactlyInAnyOrderElementsOf(clusters.stream().map(Cluster::id).toList());
    assertThat(threads).isNotEmpty().allMatch(n -> n.matches("indexing-[12]"));
  }

  @Test
  void aListSmallerThanABatchIsAddedByOneThreadInItsOrder() throws IOException {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<String> added = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Cluster> clusters = many(43);
    try (IndexingThreads t =
        new IndexingThreads(
            IndexingThreadsTest::document,
            d -> {
              threads.add(Thread.currentThread().getName());
              added.add(d.get(Fields.ID));
            },
            2)) {
      for (Cluster c : clusters) {
        t.add(c);
      }
      assertThat(t.finish()).isEqualTo(43);
    }
    assertThat(threads).hasSize(1);
    assertThat(added).isEqualTo(clusters.stream().map(Cluster::id).toList());
  }

  @Test
  void aWriterFailureReachesTheCallerAndStopsEveryThread() {
    List<Cluster> clusters = many(50 * IndexingThreads.BATCH);
    List<Thread> started = new ArrayList<>();
    assertThatThrownBy(
            () -> {
              try (IndexingThreads t =
                  new IndexingThreads(
                      IndexingThreadsTest::document,
                      d -> {
                        if (d.get(Fields.ID).equals("x-" + 3 * IndexingThreads.BATCH)) {
                          throw new IOException("No space left on device");
                        }
                      },
                      2)) {
                for (Cluster c : clusters) {
                  t.add(c);
                  if (started.isEmpty()) {
                    started.addAll(pipelineThreads());
                  }
                }
                t.finish();
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessage("No space left on device");
    assertThat(started).isNotEmpty();
    awaitStopped(started);
  }

  @Test
  void aWorkerFailureReachesTheCaller() {
    assertThatThrownBy(
            () -> {
              try (IndexingThreads t =
                  new IndexingThreads(
                      c -> {
                        if (c.seq() == 700) {
                          throw new IllegalStateException("no sector for row 700");
                        }
                        return document(c);
                      },
                      d -> {},
                      2)) {
                for (Cluster c : many(10 * IndexingThreads.BATCH)) {
                  t.add(c);
                }
                t.finish();
              }
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no sector for row 700");
  }

  @Test
  void aCallerFailureStopsEveryThreadWhenItCloses() throws IOException {
    List<Thread> started;
    try (IndexingThreads t = new IndexingThreads(IndexingThreadsTest::document, d -> {}, 2)) {
      for (Cluster c : many(3 * IndexingThreads.BATCH)) {
        t.add(c);
      }
      started = pipelineThreads();
      // a list that fails to read: the caller leaves without finish()
    }
    assertThat(started).isNotEmpty();
    awaitStopped(started);
  }

  private static void awaitStopped(List<Thread> threads) {
    for (Thread th : threads) {
      try {
        th.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertThat(th.isAlive()).as(th.getName() + " still running").isFalse();
    }
  }
}
