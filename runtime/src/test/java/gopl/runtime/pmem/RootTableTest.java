package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named roots with go-pmem's New/Get/Make semantics. */
class RootTableTest {
  @TempDir Path dir;

  @Test
  void testNewGetMake() {
    Path f = dir.resolve("r.pmem");
    long obj, arr;
    try (Heap h = Heap.create(f, TestHeaps.small())) {
      assertEquals(0, h.roots().get("db", TestHeaps.NODE), "Get of a missing root is nil");
      obj = h.roots().make("db", TestHeaps.NODE);
      assertEquals(obj, h.roots().make("db", TestHeaps.NODE), "New of an existing root returns it");
      arr = h.roots().make("arr", TestHeaps.INT64, 10);
      assertEquals(10, h.countOf(arr));
      for (int i = 0; i < 40; i++) h.roots().make("r" + i, TestHeaps.INT64); // the table grows
    }
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      assertEquals(obj, h.roots().get("db", TestHeaps.NODE));
      assertEquals(arr, h.roots().get("arr").offset());
      assertEquals(42, h.roots().list().size());
      assertEquals("db", h.roots().list().get(0).name());
      assertNotEquals(0, h.roots().get("r39", TestHeaps.INT64));
    }
  }
}
