package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heap files: create, reopen, growth, and every kind of bad input refused with a clear message. */
class HeapTest {
  @TempDir Path dir;

  private Path created() {
    Path f = dir.resolve("heap.pmem");
    try (Heap h = Heap.create(f, TestHeaps.small().withDomain("msync"))) {
      long r = h.roots().make("counter", TestHeaps.INT64);
      h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r, 42));
    }
    return f;
  }

  @Test
  void testCreateOpen_valuesSurvive() {
    Path f = created();
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("msync"))) {
      assertEquals("msync", h.domain().name());
      long r = h.roots().get("counter", TestHeaps.INT64);
      assertEquals(42, h.getLong(r));
      assertEquals(1, h.arenaCount());
      assertEquals(1L << 17, h.size());
    }
  }

  @Test
  void testCreate_refusesExistingFile() {
    Path f = created();
    HeapException e = assertThrows(HeapException.class, () -> Heap.create(f, TestHeaps.small()));
    assertEquals("heap.pmem: file exists", e.getMessage());
  }

  @Test
  void testOpen_badMagic() throws IOException {
    Path f = dir.resolve("heap.pmem");
    Files.writeString(f, "hello, this is not a heap at all".repeat(300));
    HeapException e = assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults()));
    assertEquals("heap.pmem: not a GoPL heap (bad magic)", e.getMessage());
  }

  @Test
  void testOpen_emptyAndMissing() throws IOException {
    Path f = dir.resolve("heap.pmem");
    assertEquals("heap.pmem: no such file", assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults())).getMessage());
    Files.write(f, new byte[0]);
    assertEquals("heap.pmem: empty file (not a GoPL heap)", assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults())).getMessage());
  }

  @Test
  void testOpen_truncated() throws IOException {
    Path f = created();
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.truncate(70_000);
    }
    HeapException e = assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults()));
    assertTrue(e.getMessage().startsWith("heap.pmem: truncated heap file"), e.getMessage());
  }

  @Test
  void testOpen_wrongVersion() throws IOException {
    Path f = created();
    poke(f, Layout.SB_VERSION, (byte) 7);
    HeapException e = assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults()));
    assertEquals("heap.pmem: unsupported heap format version 7 (this build reads version 1)", e.getMessage());
  }

  @Test
  void testOpen_everyFlippedMetadataByteIsRefusedWithoutWriting() throws IOException {
    Path f = created();
    byte[] good = Files.readAllBytes(f);
    // superblock immutable part and checked words, arena header, first page-table entries
    int[] offsets = {9, 20, 33, 56, 60, 64, 70, 72, 80, 88, 96, 200, 256, 266, 275, 283};
    for (int off : offsets) {
      byte[] bad = good.clone();
      bad[off] ^= 0x10;
      Files.write(f, bad);
      HeapException e = assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults()), "offset " + off);
      assertTrue(e.getMessage().startsWith("heap.pmem: "), e.getMessage());
      assertArrayEquals(bad, Files.readAllBytes(f), "refused heap was written, offset " + off);
    }
    // a page-table entry of the first span
    int first = Layout.PT_OFFSET + 8 * Layout.firstDataPage(17);
    byte[] bad = good.clone();
    bad[first + 2] ^= 1;
    Files.write(f, bad);
    HeapException e = assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults()));
    assertTrue(e.getMessage().contains("damaged page-table entry"), e.getMessage());
  }

  @Test
  void testOpen_twiceIsRefused() {
    Path f = created();
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      HeapException e = assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults()));
      assertEquals("heap.pmem: already open in this process", e.getMessage());
      try (Heap view = Heap.open(f, HeapOptions.defaults().withPrivateCopy(true))) {
        assertNotNull(view.roots().get("counter"));
      }
    }
  }

  @Test
  void testOpen_directoryIsNotMappable() {
    HeapException e = assertThrows(HeapException.class, () -> Heap.open(dir, HeapOptions.defaults()));
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
  }

  @Test
  void testGrow_heapGrowsOnlineAndReopens() {
    Path f = dir.resolve("grow.pmem");
    long[] offs = new long[40];
    try (Heap h = Heap.create(f, TestHeaps.small().withDomain("none"))) {
      long arr = h.roots().make("arr", TestHeaps.NODE_PTR, offs.length);
      int big = h.registerType(TypeDesc.scalar("main.Big", 16000));
      h.txn(Txn.Mode.UNDO, () -> {
        for (int i = 0; i < offs.length; i++) {
          offs[i] = h.alloc(big, 1);
          h.current().putLong(offs[i], i);
          h.current().putLong(arr + 8L * i, offs[i]);
        }
      });
      assertTrue(h.arenaCount() > 1, "arenas " + h.arenaCount());
    }
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      long arr = h.roots().get("arr").offset();
      for (int i = 0; i < offs.length; i++) assertEquals(i, h.getLong(h.getLong(arr + 8L * i)));
      assertTrue(h.arenaCount() > 1);
    }
  }

  @Test
  void testHeapFull_isAClearError() {
    try (Heap h = Heap.create(new MemoryMedia("full.pmem", java.util.List.of()), TestHeaps.small().withMaxArenas(1))) {
      int big = h.registerType(TypeDesc.scalar("main.Big", 16000));
      HeapFullException e = assertThrows(HeapFullException.class, () -> {
        for (int i = 0; i < 100; i++) h.handle(h.alloc(big, 1));
      });
      assertEquals("full.pmem: heap full (1 arenas of 131072 bytes)", e.getMessage());
    }
  }

  private static void poke(Path f, long off, byte v) throws IOException {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {v}), off);
    }
  }
}
