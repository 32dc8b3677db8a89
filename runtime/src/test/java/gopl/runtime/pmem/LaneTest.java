package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log lanes (PMDK's ulog): generations, torn entries, chunk growth, redo commit records. */
class LaneTest {
  @Test
  void testGeneration_invalidatesWholeLogWithOneWord() {
    try (Heap h = TestHeaps.memHeap()) {
      Lane l = h.lanes.acquire();
      long target = h.roots().make("x", TestHeaps.INT64, 4);
      for (int i = 0; i < 3; i++) l.append(Layout.LK_UNDO, target + 8L * i, MemorySegment.ofArray(new byte[8]), 8);
      assertEquals(3, l.scan().size());
      long g = l.generation();
      l.invalidate();
      assertEquals(g + 1, h.getLong(l.first + Layout.LC_GEN));
      assertTrue(l.scan().isEmpty());
    }
  }

  @Test
  void testTornEntry_endsTheLog() {
    try (Heap h = TestHeaps.memHeap()) {
      Lane l = h.lanes.acquire();
      long target = h.roots().make("x", TestHeaps.INT64, 4);
      for (int i = 0; i < 3; i++) l.append(Layout.LK_UNDO, target + 8L * i, MemorySegment.ofArray(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), 8);
      long second = l.first + Layout.LC_ENTRIES + Layout.entrySize(8) + Layout.LE_HEADER + 3;
      h.putByte(second, (byte) 99); // a payload byte of entry 2 never reached media
      List<Lane.Entry> es = l.scan();
      assertEquals(1, es.size());
    }
  }

  @Test
  void testRedo_needsAValidCommitRecord() {
    try (Heap h = TestHeaps.memHeap()) {
      long x = h.roots().make("x", TestHeaps.INT64, 2);
      Lane l = h.lanes.acquire();
      byte[] seven = {7, 0, 0, 0, 0, 0, 0, 0};
      l.append(Layout.LK_REDO, x, MemorySegment.ofArray(seven), 8);
      assertArrayEquals(new int[] {0, 0, 1, 0}, l.recover(), "no commit record: discarded");
      assertEquals(0, h.getLong(x));
      l.reset();
      l.append(Layout.LK_REDO, x, MemorySegment.ofArray(seven), 8);
      l.appendCommit();
      assertArrayEquals(new int[] {0, 1, 0, 1}, l.recover());
      assertEquals(7, h.getLong(x));
      assertArrayEquals(new int[] {0, 0, 0, 0}, l.recover(), "recovery is idempotent: the log is gone");
    }
  }

  @Test
  void testChunks_growAndAreFoundAgainAtOpen() {
    MemoryMedia m = new MemoryMedia("t.pmem", TestHeaps.emptyImage());
    List<byte[]> img;
    try (Heap h = Heap.open(m, TestHeaps.small())) {
      long x = h.roots().make("x", TestHeaps.INT64, 1024);
      Lane l = h.lanes.acquire();
      for (int i = 0; i < 100; i++) l.append(Layout.LK_UNDO, x, h.slice(x, 1024), 1024);
      assertTrue(l.chunks().size() >= 7, "chunks " + l.chunks().size());
      assertEquals(100, l.scan().size());
      img = m.snapshot();
    }
    try (Heap h = Heap.open(new MemoryMedia("t.pmem", img), TestHeaps.small())) {
      assertEquals(1, h.recoveryReport().rolledBack());
      assertEquals(100, h.recoveryReport().entries());
      assertTrue(h.lanes.lanes().get(0).chunks().size() >= 7);
    }
  }
}
