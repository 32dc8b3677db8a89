package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import gopl.runtime.pmem.sim.CrashSimulator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Transactions (PMDK's obj_tx_add_range, obj_tx_abort, obj_tx_flow): modes, nesting, coalescing, fences. */
class TxnTest {

  @Test
  void testUndo_commitKeepsAbortRestores() {
    try (Heap h = TestHeaps.memHeap()) {
      long r = h.roots().make("x", TestHeaps.NODE);
      h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r + 16, 7));
      assertEquals(7, h.getLong(r + 16));
      Txn tx = h.begin(Txn.Mode.UNDO);
      tx.putLong(r + 16, 8);
      tx.putInt(r + 4, 99);
      assertEquals(8, h.getLong(r + 16));
      tx.abort();
      assertEquals(7, h.getLong(r + 16));
      assertEquals(0, h.getInt(r + 4));
      assertNull(h.current());
    }
  }

  @Test
  void testTxn_exceptionAbortsAndRethrows() {
    try (Heap h = TestHeaps.memHeap()) {
      long r = h.roots().make("x", TestHeaps.NODE);
      RuntimeException boom = new RuntimeException("panic: boom");
      RuntimeException got = assertThrows(RuntimeException.class, () -> h.txn(Txn.Mode.UNDO, () -> {
        h.current().putLong(r, 5);
        throw boom;
      }));
      assertSame(boom, got);
      assertEquals(0, h.getLong(r));
    }
  }

  @Test
  void testNesting_isFlattened() {
    try (Heap h = TestHeaps.memHeap()) {
      long r = h.roots().make("x", TestHeaps.NODE);
      h.txn(Txn.Mode.UNDO, () -> {
        h.current().putLong(r, 1);
        h.txn(Txn.Mode.REDO, () -> h.current().putLong(r + 8, 2)); // joins the outer UNDO txn
        assertEquals(2, h.getLong(r + 8)); // inner commit did not end the transaction
        assertNotNull(h.current());
      });
      assertEquals(1, h.getLong(r));
      assertEquals(2, h.getLong(r + 8));
      assertThrows(IllegalStateException.class, () -> h.txn(Txn.Mode.UNDO, () -> {
        Txn tx = h.current();
        tx.putLong(r, 10);
        try {
          h.txn(Txn.Mode.UNDO, () -> {
            throw new IllegalStateException("inner");
          });
        } catch (IllegalStateException expected) {
          // the inner abort aborted the whole transaction
        }
        tx.putLong(r, 11);
      }));
      assertEquals(1, h.getLong(r));
    }
  }

  @Test
  void testRedo_readsSeeOwnWritesAndHeapSeesThemOnlyAfterCommit() {
    try (Heap h = TestHeaps.memHeap()) {
      long r = h.roots().make("x", TestHeaps.NODE);
      Txn tx = h.begin(Txn.Mode.REDO);
      tx.putLong(r + 16, 123);
      tx.putByte(r + 1, (byte) 5);
      assertEquals(123, tx.getLong(r + 16));
      assertEquals(5L << 8, tx.getLong(r));
      assertEquals(0, h.getLong(r + 16), "redo stores reach the heap only at commit");
      tx.commit();
      assertEquals(123, h.getLong(r + 16));
      assertEquals(5L << 8, h.getLong(r));
      Txn t2 = h.begin(Txn.Mode.REDO);
      t2.putLong(r + 16, 1);
      t2.abort();
      assertEquals(123, h.getLong(r + 16));
    }
  }

  @Test
  void testNull_storesInPlaceAndStaysOnAbort() {
    try (Heap h = TestHeaps.memHeap()) {
      long r = h.roots().make("x", TestHeaps.NODE);
      Txn tx = h.begin(Txn.Mode.NULL);
      tx.putLong(r, 3);
      tx.abort();
      assertEquals(3, h.getLong(r));
    }
  }

  @Test
  void testAddRange_coalescesSoARangeIsLoggedOnce() {
    try (Heap h = TestHeaps.memHeap()) {
      int arr = h.registerType(TypeDesc.scalar("main.Buf", 1024));
      long r = h.roots().make("buf", h.typeDesc(arr));
      Txn tx = h.begin(Txn.Mode.UNDO);
      tx.add(r, 100);
      tx.add(r + 50, 100); // overlaps: only [100,150) is new
      tx.add(r + 10, 10);
      for (int i = 0; i < 150; i++) tx.putByte(r + i, (byte) i);
      Lane lane = tx.lane;
      List<Lane.Entry> entries = lane.scan();
      assertEquals(2, entries.size());
      assertEquals(r, entries.get(0).target());
      assertEquals(100, entries.get(0).len());
      assertEquals(r + 100, entries.get(1).target());
      assertEquals(50, entries.get(1).len());
      tx.commit();
      assertTrue(lane.scan().isEmpty(), "commit invalidates the log");
    }
  }

  @Test
  void testAddRange_largeRangeIsSplitAndLogGrowsWithoutLimit() {
    try (Heap h = TestHeaps.small() != null ? Heap.create(new MemoryMedia("t.pmem", List.of()),
        TestHeaps.small().withArenaShift(20)) : null) {
      int big = h.registerType(TypeDesc.scalar("main.Big", 200_000));
      long r = h.roots().make("big", h.typeDesc(big));
      h.txn(Txn.Mode.UNDO, () -> {
        for (int i = 0; i < 200_000; i += 8) h.current().putLong(r + i, i);
      });
      assertEquals(8000, h.getLong(r + 8000));
      Txn tx = h.begin(Txn.Mode.UNDO);
      tx.add(r, 200_000);
      assertTrue(tx.lane.chunks().size() > 1, "the lane grew: " + tx.lane.chunks().size());
      for (int i = 0; i < 200_000; i += 8) tx.putLong(r + i, -1);
      tx.abort();
      assertEquals(8000, h.getLong(r + 8000));
    }
  }

  @Test
  void testFences_undoHasTwoOrderedPhasesWhenRangesAreAddedFirst() {
    try (Heap h = TestHeaps.memHeap()) {
      long a = h.roots().make("a", TestHeaps.NODE);
      long b = h.roots().make("b", TestHeaps.NODE);
      Txn tx = h.begin(Txn.Mode.UNDO);
      tx.add(a, 24);
      tx.add(b, 24);
      for (int i = 0; i < 3; i++) {
        tx.putLong(a + 8L * i, i);
        tx.putLong(b + 8L * i, i);
      }
      tx.commit();
      assertEquals(2, tx.fences(), "log; data with the commit record (its invalidation is fenced lazily)");
      Txn t2 = h.begin(Txn.Mode.UNDO);
      for (int i = 0; i < 3; i++) t2.putLong(a + 8L * i, i + 1); // store by store: one fence per new range
      t2.commit();
      assertEquals(4, t2.fences());
      Txn t3 = h.begin(Txn.Mode.REDO);
      for (int i = 0; i < 3; i++) t3.putLong(a + 8L * i, i + 2);
      t3.commit();
      assertEquals(2, t3.fences(), "log + commit record, data (the invalidation is fenced lazily)");
    }
  }

  @Test
  void testNewObjects_areNotLogged() {
    try (Heap h = TestHeaps.memHeap()) {
      int node = h.registerType(TestHeaps.NODE);
      long r = h.roots().make("head", TestHeaps.NODE_PTR);
      Txn tx = h.begin(Txn.Mode.UNDO);
      long n = h.alloc(node, 1);
      tx.putLong(n + 16, 77);
      tx.putLong(n, 0);
      assertNull(tx.lane, "no log entry, no lane");
      tx.putLong(r, n);
      assertEquals(1, tx.lane.scan().size());
      tx.commit();
      assertEquals(77, h.getLong(h.getLong(r) + 16));
    }
  }

  @Test
  void testLocks_releasedAtEnd() {
    try (Heap h = TestHeaps.memHeap()) {
      ReentrantLock l = new ReentrantLock();
      h.txn(Txn.Mode.UNDO, () -> {
        h.current().lock(l);
        assertTrue(l.isHeldByCurrentThread());
      });
      assertFalse(l.isLocked());
      assertThrows(RuntimeException.class, () -> h.txn(Txn.Mode.UNDO, () -> {
        h.current().lock(l);
        throw new RuntimeException("x");
      }));
      assertFalse(l.isLocked());
    }
  }

  @Test
  void testEndedTransaction_refusesStores() {
    try (Heap h = TestHeaps.memHeap()) {
      long r = h.roots().make("x", TestHeaps.NODE);
      Txn tx = h.begin(Txn.Mode.UNDO);
      tx.commit();
      assertThrows(IllegalStateException.class, () -> tx.putLong(r, 1));
    }
  }

  @Test
  void testConcurrentTransactions_eachThreadItsOwnLane() throws Exception {
    try (Heap h = TestHeaps.memHeap()) {
      long arr = h.roots().make("counters", TestHeaps.INT64, 8);
      Thread[] ts = new Thread[8];
      for (int t = 0; t < ts.length; t++) {
        int me = t;
        ts[t] = Thread.ofVirtual().start(() -> {
          for (int i = 0; i < 200; i++) {
            h.txn(i % 2 == 0 ? Txn.Mode.UNDO : Txn.Mode.REDO, () -> {
              Txn tx = h.current();
              tx.putLong(arr + 8L * me, tx.getLong(arr + 8L * me) + 1);
            });
          }
        });
      }
      for (Thread t : ts) t.join();
      for (int t = 0; t < ts.length; t++) assertEquals(200, h.getLong(arr + 8L * t));
    }
  }

  @Test
  void testRecovery_rollsBackAnInterruptedUndoTransaction() {
    List<byte[]> base = TestHeaps.emptyImage();
    MemoryMedia m = new MemoryMedia("t.pmem", base);
    Heap h = Heap.open(m, TestHeaps.small());
    long r = h.roots().make("x", TestHeaps.INT64, 2);
    h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r, 1));
    Txn tx = h.begin(Txn.Mode.UNDO);
    tx.putLong(r, 2);
    tx.putLong(r + 8, 3);
    List<byte[]> img = m.snapshot(); // the process dies here
    h.close();
    try (Heap again = Heap.open(new MemoryMedia("t.pmem", img), TestHeaps.small())) {
      assertEquals(1, again.recoveryReport().rolledBack());
      long x = again.roots().get("x").offset();
      assertEquals(1, again.getLong(x));
      assertEquals(0, again.getLong(x + 8));
    }
  }

  @Test
  void testSimulator_countsEvents() {
    CrashSimulator sim = new CrashSimulator(-1, CrashSimulator.Extra.NONE, 0);
    try (Heap h = Heap.open(new MemoryMedia("t.pmem", TestHeaps.emptyImage()), TestHeaps.small().withDomain(sim))) {
      long before = sim.events();
      long r = h.roots().make("x", TestHeaps.NODE);
      assertTrue(sim.events() > before);
      h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r + 16, 1)); // creates the lane
      long mid = h.domain().fences();
      h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r, 1));
      assertEquals(2, h.domain().fences() - mid, "log; data + commit record");
    }
  }
}
