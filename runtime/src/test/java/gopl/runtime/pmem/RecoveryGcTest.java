package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery collection after open (HeapOptions.RecoveryGc): open returns before the heap is
 * marked, transactions run while a background thread marks, and the sweep that follows frees the
 * garbage found at open and nothing that the mutators moved while it marked.
 */
class RecoveryGcTest {
  @TempDir Path dir;

  static final int CHAINS = 400, LEN = 100;

  /** CHAINS chains of LEN nodes from a root array, plus unreachable nodes; returns the value sum. */
  static long build(Path f) {
    long sum = 0;
    try (Heap h = Heap.create(f, HeapOptions.defaults().withDomain("none"))) {
      h.autoGc(false);
      long arr = h.roots().make("chains", TestHeaps.NODE_PTR, CHAINS);
      int node = h.registerType(TestHeaps.NODE);
      for (int c = 0; c < CHAINS; c++) {
        long prev = 0;
        for (int i = 0; i < LEN; i++) {
          long n = h.alloc(node, 1);
          h.putLong(n, prev);
          h.putLong(n + 16, c * LEN + i);
          sum += c * LEN + i;
          prev = n;
          h.alloc(node, 1); // garbage once the heap is closed
        }
        h.putLong(arr + 8L * c, prev);
      }
    }
    return sum;
  }

  /** {nodes, sum of values} reachable from the chains. */
  static long[] census(Heap h) {
    long arr = h.roots().get("chains").offset();
    long nodes = 0, sum = 0;
    for (int c = 0; c < CHAINS; c++) {
      for (long n = h.getLong(arr + 8L * c); n != 0; n = h.getLong(n)) {
        nodes++;
        sum += h.getLong(n + 16);
      }
    }
    return new long[] {nodes, sum};
  }

  /** The node {@code k} steps down chain {@code c} (or its last node), and the word that points to it. */
  static long[] walk(Heap h, long arr, int c, int k) {
    long at = arr + 8L * c, n = h.getLong(at);
    for (int i = 0; i < k && n != 0 && h.getLong(n) != 0; i++) {
      at = n;
      n = h.getLong(n);
    }
    return new long[] {at, n};
  }

  @Test
  void testBackground_mutatorsMoveObjectsWhileMarking() throws Exception {
    Path f = dir.resolve("bg.pmem");
    long sum = build(f);
    SplittableRandom rnd = new SplittableRandom(7);
    int moves = 0;
    Collector.testPauseEvery = 8;
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      h.autoGc(false);
      assertTrue(h.recoveryGcPending(), "open returned before the recovery collection");
      long arr = h.roots().get("chains").offset();
      int node = h.registerType(TestHeaps.NODE);
      // swap the tails of two chains at random depths (a pointer moves from a part the marker may
      // not have reached to one it may have passed), and add new nodes, while the marker runs
      do {
        int a = rnd.nextInt(CHAINS), b = (a + 1 + rnd.nextInt(CHAINS - 1)) % CHAINS;
        int ka = rnd.nextInt(LEN), kb = rnd.nextInt(LEN);
        h.txn(Txn.Mode.UNDO, () -> {
          Txn tx = h.current();
          long[] pa = walk(h, arr, a, ka), pb = walk(h, arr, b, kb);
          if (pa[1] == 0 || pb[1] == 0 || pa[1] == pb[1]) return;
          long ta = tx.getLong(pa[1]), tb = tx.getLong(pb[1]);
          tx.putLong(pa[1], tb);
          tx.putLong(pb[1], ta);
        });
        moves++;
      } while (h.recoveryGcPending() && moves < 200_000);
      GcStats g = h.awaitRecoveryGc();
      Collector.testPauseEvery = 0;
      System.out.println("background recovery collection: " + moves + " transactions ran while it marked; " + g);
      assertNotNull(g, "the recovery collection ran");
      assertTrue(g.freedBytes() >= (long) CHAINS * LEN * 32, g.toString());
      assertFalse(h.recoveryGcPending());
      HeapChecker.Report r = HeapChecker.check(h);
      assertTrue(r.ok(), r.problems().toString());
      assertArrayEquals(new long[] {(long) CHAINS * LEN, sum}, census(h), "after " + moves + " moves");
      // the freed slots are reused and nothing reachable is overwritten
      for (int i = 0; i < CHAINS * LEN; i++) h.alloc(node, 1);
      assertArrayEquals(new long[] {(long) CHAINS * LEN, sum}, census(h));
    }
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none").withRecoveryGc(HeapOptions.RecoveryGc.EAGER))) {
      assertArrayEquals(new long[] {(long) CHAINS * LEN, sum}, census(h));
    }
  }

  @Test
  void testDeferred_allocatesFromFreshSpansUntilTheFirstCollection() throws Exception {
    Path f = dir.resolve("deferred.pmem");
    long sum = build(f);
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none").withRecoveryGc(HeapOptions.RecoveryGc.DEFERRED))) {
      h.autoGc(false);
      assertNull(h.lastGc());
      long spansBefore = h.freeSpace()[0];
      int node = h.registerType(TestHeaps.NODE);
      for (int i = 0; i < 1000; i++) h.alloc(node, 1);
      assertTrue(h.freeSpace()[0] < spansBefore, "new objects come from fresh spans");
      assertArrayEquals(new long[] {(long) CHAINS * LEN, sum}, census(h));
      GcStats g = h.gc();
      assertTrue(g.freedBytes() >= (long) CHAINS * LEN * 32, g.toString());
      assertFalse(h.recoveryGcPending());
      assertArrayEquals(new long[] {(long) CHAINS * LEN, sum}, census(h));
    }
  }

  @Test
  void testCloseWhileMarking() throws Exception {
    Path f = dir.resolve("close.pmem");
    long sum = build(f);
    Heap.open(f, HeapOptions.defaults().withDomain("none")).close(); // stops the marker, frees nothing
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      assertArrayEquals(new long[] {(long) CHAINS * LEN, sum}, census(h));
      h.awaitRecoveryGc();
      assertTrue(HeapChecker.check(h).ok());
    }
  }
}
