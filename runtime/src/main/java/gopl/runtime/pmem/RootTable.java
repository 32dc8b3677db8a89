package gopl.runtime.pmem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named roots (go-pmem's {@code pmem.New/Get/Make}): name -> (type id, object). A root, once
 * made, is durable at once and names the same object for the life of the heap; the object's
 * contents are changed in transactions. Roots are where the collector starts marking.
 */
public final class RootTable {
  /** One root: the object at {@code offset} holds {@code count} values of type {@code typeId}. */
  public record Root(String name, int typeId, long offset, long count) {}

  private final Heap heap;
  private final AppendTable table;
  private final Map<String, Root> byName = new LinkedHashMap<>();

  RootTable(Heap heap) {
    this.heap = heap;
    this.table = new AppendTable(heap, Layout.SB_ROOTS, Layout.T_ROOT_TABLE, 3);
  }

  /** Reads and checks every root; writes nothing. Call after the types are loaded. */
  synchronized void load() {
    table.load("root");
    for (long i = 0; i < table.count(); i++) {
      long nameBlob = table.get(i, 0);
      long typeId = table.get(i, 1);
      long obj = table.get(i, 2);
      if (!heap.validRange(nameBlob - Layout.OBJ_HEADER, 8) || heap.typeOf(nameBlob) != Layout.T_BYTES
          || !heap.validRange(nameBlob, heap.countOf(nameBlob)))
        throw heap.damaged("root " + i + ": bad name");
      byte[] b = new byte[(int) heap.countOf(nameBlob)];
      heap.getBytes(nameBlob, b, 0, b.length);
      String name = new String(b, StandardCharsets.ISO_8859_1);
      if (typeId > Integer.MAX_VALUE || !heap.types.valid((int) typeId)
          || !heap.validRange(obj - Layout.OBJ_HEADER, 8) || heap.typeOf(obj) != typeId)
        throw heap.damaged("root " + name + ": bad type or object");
      byName.put(name, new Root(name, (int) typeId, obj, heap.countOf(obj)));
    }
  }

  /** The root called {@code name}, or null (go-pmem's Get). */
  public synchronized Root get(String name) { return byName.get(name); }

  /**
   * The object of root {@code name} checked against type {@code t} (which is registered, failing if
   * its layout changed), or 0 if there is no such root.
   */
  public long get(String name, TypeDesc t) {
    int id = heap.registerType(t);
    Root r = get(name);
    if (r == null) return 0;
    if (r.typeId() != id)
      throw new HeapException(heap.name() + ": root " + name + " has type " + typeName(r.typeId()) + ", not " + t.name());
    return r.offset();
  }

  /** go-pmem's New: the root's object, creating it zeroed (one value of {@code t}) if absent. */
  public long make(String name, TypeDesc t) { return make(name, t, 1); }

  /** go-pmem's Make: the root's array of {@code count} values of {@code t}, created if absent. */
  public long make(String name, TypeDesc t, long count) {
    long have = get(name, t);
    if (have != 0) return have;
    int id = heap.registerType(t);
    return heap.mutate(() -> create(name, id, count));
  }

  private synchronized long create(String name, int id, long count) {
    Root r = byName.get(name);
    if (r != null) return r.offset();
    long obj = heap.allocRoot(id, count);
    byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
    long blob = heap.allocSystem(Layout.T_BYTES, b.length, b.length);
    heap.storeBytes(blob, b, 0, b.length);
    heap.persist(blob, b.length);
    table.append(blob, id, obj);
    byName.put(name, new Root(name, id, obj, count));
    return obj;
  }

  /** Every root in creation order. */
  public synchronized Map<String, Root> all() { return Map.copyOf(byName); }

  /** Roots in creation order. */
  public synchronized java.util.List<Root> list() { return java.util.List.copyOf(byName.values()); }

  String typeName(int id) {
    return id >= Layout.FIRST_USER_TYPE ? heap.typeDesc(id).name() : "system type " + id;
  }

  long tableObject() { return table.table(); }

  synchronized long[] nameBlobs() {
    long[] out = new long[(int) table.count()];
    for (int i = 0; i < out.length; i++) out[i] = table.get(i, 0);
    return out;
  }
}
