package gopl.runtime.pmem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The persistent heap's mark-sweep collector (See package-info for overview). Roots: the system
 * tables (types, roots, lanes and their chunks), the named roots' objects, and, online, every
 * offset recorded by a live handle epoch. Pointers may be interior; the span table finds the
 * object that contains them. Marking writes nothing; a pointer that does not lead to an
 * allocated object is damage, reported before the sweep writes anything. The sweep rebuilds the
 * free slots of every span and returns spans without live objects (clearing their page-table
 * entries, one fence for all).
 *
 * <p>Online collections close the Gate: running transactions finish first and new ones wait, so
 * nothing an uncommitted transaction unlinked can be freed (it could still roll back).
 *
 * <p>The recovery collection after open can run in the background ({@link #startRecovery}): the
 * spans found at open count as full and are flagged old, new objects come from fresh spans, and
 * a thread marks the old spans from a snapshot of the roots taken inside open while mutators
 * run. A snapshot-at-the-beginning write barrier ({@link Heap#preWrite}) shades every word a store
 * overwrites, so each object reachable at the snapshot is marked even if a mutator unlinks it
 * meanwhile; objects made since live in fresh spans, which this sweep does not touch. The sweep
 * of the old spans runs with the gate closed (a short pause, O(spans)). A pointer into an old span
 * that does not lead to an object is damage: the sweep is then skipped (nothing is written).
 */
final class Collector {
  private final Heap heap;
  private final LongAdder sinceGc = new LongAdder();
  private volatile long liveAfterGc;
  private volatile GcStats last;
  private long[] stack = new long[1024];
  private int sp;
  private List<String> problems;
  private long liveObjects, liveBytes;
  /** Live objects and bytes per type id, filled when {@code census} is set. */
  java.util.Map<Integer, long[]> census;

  Collector(Heap heap) {
    this.heap = heap;
    this.reportEvery = Math.min(64 << 10, heap.arenaSize() / 16);
  }

  /** Threads report their allocated bytes in batches of this many (Local.allocated). */
  final long reportEvery;
  /** Set when more was allocated since the last collection than was live after it (GOGC=100). */
  private volatile boolean wanted;

  /** Adds bytes allocated by some thread (reported in batches) and decides whether a collection is due. */
  void noteAllocated(long bytes) {
    sinceGc.add(bytes);
    if (sinceGc.sum() > Math.max(liveAfterGc, heap.arenaSize() / 2)) wanted = true;
  }

  /** The last collection's statistics, or null. */
  GcStats last() { return last; }

  /** Whether mutators may trigger collections (Heap.autoGc). */
  volatile boolean auto = true;

  /** Collects if the heap allocated more since the last collection than was live after it. */
  void maybeCollect() {
    if (!wanted || !auto || recoveryRunning) return;
    if (sinceGc.sum() > Math.max(liveAfterGc, heap.arenaSize() / 2)) collectOnline(false);
    else wanted = false;
  }

  /**
   * An online collection. {@code wait}: wait for every running transaction; otherwise give up
   * after 20 ms (the caller may hold a lock that a running transaction waits for) and return null.
   */
  GcStats collectOnline(boolean wait) {
    if (recoveryRunning) {
      if (!wait) return null;
      awaitRecovery();
    }
    heap.handles.rotate();
    // automatic collections let the JVM clear dead epochs' tokens when several have piled up
    if (!wait && heap.handles.pendingOld() > 2) System.gc();
    if (wait) heap.gate.close();
    else if (!heap.gate.tryClose(20)) return null;
    try {
      return collect();
    } finally {
      heap.gate.open();
    }
  }

  /** Mark from the roots, then sweep. Caller holds mutators back (or is the opening thread). */
  synchronized GcStats collect() {
    long t0 = System.nanoTime();
    List<String> bad = mark(true);
    if (!bad.isEmpty()) throw heap.damaged(bad.get(0) + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : ""));
    GcStats s = sweep(System.nanoTime() - t0, t0);
    last = s;
    recoveryPending = false;
    return s;
  }

  /** Marks everything reachable; returns the problems found (at most 100). Writes nothing. */
  synchronized List<String> mark(boolean handles) {
    problems = new ArrayList<>();
    liveObjects = liveBytes = 0;
    for (Span s : heap.pages.allSpans()) java.util.Arrays.fill(s.mark, 0);
    markRoots();
    if (handles) heap.handles.forEachRoot(off -> mark(off, -1, true));
    drain();
    return problems;
  }

  private void markRoot(long off, String what) {
    if (off != 0) mark(off, -1, false);
    if (problems.size() > 0 && problems.get(problems.size() - 1).endsWith("@root")) {
      problems.set(problems.size() - 1, what + ": bad pointer " + off);
    }
  }

  private void drain() {
    while (sp > 0) scan(stack[--sp]);
  }

  /** Marks the object containing {@code p} (found in the word at {@code from}). */
  private void mark(long p, long from, boolean lenient) {
    if (p == 0) return;
    Span s = heap.pages.spanOf(p);
    if (concurrent && (s == null || !s.old)) return; // only old spans are swept by the recovery collection
    if (s == null) {
      if (!lenient) problem("pointer " + p + " outside any span", from);
      return;
    }
    int i = s.slotIndex(p);
    if (i >= s.slots) {
      if (!lenient) problem("pointer " + p + " past the last slot of its span", from);
      return;
    }
    long obj = s.slotOffset(i);
    long h = heap.getLong(obj);
    int type = (int) h;
    long count = h >>> 32;
    if (type == 0 || !heap.types.valid(type)) {
      if (!lenient) problem("pointer " + p + " to a slot without an object (type " + type + ")", from);
      return;
    }
    long len = heap.types.elemSize(type) * count;
    if (Layout.OBJ_HEADER + len > s.slot || p < obj + Layout.OBJ_HEADER || p > obj + Layout.OBJ_HEADER + len) {
      if (!lenient) problem("pointer " + p + " not inside the object at " + obj, from);
      return;
    }
    if (!s.setMarked(i)) return;
    liveObjects++;
    liveBytes += Layout.OBJ_HEADER + len;
    if (census != null) {
      long[] c = census.computeIfAbsent(type, k -> new long[2]);
      c[0]++;
      c[1] += Layout.OBJ_HEADER + len;
    }
    if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
    stack[sp++] = obj;
  }

  private void problem(String p, long from) {
    if (problems.size() < 100) problems.add(p + (from < 0 ? "@root" : " (pointer at " + from + ")"));
  }

  /** Follows the pointers of the object whose header is at {@code obj}. */
  private void scan(long obj) {
    long h = heap.getLong(obj);
    int type = (int) h;
    long count = h >>> 32;
    long p = obj + Layout.OBJ_HEADER;
    switch (type) {
      case Layout.T_BYTES, Layout.T_WORDS -> { }
      case Layout.T_ROOT_TABLE -> {
        long n = Math.min(heap.getLong(p), (count - 1) / 3);
        for (long i = 0; i < n; i++) {
          ptr(p + 8 * (1 + 3 * i));
          ptr(p + 8 * (1 + 3 * i + 2));
        }
      }
      case Layout.T_TYPE_TABLE, Layout.T_LANE_DIR -> {
        long n = Math.min(heap.getLong(p), count - 1);
        for (long i = 0; i < n; i++) ptr(p + 8 * (1 + i));
      }
      case Layout.T_LOG_CHUNK -> ptr(p + Layout.LC_NEXT);
      default -> {
        long[] pw = heap.types.pointerWords(type);
        if (pw == null || pw.length == 0) return;
        long size = heap.types.elemSize(type);
        for (long e = 0; e < count; e++) {
          long base = p + e * size;
          for (long w : pw) {
            if (w >= 0) ptr(base + w);
            else if (heap.getLong(base - w - 1) < 0) ptr(base - w - 1 + 8);
          }
        }
      }
    }
  }

  private void ptr(long at) { mark(heap.getLong(at), at, false); }

  /** Rebuilds free slots and returns empty spans. */
  private GcStats sweep(long markNanos, long t0) {
    Allocator a = heap.allocator;
    for (int c = 1; c < SizeClasses.COUNT; c++) a.centrals[c].clear();
    long[] r = sweepSpans(heap.pages.allSpans());
    a.generation++;
    sinceGc.reset();
    wanted = false;
    liveAfterGc = liveBytes;
    return new GcStats(liveObjects, liveBytes, r[0], (int) r[1], System.nanoTime() - t0);
  }

  /** Sweeps {@code spans} (alloc = mark; empty ones returned, one fence); returns {freedBytes, spansFreed}. */
  private long[] sweepSpans(List<Span> spans) {
    Allocator a = heap.allocator;
    long freed = 0;
    int spansFreed = 0;
    for (Span s : spans) {
      long before = 0, after = 0;
      for (int w = 0; w < s.alloc.length; w++) {
        before += Long.bitCount(s.alloc[w]);
        after += Long.bitCount(s.mark[w]);
        s.alloc[w] = s.mark[w];
      }
      s.free = s.slots - (int) after;
      if (before > after) {
        freed += (before - after) * s.slot;
        s.needZero = true; // the freed slots hold what their objects left
      }
      if (after == 0) {
        heap.pages.release(s);
        spansFreed++;
      } else if (s.free > 0) {
        a.centrals[s.sizeClass].offer(s);
      }
      s.old = false;
    }
    heap.pendingNew.sweep(this::anyAllocated);
    if (spansFreed > 0) heap.fence();
    return new long[] {freed, spansFreed};
  }

  /** Whether [off, off+len) holds a slot that is allocated (after a sweep: live). */
  private boolean anyAllocated(long off, long len) {
    long p = off;
    while (p < off + len) {
      Span s = heap.pages.spanOf(p);
      if (s == null) {
        p = (p & -Layout.PAGE_SIZE) + Layout.PAGE_SIZE;
        continue;
      }
      int i = s.slotIndex(p);
      if (i >= s.slots) {
        p = s.base + s.bytes();
        continue;
      }
      if (s.allocated(i)) return true;
      p = s.slotOffset(i) + s.slot;
    }
    return false;
  }

  // ---------------------------------------------------------------- recovery collection after open

  /** Whether spans found at open still await their first sweep (they count as full meanwhile). */
  private volatile boolean recoveryPending;
  /** Whether the background recovery mark runs (the write barrier is on). */
  private volatile boolean recoveryRunning;
  /** Marking only old spans, leniently outside them (the background recovery mark). */
  private boolean concurrent;
  private volatile boolean cancel;
  private Thread recoveryThread;
  private final Object shadeLock = new Object();
  private long[] shaded = new long[256];
  private int shadedN;

  /**
   * Called by open instead of {@link #collect}: the spans loaded at open are full and old. With
   * {@code background}, takes the root snapshot now (before any mutator runs), turns the write
   * barrier on and starts the marking thread; otherwise the first online collection does the work.
   */
  synchronized void startRecovery(boolean background) {
    recoveryPending = true;
    long bytes = 0;
    for (Span s : heap.pages.allSpans()) bytes += s.bytes();
    liveAfterGc = bytes;
    if (!background) return;
    problems = new ArrayList<>();
    liveObjects = liveBytes = 0;
    concurrent = true;
    markRoots();
    heap.satb = true;
    recoveryRunning = true;
    recoveryThread = Thread.ofPlatform().daemon().name("gopl-heap-recovery-" + heap.name()).start(this::recoveryMark);
  }

  private void markRoots() {
    markRoot(heap.types.tableObject(), "type table");
    for (long b : heap.types.blobs()) markRoot(b, "type descriptor");
    markRoot(heap.roots.tableObject(), "root table");
    markRoot(heap.lanes.dirObject(), "lane directory");
    for (RootTable.Root r : heap.roots.list()) markRoot(r.offset(), "root " + r.name());
  }

  /** The write barrier's slow path: {@code v}, a word about to be overwritten, may be a pointer. */
  void shade(long v) {
    if (v <= 0 || v >= heap.size()) return;
    synchronized (shadeLock) {
      if (shadedN == shaded.length) shaded = java.util.Arrays.copyOf(shaded, shadedN * 2);
      shaded[shadedN++] = v;
    }
  }

  /** Marks the shaded words (leniently: they may be scalars); returns whether there were any. */
  private boolean drainShaded() {
    long[] b;
    int n;
    synchronized (shadeLock) {
      b = shaded;
      n = shadedN;
      shaded = new long[256];
      shadedN = 0;
    }
    for (int i = 0; i < n; i++) mark(b[i], -1, true);
    return n > 0;
  }

  /** The background thread: mark concurrently, then sweep the old spans with the gate closed. */
  private void recoveryMark() {
    boolean closed = false;
    try {
      synchronized (this) {
        long t0 = System.nanoTime();
        do {
          long scanned = 0;
          while (sp > 0 && !cancel) {
            scan(stack[--sp]);
            if (testPauseEvery > 0 && ++scanned % testPauseEvery == 0) java.util.concurrent.locks.LockSupport.parkNanos(20_000);
          }
        } while (drainShaded() && !cancel);
        while (!cancel && !(closed = heap.gate.tryClose(20))) Thread.sleep(1);
        if (cancel) return;
        long p0 = System.nanoTime();
        heap.handles.forEachRoot(off -> mark(off, -1, true));
        do drain(); while (drainShaded());
        heap.satb = false;
        drainShaded(); // a store that saw the barrier on just before it went off
        drain();
        concurrent = false;
        if (!problems.isEmpty()) {
          System.err.println(heap.name() + ": damaged heap: " + problems.get(0)
              + " (nothing freed; run gopl heap check)");
          return;
        }
        long[] r = sweepSpans(heap.pages.allSpans().stream().filter(s -> s.old).toList());
        liveAfterGc = liveBytes + sinceGc.sum();
        sinceGc.reset();
        recoveryPending = false;
        long now = System.nanoTime();
        last = new GcStats(liveObjects, liveBytes, r[0], (int) r[1], now - p0);
        recoveryNanos = now - t0;
      }
    } catch (Throwable t) {
      if (!cancel) System.err.println(heap.name() + ": background recovery collection failed: " + t);
    } finally {
      heap.satb = false;
      concurrent = false;
      sp = 0;
      if (closed) heap.gate.open();
      recoveryRunning = false;
    }
  }

  /** Tests only: the background marker pauses every this many objects (widens its races with mutators). */
  static volatile int testPauseEvery;

  /** Wall time of the background recovery collection (mark and sweep), once done. */
  volatile long recoveryNanos;

  /** Waits until the background recovery collection (if any) has finished. */
  void awaitRecovery() {
    Thread t = recoveryThread;
    if (t == null || t == Thread.currentThread()) return;
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HeapException("interrupted while waiting for the recovery collection");
    }
  }

  /** Stops the background recovery collection (the heap is closing); nothing is swept. */
  void stopRecovery() {
    cancel = true;
    awaitRecovery();
  }

  /** Whether spans found at open have not been swept yet. */
  boolean recoveryPending() { return recoveryPending; }
}
