package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence domains: detection, explicit choice, libpmem through FFM, msync. */
class DomainsTest {
  @TempDir Path dir;

  @Test
  void testDetect_ordinaryFileIsMsync() {
    assumeTrue(!Domains.onDax(dir.resolve("x")));
    assertEquals("msync", Domains.detect(dir.resolve("x.pmem")));
    try (Heap h = Heap.create(dir.resolve("x.pmem"), TestHeaps.small().withDomain((String) null))) {
      assertEquals("msync", h.domain().name());
      long r = h.roots().make("x", TestHeaps.INT64);
      h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r, 1));
      assertTrue(h.domain().fences() > 0);
    }
  }

  @Test
  void testDetect_devShmUsesLibpmem() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/dev/shm")) && Domains.libpmemAvailable());
    Path f = Files.createTempFile(Path.of("/dev/shm"), "gopl-test", ".pmem");
    Files.delete(f);
    try (Heap h = Heap.create(f, TestHeaps.small().withDomain((String) null))) {
      assertEquals("pmem", h.domain().name());
      assertTrue(h.domain().describe().contains("libpmem"), h.domain().describe());
      long r = h.roots().make("x", TestHeaps.INT64);
      h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r, 77));
    } finally {
      try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("pmem"))) {
        assertEquals(77, h.getLong(h.roots().get("x").offset()));
      }
      Files.deleteIfExists(f);
    }
  }

  @Test
  void testExplicitDomain_overridesDetection() {
    try (Heap h = Heap.create(dir.resolve("n.pmem"), TestHeaps.small().withDomain("none"))) {
      assertEquals("none", h.domain().name());
    }
    try (Heap h = Heap.open(dir.resolve("n.pmem"), HeapOptions.defaults().withDomain("msync"))) {
      assertEquals("msync", h.domain().name());
    }
    HeapException e = assertThrows(HeapException.class,
        () -> Heap.open(dir.resolve("n.pmem"), HeapOptions.defaults().withDomain("flash")));
    assertEquals("unknown persistence domain flash (want none, msync or pmem)", e.getMessage());
  }

  @Test
  void testLibpmem_flushAndDrainOnAnyMapping() {
    assumeTrue(Domains.libpmemAvailable());
    PersistenceDomain d = Domains.pmem();
    try (Heap h = Heap.create(new MemoryMedia("m.pmem", java.util.List.of()), TestHeaps.small().withDomain(d))) {
      long r = h.roots().make("x", TestHeaps.INT64);
      long f0 = d.fences();
      h.persist(r, 8);
      assertEquals(1, d.fences() - f0);
    }
  }
}
