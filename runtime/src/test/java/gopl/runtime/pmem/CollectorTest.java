package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The collector: recovery GC frees what an uncommitted transaction allocated; online GC respects handles; bounded space. */
class CollectorTest {

  @Test
  void testRecovery_freesObjectsOfAnUncommittedTransaction() {
    MemoryMedia m = new MemoryMedia("t.pmem", TestHeaps.emptyImage());
    Heap h = Heap.open(m, TestHeaps.small());
    long head = h.roots().make("head", TestHeaps.NODE_PTR);
    int node = h.registerType(TestHeaps.NODE);
    h.txn(Txn.Mode.UNDO, () -> h.current().putLong(head, h.alloc(node, 1)));
    Txn tx = h.begin(Txn.Mode.UNDO);
    for (int i = 0; i < 50; i++) tx.putLong(head, h.alloc(node, 1)); // crash before commit
    List<byte[]> img = m.snapshot();
    h.close();
    try (Heap again = Heap.open(new MemoryMedia("t.pmem", img), TestHeaps.small())) {
      HeapChecker.Report r = HeapChecker.check(again);
      assertTrue(r.ok(), r.problems().toString());
      assertEquals(1, r.byType().get("main.Node")[0], "only the committed node is live");
    }
  }

  @Test
  void testOnlineGc_freesUnreachableKeepsRootsAndHandles() {
    try (Heap h = TestHeaps.memHeap()) {
      long head = h.roots().make("head", TestHeaps.NODE_PTR);
      int node = h.registerType(TestHeaps.NODE);
      h.gc();
      PPtr kept = h.handle(h.alloc(node, 1));
      h.putLong(kept.off + 16, 4242);
      h.gc(); // kept's epoch ends; only kept's token keeps it alive
      h.txn(Txn.Mode.UNDO, () -> {
        for (int i = 0; i < 200; i++) h.current().putLong(head, h.alloc(node, 1));
      });
      GcStats s1 = h.gc(); // the epoch of the 200 raw allocations ends here and has no handle
      System.gc(); // the JVM clears the dead epoch's token
      GcStats s2 = h.gc();
      assertTrue(s1.freedBytes() + s2.freedBytes() >= 199 * 32, s1 + "; " + s2);
      assertEquals(4242, h.getLong(kept.off + 16));
      assertTrue(HeapChecker.check(h).ok());
      // the slot of the kept object is not handed out again while the handle lives
      for (int i = 0; i < 300; i++) assertNotEquals(kept.off, h.alloc(node, 1));
      assertEquals(4242, h.getLong(kept.off + 16));
      java.lang.ref.Reference.reachabilityFence(kept);
    }
  }

  @Test
  void testGcInsideTransaction_isRefused() {
    try (Heap h = TestHeaps.memHeap()) {
      assertThrows(IllegalStateException.class, () -> h.txn(Txn.Mode.UNDO, h::gc));
    }
  }

  @Test
  void testLongRunningReplacement_runsInBoundedSpace() {
    try (Heap h = Heap.create(new MemoryMedia("t.pmem", List.of()), TestHeaps.small().withMaxArenas(3))) {
      long head = h.roots().make("head", TestHeaps.NODE_PTR);
      int blk = h.registerType(TypeDesc.scalar("main.Blob", 1000));
      for (int i = 0; i < 5000; i++) { // 5 MB allocated in a heap limited to 384 KiB
        int v = i;
        h.txn(Txn.Mode.UNDO, () -> {
          long b = h.alloc(blk, 1);
          h.current().putLong(b, v);
          h.current().putLong(head, b);
        });
      }
      assertEquals(4999, h.getLong(h.getLong(head)));
      assertTrue(h.arenaCount() <= 3);
      assertNotNull(h.lastGc());
    }
  }

  @Test
  void testDanglingPointer_isReportedAsDamage() {
    MemoryMedia m = new MemoryMedia("t.pmem", TestHeaps.emptyImage());
    Heap h = Heap.open(m, TestHeaps.small());
    long head = h.roots().make("head", TestHeaps.NODE_PTR);
    h.putLong(head, 100_000); // into a free page
    List<byte[]> img = m.snapshot();
    h.close();
    HeapException e = assertThrows(HeapException.class, () -> Heap.open(new MemoryMedia("t.pmem", img), TestHeaps.small()));
    assertTrue(e.getMessage().contains("pointer 100000 outside any span"), e.getMessage());
  }
}
