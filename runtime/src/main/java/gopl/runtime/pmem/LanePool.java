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
      added(l);
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

  Lane acquire() {
    Lane l;
    synchronized (this) {
      l = free.pollFirst();
      if (l == null) {
        l = Lane.create(heap, all.size());
        dir.append(l.first);
        all.add(l);
        added(l);
      }
    }
    l.reset(); // the lane is this transaction's alone from here
    return l;
  }

  synchronized void release(Lane l) { free.addFirst(l); }

  // ---------------------------------------------------------------- lazily persisted invalidations
  //
  // No lock: every fence of a heap with a pending invalidation runs this, twice per undo
  // transaction. A lane's pending value is Lane.invGen (volatile; 0 = none): the owner stores the
  // header, then invGen (release), then heap.invPending; a fencer reads invGen, flushes the header
  // (which then holds that generation or a newer one), fences, and clears invGen only if it still
  // holds the value it flushed (CAS). Clearing heap.invPending is followed by a rescan that sets it
  // again if an invalidation was recorded meanwhile, so it is never false while one is pending.

  /** Every lane (copy on write), scanned by fences without a lock. */
  private volatile Lane[] every = new Lane[0];

  private synchronized void added(Lane l) {
    Lane[] a = java.util.Arrays.copyOf(every, every.length + 1);
    a[a.length - 1] = l;
    every = a;
  }

  /** Records that {@code l}'s header now holds {@code gen}, neither flushed nor fenced. */
  void invalidationPending(Lane l, long gen) {
    l.invGen = gen;
    heap.invPending = true;
  }

  /**
   * Flushes every pending lane header (called by Heap.fence before its fence) and records the
   * lanes and generations in {@code l}'s scratch arrays; returns how many (0 if none).
   */
  int flushPendingInvalidations(Local l) {
    Lane[] ls = every;
    int n = 0;
    for (Lane lane : ls) {
      long g = lane.invGen;
      if (g == 0) continue;
      if (l.invLanes == null || l.invLanes.length < ls.length) {
        l.invLanes = new Lane[ls.length];
        l.invGens = new long[ls.length];
      }
      heap.flush(lane.first + Layout.LC_GEN, 8);
      l.invLanes[n] = lane;
      l.invGens[n++] = g;
    }
    return n;
  }

  /** After the fence: the {@code n} headers recorded in {@code l} are durable (unless a newer invalidation came since). */
  void invalidationsDurable(Local l, int n) {
    for (int i = 0; i < n; i++) {
      Lane.INV_GEN.compareAndSet(l.invLanes[i], l.invGens[i], 0L);
      l.invLanes[i] = null;
    }
    if (anyPending()) return;
    heap.invPending = false;
    if (anyPending()) heap.invPending = true; // recorded after the first scan
  }

  private boolean anyPending() {
    for (Lane lane : every) if (lane.invGen != 0) return true;
    return false;
  }

  synchronized List<Lane> lanes() { return List.copyOf(all); }

  long dirObject() { return dir.table(); }
}
