package gopl.runtime.pmem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The persistent type table: type id {@code FIRST_USER_TYPE + i} is the descriptor stored at
 * index i (a T_BYTES object holding {@link TypeDesc#encode}). Ids are stable for the life of the
 * heap. Registering a name that is stored with a different structural hash is refused with an
 * error naming the type and the first differing field.
 */
final class TypeTable {
  private final Heap heap;
  private final AppendTable table;
  private final List<TypeDesc> descs = new ArrayList<>();
  private volatile long[][] ptrWords = new long[0][];
  private volatile long[] sizes = new long[0];
  private final Map<String, Integer> byName = new HashMap<>();

  TypeTable(Heap heap) {
    this.heap = heap;
    this.table = new AppendTable(heap, Layout.SB_TYPES, Layout.T_TYPE_TABLE, 1);
  }

  /** Reads and checks every descriptor; writes nothing. */
  synchronized void load() {
    table.load("type");
    for (long i = 0; i < table.count(); i++) {
      long blob = table.get(i, 0);
      if (!heap.validRange(blob - Layout.OBJ_HEADER, 8) || heap.typeOf(blob) != Layout.T_BYTES)
        throw heap.damaged("type table entry " + i);
      long n = heap.countOf(blob);
      if (!heap.validRange(blob, n)) throw heap.damaged("type table entry " + i);
      byte[] b = new byte[(int) n];
      heap.getBytes(blob, b, 0, b.length);
      try {
        add(TypeDesc.decode(b));
      } catch (IOException e) {
        throw heap.damaged("type table entry " + i + ": " + e.getMessage());
      }
    }
  }

  private void add(TypeDesc d) {
    byName.put(d.name(), Layout.FIRST_USER_TYPE + descs.size());
    descs.add(d);
    long[][] pw = java.util.Arrays.copyOf(ptrWords, descs.size());
    pw[descs.size() - 1] = d.pointerWords();
    long[] sz = java.util.Arrays.copyOf(sizes, descs.size());
    sz[descs.size() - 1] = d.size();
    sizes = sz;
    ptrWords = pw;
  }

  /** The id of {@code d}, registering it durably if new. */
  synchronized int register(TypeDesc d) {
    Integer id = byName.get(d.name());
    if (id != null) {
      TypeDesc stored = descs.get(id - Layout.FIRST_USER_TYPE);
      if (stored.structuralHash() != d.structuralHash())
        throw new HeapException(heap.name() + ": type " + d.name() + " changed layout since the heap was written: "
            + stored.differenceFrom(d));
      return id;
    }
    byte[] b = d.encode();
    long blob = heap.allocSystem(Layout.T_BYTES, b.length, b.length);
    heap.storeBytes(blob, b, 0, b.length);
    heap.persist(blob, b.length);
    table.append(blob);
    add(d);
    return Layout.FIRST_USER_TYPE + descs.size() - 1;
  }

  /** The registered id of a type name, or -1. */
  synchronized int idOf(String name) {
    Integer id = byName.get(name);
    return id == null ? -1 : id;
  }

  synchronized TypeDesc desc(int id) {
    int i = id - Layout.FIRST_USER_TYPE;
    if (i < 0 || i >= descs.size()) throw new HeapException(heap.name() + ": unknown type id " + id);
    return descs.get(i);
  }

  /** Whether {@code id} names a system type or a registered type. */
  boolean valid(int id) {
    return id >= Layout.T_BYTES && id <= Layout.T_LOG_CHUNK
        || id >= Layout.FIRST_USER_TYPE && id - Layout.FIRST_USER_TYPE < sizes.length;
  }

  /** Bytes of one element of type {@code id}. */
  long elemSize(int id) {
    return switch (id) {
      case Layout.T_BYTES, Layout.T_LOG_CHUNK -> 1;
      case Layout.T_WORDS, Layout.T_ROOT_TABLE, Layout.T_TYPE_TABLE, Layout.T_LANE_DIR -> 8;
      default -> {
        long[] s = sizes;
        int i = id - Layout.FIRST_USER_TYPE;
        if (i < 0 || i >= s.length) throw new HeapException(heap.name() + ": unknown type id " + id);
        yield s[i];
      }
    };
  }

  /** Pointer words of a user type (see TypeDesc.pointerWords); null for system types. */
  long[] pointerWords(int id) {
    int i = id - Layout.FIRST_USER_TYPE;
    long[][] pw = ptrWords;
    return i >= 0 && i < pw.length ? pw[i] : null;
  }

  synchronized List<TypeDesc> all() { return List.copyOf(descs); }

  /** Offset of the table object (a system root for the collector). */
  long tableObject() { return table.table(); }

  /** Descriptor blobs (system roots for the collector). */
  synchronized long[] blobs() {
    long[] out = new long[(int) table.count()];
    for (int i = 0; i < out.length; i++) out[i] = table.get(i, 0);
    return out;
  }
}
