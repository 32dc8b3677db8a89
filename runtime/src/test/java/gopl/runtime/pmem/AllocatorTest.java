package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The allocator (PMDK's obj_pmalloc_*): size classes, spans, per-thread caches, large runs. */
class AllocatorTest {

  @Test
  void testSizeClasses_coverEverySizeAndRoundUp() {
    for (int b = 1; b <= SizeClasses.MAX_SMALL; b++) {
      int c = SizeClasses.classOf(b);
      assertTrue(c > 0 && SizeClasses.SLOT[c] >= b && SizeClasses.SLOT[c - 1] < b, "size " + b);
    }
    assertEquals(0, SizeClasses.classOf(SizeClasses.MAX_SMALL + 1));
    for (int c = 1; c < SizeClasses.COUNT; c++) assertTrue(SizeClasses.spanPages(c) * Layout.PAGE_SIZE / SizeClasses.SLOT[c] >= 4);
  }

  @Test
  void testAlloc_zeroedHeaderedAndDistinct() {
    try (Heap h = TestHeaps.memHeap()) {
      int node = h.registerType(TestHeaps.NODE);
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < 500; i++) {
        long p = h.alloc(node, 1);
        assertTrue(seen.add(p));
        assertEquals(node, h.typeOf(p));
        assertEquals(1, h.countOf(p));
        assertEquals(0, h.getLong(p) | h.getLong(p + 8) | h.getLong(p + 16));
        h.handle(p);
      }
    }
  }

  @Test
  void testNeedZero_freshArenaSkipsZeroingAndReusedSlotsReadZero() {
    try (Heap h = TestHeaps.memHeap()) {
      h.autoGc(false);
      int node = h.registerType(TypeDesc.scalar("main.S", 24)); // no pointers: garbage bytes are fine
      int big = h.registerType(TypeDesc.scalar("main.Big", 20_000));
      // a new heap's data pages read as zeros: spans made of them hand out slots without zeroing
      PPtr keep = h.handle(h.alloc(node, 1)); // keeps the span, so only the slot is freed
      long p = h.alloc(node, 1);
      assertFalse(h.pages.spanOf(p).needZero);
      long q = h.alloc(big, 1);
      assertFalse(h.pages.spanOf(q).needZero);
      for (int i = 0; i < 3; i++) h.putLong(p + 8L * i, -1);
      for (long i = 0; i < 20_000; i += 8) h.putLong(q + i, -1);
      h.gc();
      h.gc(); // raw allocation offsets are roots through one collection
      // slots and pages freed by the collector held objects: what reuses them is zeroed
      assertTrue(h.pages.spanOf(keep.off).needZero);
      boolean reused = false;
      for (int i = 0; i < 200; i++) {
        long r = h.alloc(node, 1);
        reused |= r == p;
        assertEquals(0, h.getLong(r) | h.getLong(r + 8) | h.getLong(r + 16), "slot " + r);
      }
      assertTrue(reused, "the freed slot is handed out again");
      long r = h.alloc(big, 1);
      assertTrue(h.pages.spanOf(r).needZero);
      for (long i = 0; i < 20_000; i += 8) assertEquals(0, h.getLong(r + i), "offset " + i);
    }
  }

  @Test
  void testNeedZero_reopenedHeapZeroesEverySlot() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("gopl-needzero", ".pmem");
    java.nio.file.Files.delete(f);
    try {
      try (Heap h = Heap.create(f, TestHeaps.small().withDomain("none"))) {
        int node = h.registerType(TypeDesc.scalar("main.S", 24));
        for (int i = 0; i < 100; i++) {
          long p = h.alloc(node, 1);
          for (int k = 0; k < 3; k++) h.putLong(p + 8L * k, -1);
        }
      }
      try (Heap h = Heap.open(f, TestHeaps.small().withDomain("none").withRecoveryGc(HeapOptions.RecoveryGc.EAGER))) {
        int node = h.registerType(TypeDesc.scalar("main.S", 24));
        for (int i = 0; i < 300; i++) {
          long r = h.alloc(node, 1);
          assertEquals(0, h.getLong(r) | h.getLong(r + 8) | h.getLong(r + 16), "slot " + r);
        }
      }
    } finally {
      java.nio.file.Files.deleteIfExists(f);
    }
  }

  @Test
  void testAlloc_largeObjectsTakePageRuns() {
    try (Heap h = TestHeaps.memHeap()) {
      int big = h.registerType(TypeDesc.scalar("main.Big", 20_000));
      long p = h.alloc(big, 1);
      Span s = h.pages.spanOf(p);
      assertEquals(0, s.sizeClass);
      assertEquals(5, s.pages);
      assertEquals(s.base + Layout.OBJ_HEADER, p);
      long arr = h.alloc(Layout.T_BYTES, 100_000);
      assertEquals(100_000, h.countOf(arr));
    }
  }

  @Test
  void testAlloc_fastPathWritesNoLogAndNoFenceInTxn() {
    try (Heap h = TestHeaps.memHeap()) {
      int node = h.registerType(TestHeaps.NODE);
      h.alloc(node, 1); // creates the span
      long f0 = h.domain().fences();
      h.alloc(node, 1);
      assertEquals(1, h.domain().fences() - f0, "outside a transaction: persisted at once");
      h.txn(Txn.Mode.UNDO, () -> h.alloc(node, 1));
      long fl0 = h.domain().flushes();
      h.fence();
      assertEquals(1, h.domain().flushes() - fl0, "the next fence flushes the object of the allocating transaction");
      Txn tx = h.begin(Txn.Mode.UNDO);
      long f1 = h.domain().fences();
      for (int i = 0; i < 10; i++) h.alloc(node, 1);
      assertNull(tx.lane, "allocation takes no log lane and writes no log");
      tx.commit();
      assertEquals(0, h.domain().fences() - f1, "a transaction that only allocates commits without a fence");
    }
  }

  @Test
  void testConcurrentAllocation_perThreadCachesNeverShareASlot() throws Exception {
    try (Heap h = Heap.create(new MemoryMedia("t.pmem", List.of()), TestHeaps.small().withArenaShift(20))) {
      int node = h.registerType(TestHeaps.NODE);
      h.autoGc(false);
      Set<Long> all = ConcurrentHashMap.newKeySet();
      Thread[] ts = new Thread[4];
      for (int t = 0; t < ts.length; t++) {
        ts[t] = Thread.ofPlatform().start(() -> {
          for (int i = 0; i < 2000; i++) assertTrue(all.add(h.alloc(node, 1)));
        });
      }
      for (Thread t : ts) t.join();
      assertEquals(8000, all.size());
    }
  }
}
