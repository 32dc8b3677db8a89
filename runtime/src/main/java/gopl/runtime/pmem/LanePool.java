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

  synchronized List<Lane> lanes() { return List.copyOf(all); }

  long dirObject() { return dir.table(); }
}
