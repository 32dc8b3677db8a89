package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures how open (check + recovery + recovery mark) grows with the number of live objects.
 * Prints, never asserts a time. Run with {@code -Dgopl.pmem.openbench=true}.
 */
@EnabledIfSystemProperty(named = "gopl.pmem.openbench", matches = "true")
class OpenTimeTest {
  @Test
  void testOpenTime_byLiveObjects() throws Exception {
    Path shm = Path.of("/dev/shm");
    Path dir = Files.createTempDirectory(Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")), "gopl-open");
    for (int n : new int[] {10_000, 100_000, 1_000_000}) {
      Path f = dir.resolve("open" + n + ".pmem");
      try (Heap h = Heap.create(f, HeapOptions.defaults().withDomain("none"))) {
        h.autoGc(false);
        long head = h.roots().make("head", TestHeaps.NODE_PTR);
        int node = h.registerType(TestHeaps.NODE);
        long prev = 0;
        for (int i = 0; i < n; i++) {
          long p = h.alloc(node, 1);
          h.putLong(p, prev);
          prev = p;
        }
        h.putLong(head, prev);
      }
      long best = Long.MAX_VALUE;
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
          assertNotEquals(0, h.getLong(h.roots().get("head").offset()));
          best = Math.min(best, System.nanoTime() - t0);
          assertEquals(n, h.lastGc().liveObjects() - 6, h.lastGc().toString());
        }
      }
      System.out.printf("open with %,d live objects (%,d bytes file): %.1f ms%n", n, Files.size(f), best / 1e6);
      Files.delete(f);
    }
    Files.delete(dir);
  }
}
