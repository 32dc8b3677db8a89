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
      long second = l.entryStart() + Layout.entrySize(8) + Layout.LE_HEADER + 3;
      h.putByte(second, (byte) 99); // a payload byte of entry 2 never reached media
      List<Lane.Entry> es = l.scan();
      assertEquals(1, es.size());
    }
  }

  /** An undo log with a commit record is kept only if the record is intact and the data matches it. */
  @Test
  void testUndoCommitRecord_keptOnlyWhenDataMatches() {
    try (Heap h = TestHeaps.memHeap()) {
      long x = h.roots().make("x", TestHeaps.INT64, 2);
      for (int variant = 0; variant < 3; variant++) {
        h.putLong(x, 5);
        Lane l = h.lanes.acquire();
        l.append(Layout.LK_UNDO, x, h.slice(x, 8), 8); // old value 5
        h.putLong(x, 6);
        l.appendUndoCommit(new RangeSet(), 0);
        if (variant == 1) h.putLong(x, 7); // the commit's flush of the data was cut short
        if (variant == 2) { // a torn commit record: its checksum no longer holds
          List<Lane.Entry> es = l.scan();
          long rec = es.get(es.size() - 1).payload();
          h.putByte(rec + 4, (byte) (h.getByte(rec + 4) ^ 1));
        }
        int[] r = l.recover();
        long want = variant == 0 ? 6 : 5;
        assertEquals(want, h.getLong(x), "variant " + variant);
        assertEquals(variant == 0 ? 0 : 1, r[0], "rolled back? variant " + variant);
        h.lanes.release(l);
      }
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
