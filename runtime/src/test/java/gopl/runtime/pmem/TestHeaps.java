package gopl.runtime.pmem;

import java.util.List;

/** Small heaps in memory for tests, and the types the tests store. */
final class TestHeaps {
  private TestHeaps() {}

  /** 128 KiB arenas, up to 16 of them. */
  static HeapOptions small() {
    return HeapOptions.defaults().withArenaShift(17).withMaxArenas(16).withDomain("none");
  }

  /** An empty heap's image (one arena of 128 KiB). */
  static List<byte[]> emptyImage() {
    MemoryMedia m = new MemoryMedia("t.pmem", List.of());
    try (Heap h = Heap.create(m, small())) {
      return m.snapshot();
    }
  }

  static Heap memHeap() { return Heap.create(new MemoryMedia("t.pmem", List.of()), small()); }

  /** struct { next *Node; prev *Node; val int64 } */
  static final TypeDesc NODE = new TypeDesc("main.Node", 24, 8, List.of(
      new TypeDesc.Field("next", "*main.Node", 0, 8, TypeDesc.Kind.POINTER),
      new TypeDesc.Field("prev", "*main.Node", 8, 8, TypeDesc.Kind.POINTER),
      new TypeDesc.Field("val", "int64", 16, 8, TypeDesc.Kind.SCALAR)));

  /** int64 */
  static final TypeDesc INT64 = TypeDesc.scalar("int64", 8);

  /** *main.Node (element of pointer arrays) */
  static final TypeDesc NODE_PTR = new TypeDesc("*main.Node", 8, 8, List.of(
      new TypeDesc.Field("", "*main.Node", 0, 8, TypeDesc.Kind.POINTER)));
}
