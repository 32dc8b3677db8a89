package gopl.runtime.pmem;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Volatile values stored in persistent objects (a {@code *sync.Mutex} field of a persistent
 * struct): the persistent word holds {@code bootEpoch << 32 | (index + 1)}; after a restart the
 * boot epoch differs, so the field reads as nil instead of a dangling reference (DESIGN.md §4).
 */
public final class VolatileRefs {
  private final Heap heap;
  private final List<Object> table = new ArrayList<>();
  private final Map<Object, Integer> index = new IdentityHashMap<>();

  VolatileRefs(Heap heap) { this.heap = heap; }

  /** The word to store for {@code o} (0 for null). */
  public synchronized long put(Object o) {
    if (o == null) return 0;
    Integer i = index.get(o);
    if (i == null) {
      i = table.size();
      table.add(o);
      index.put(o, i);
    }
    return heap.bootEpoch() << 32 | (i + 1L);
  }

  /** The object a stored word names, or null if it is 0 or from an earlier boot. */
  public synchronized Object get(long word) {
    if (word == 0 || word >>> 32 != heap.bootEpoch() || heap.bootEpoch() == 0) return null;
    int i = (int) (word & 0xFFFFFFFFL) - 1;
    return i >= 0 && i < table.size() ? table.get(i) : null;
  }
}
