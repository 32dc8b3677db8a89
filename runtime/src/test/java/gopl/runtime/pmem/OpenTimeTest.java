package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures how open grows with the number of live objects: open with the background recovery
 * collection (the default for heap files) against open with the eager one, and how long the
 * background collection takes. Prints, never asserts a time. Run with
 * {@code -Dgopl.pmem.openbench=true}; {@code -Dgopl.pmem.openbench.max=10000000} adds 10^7.
 */
@EnabledIfSystemProperty(named = "gopl.pmem.openbench", matches = "true")
class OpenTimeTest {
  @Test
  void testOpenTime_byLiveObjects() throws Exception {
    Path shm = Path.of("/dev/shm");
    Path dir = Files.createTempDirectory(Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")), "gopl-open");
    long max = Long.getLong("gopl.pmem.openbench.max", 1_000_000);
    System.out.println("live objects | file bytes | open (background) | first read | background gc | open (eager)");
    for (int n = 10_000; n <= max; n *= 10) {
      Path f = dir.resolve("open" + n + ".pmem");
      try (Heap h = Heap.create(f, HeapOptions.defaults().withDomain("none"))) {
        h.autoGc(false);
        long head = h.roots().make("head", TestHeaps.NODE_PTR);
        int node = h.registerType(TestHeaps.NODE);
        long prev = 0;
        for (int i = 0; i < n; i++) {
          long p = h.alloc(node, 1);
          h.putLong(p, prev);
          h.putLong(p + 16, i);
          prev = p;
        }
        h.putLong(head, prev);
      }
      long bestOpen = Long.MAX_VALUE, bestRead = Long.MAX_VALUE, bestBg = Long.MAX_VALUE, bestEager = Long.MAX_VALUE;
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
          long t1 = System.nanoTime();
          long first = h.getLong(h.roots().get("head").offset());
          assertEquals(n - 1, h.getLong(first + 16));
          long t2 = System.nanoTime();
          GcStats g = h.awaitRecoveryGc();
          bestOpen = Math.min(bestOpen, t1 - t0);
          bestRead = Math.min(bestRead, t2 - t0);
          bestBg = Math.min(bestBg, h.collector.recoveryNanos);
          assertEquals(n, g.liveObjects() - 6, g.toString());
        }
        t0 = System.nanoTime();
        try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none").withRecoveryGc(HeapOptions.RecoveryGc.EAGER))) {
          bestEager = Math.min(bestEager, System.nanoTime() - t0);
          assertEquals(n, h.lastGc().liveObjects() - 6, h.lastGc().toString());
        }
      }
      System.out.printf("%,d | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms%n", n, Files.size(f), bestOpen / 1e6,
          bestRead / 1e6, bestBg / 1e6, bestEager / 1e6);
      Files.delete(f);
    }
    Files.delete(dir);
  }
}
