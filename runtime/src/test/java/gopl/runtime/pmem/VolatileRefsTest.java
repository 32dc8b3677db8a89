package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volatile references in persistent objects read as nil after a restart. */
class VolatileRefsTest {
  @TempDir Path dir;

  @Test
  void testVolatileRef_nilAfterRestart() {
    Path f = dir.resolve("v.pmem");
    ReentrantLock mu = new ReentrantLock();
    try (Heap h = Heap.create(f, TestHeaps.small())) {
      long r = h.roots().make("x", TestHeaps.INT64);
      long w = h.volatileRefs().put(mu);
      h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r, w));
      assertSame(mu, h.volatileRefs().get(h.getLong(r)));
      assertNull(h.volatileRefs().get(0));
    }
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      long r = h.roots().get("x").offset();
      assertNotEquals(0, h.getLong(r));
      assertNull(h.volatileRefs().get(h.getLong(r)), "a reference from an earlier boot reads as nil");
      assertTrue(h.bootEpoch() >= 2);
    }
  }
}
