package gopl.runtime.pmem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool of persistent log slots, one per running transaction (goroutines are virtual threads;
 * a lane belongs to a transaction, not to a thread, so a thread without a transaction holds
 * none). The lane directory is an AppendTable; a lane is created when the pool is empty and kept
 * for the life of the heap.
 */
final class LanePool {
  private final Heap heap;
  private final AppendTable dir;
  private final List<Lane> all = new ArrayList<>();
  private final ArrayDeque<Lane> free = new ArrayDeque<>();

  LanePool(Heap heap) {
    this.heap = heap;
    this.dir = new AppendTable(heap, Layout.SB_LANES, Layout.T_LANE_DIR, 1);
  }

  /** Reads and checks every lane's chunk chain; writes nothing. */
  synchronized void load() {
    dir.load("lane");
    for (long i = 0; i < dir.count(); i++) {
      Lane l = Lane.load(heap, (int) i, dir.get(i, 0));
      all.add(l);
      free.add(l);
    }
  }

  /** Recovers every lane (Lane.recover). */
  synchronized RecoveryReport recover() {
    int rb = 0, re = 0, dis = 0;
    long entries = 0;
    for (Lane l : all) {
      int[] r = l.recover();
      rb += r[0];
      re += r[1];
      dis += r[2];
      entries += r[3];
    }
    return new RecoveryReport(all.size(), rb, re, dis, entries);
  }

  synchronized Lane acquire() {
    Lane l = free.pollFirst();
    if (l == null) {
      l = Lane.create(heap, all.size());
      dir.append(l.first);
      all.add(l);
    }
    l.reset();
    return l;
  }

  synchronized void release(Lane l) { free.addFirst(l); }

  // ---------------------------------------------------------------- lazily persisted invalidations

  /** Lanes whose last invalidation (Lane.invalidateLazy) may not be durable yet. */
  private final List<Lane> inv = new ArrayList<>();

  /** The header flushes one fence covers: the lanes and the generations it flushed. */
  record Pending(Lane[] lanes, long[] gens) {}

  /** Records that {@code l}'s header now holds {@code gen}, flushed but not fenced. */
  synchronized void invalidationPending(Lane l, long gen) {
    if (l.invGen == 0) inv.add(l);
    l.invGen = gen;
    heap.invPending = true;
  }

  /** Flushes every pending lane header (called by Heap.fence before its fence); null if none. */
  synchronized Pending flushPendingInvalidations() {
    if (inv.isEmpty()) return null;
    Lane[] ls = inv.toArray(new Lane[0]);
    long[] g = new long[ls.length];
    for (int i = 0; i < ls.length; i++) {
      g[i] = ls[i].invGen;
      heap.flush(ls[i].first + Layout.LC_GEN, 8);
    }
    return new Pending(ls, g);
  }

  /** After the fence: the flushed headers are durable (unless a newer invalidation came since). */
  synchronized void invalidationsDurable(Pending p) {
    for (int i = 0; i < p.lanes().length; i++) {
      Lane l = p.lanes()[i];
      if (l.invGen == p.gens()[i]) {
        l.invGen = 0;
        inv.remove(l);
      }
    }
    if (inv.isEmpty()) heap.invPending = false;
  }

  synchronized List<Lane> lanes() { return List.copyOf(all); }

  long dirObject() { return dir.table(); }
}
