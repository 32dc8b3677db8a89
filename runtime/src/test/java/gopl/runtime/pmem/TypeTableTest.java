package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent type table: stable ids, descriptors survive reopen, changed layouts are refused by name. */
class TypeTableTest {
  @TempDir Path dir;

  @Test
  void testRegister_idsAreStableAcrossReopen() {
    Path f = dir.resolve("t.pmem");
    int id;
    try (Heap h = Heap.create(f, TestHeaps.small())) {
      id = h.registerType(TestHeaps.NODE);
      assertEquals(id, h.registerType(TestHeaps.NODE));
      assertEquals(Layout.FIRST_USER_TYPE, id);
      assertNotEquals(id, h.registerType(TestHeaps.INT64));
    }
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      assertEquals(id, h.registerType(TestHeaps.NODE));
      TypeDesc d = h.typeDesc(id);
      assertEquals(TestHeaps.NODE, d);
      assertEquals(TestHeaps.NODE.structuralHash(), d.structuralHash());
      assertArrayEquals(new long[] {0, 8}, d.pointerWords());
    }
  }

  @Test
  void testChangedRootLayout_failsNamingTypeAndField() {
    Path f = dir.resolve("t.pmem");
    try (Heap h = Heap.create(f, TestHeaps.small())) {
      h.roots().make("head", TestHeaps.NODE);
    }
    TypeDesc changed = new TypeDesc("main.Node", 24, 8, List.of(
        new TypeDesc.Field("next", "*main.Node", 0, 8, TypeDesc.Kind.POINTER),
        new TypeDesc.Field("prev", "int", 8, 8, TypeDesc.Kind.SCALAR),
        new TypeDesc.Field("val", "int64", 16, 8, TypeDesc.Kind.SCALAR)));
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      HeapException e = assertThrows(HeapException.class, () -> h.roots().get("head", changed));
      assertEquals("t.pmem: type main.Node changed layout since the heap was written: field prev: was *main.Node "
          + "at offset 8 (8 bytes), now int at offset 8 (8 bytes)", e.getMessage());
      TypeDesc grown = new TypeDesc("main.Node", 32, 8, List.of(
          TestHeaps.NODE.fields().get(0), TestHeaps.NODE.fields().get(1), TestHeaps.NODE.fields().get(2),
          new TypeDesc.Field("extra", "int", 24, 8, TypeDesc.Kind.SCALAR)));
      e = assertThrows(HeapException.class, () -> h.roots().make("head", grown));
      assertTrue(e.getMessage().endsWith("field extra: new field int at offset 24 (8 bytes)"), e.getMessage());
    }
  }

  @Test
  void testRootOfAnotherType_isRefused() {
    try (Heap h = TestHeaps.memHeap()) {
      h.roots().make("x", TestHeaps.NODE);
      HeapException e = assertThrows(HeapException.class, () -> h.roots().get("x", TestHeaps.INT64));
      assertEquals("t.pmem: root x has type main.Node, not int64", e.getMessage());
    }
  }

  @Test
  void testDamagedDescriptor_isRefusedAtOpen() throws Exception {
    Path f = dir.resolve("t.pmem");
    long blob;
    try (Heap h = Heap.create(f, TestHeaps.small())) {
      h.registerType(TestHeaps.NODE);
      blob = h.types.blobs()[0];
    }
    byte[] b = java.nio.file.Files.readAllBytes(f);
    b[(int) blob + 20] ^= 0x40;
    java.nio.file.Files.write(f, b);
    HeapException e = assertThrows(HeapException.class, () -> Heap.open(f, HeapOptions.defaults()));
    assertTrue(e.getMessage().startsWith("t.pmem: damaged heap: type table entry 0"), e.getMessage());
  }
}
