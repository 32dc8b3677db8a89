package gopl.runtime.pmem;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * A failure-atomic, durable transaction (go-pmem's {@code txn}, PMDK's {@code tx}) on one thread.
 * Get one from {@link Heap#begin} or run a body with {@link Heap#txn}. Nesting is flattened.
 * Locks and isolation are the caller's; the transaction guarantees that after a crash either all
 * of its stores are in the heap or none is, and that after {@link #commit} returns all are.
 *
 * <p>Modes and their ordered flush+fence phases (the cost of a transaction):
 * <ul>
 *   <li>{@code UNDO} (default): before the first store to a range, its old bytes go to the lane
 *       and are flushed; one fence orders all pending log entries before the next store to a
 *       newly logged range (logging several ranges first costs one fence). Commit: flush every
 *       modified range and new object with a commit record whose checksum covers their new
 *       contents, fence; then store generation+1 and flush it, fenced lazily by the next fence of
 *       any thread (a raw store fences it first). Two phases when the ranges are logged up front.
 *   <li>{@code REDO}: stores go to a volatile write set (reads see them). Commit: log the write
 *       set and flush it with the new objects; if there are new objects, fence (the commit record's
 *       checksum covers the entries but not them); append the commit record, fence; apply in
 *       place, flush, fence; store generation+1, fenced lazily as in UNDO. Two phases without new
 *       objects, three with.
 *   <li>{@code NULL}: stores in place, no log; commit flushes them and fences (durable, not
 *       atomic).
 * </ul>
 * Ranges are coalesced: a range logged twice is copied once; ranges inside objects allocated by
 * this transaction are never logged.
 */
public final class Txn {
  /** Logging discipline. */
  public enum Mode { UNDO, REDO, NULL }

  private static final java.lang.invoke.VarHandle LONG_LE =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private final Heap heap;
  private final Mode mode;
  /** The log lane, taken from the pool at the first log entry (a transaction that only allocates needs none). */
  Lane lane;
  int depth = 1;
  private boolean done;
  private boolean unfenced;
  private int fences;
  // The thread's range sets, emptied here and reused by each of its outermost transactions (one
  // thread runs one at a time): a transaction that allocates one object then allocates no array.
  private final RangeSet logged;
  private final RangeSet fresh;
  private final WordMap redo;
  private List<Lock> locks;
  /** Group commit: the committing thread, and whether the leader has made the commit durable. */
  Thread waiter;
  volatile boolean durable;

  /** The thread state of the thread that began it, and the gate stripe it entered on. */
  final Local local;
  final int stripe;

  Txn(Heap heap, Mode mode, Local local, int stripe) {
    this.heap = heap;
    this.mode = mode;
    this.local = local;
    this.stripe = stripe;
    this.logged = local.loggedSet.clear();
    this.fresh = local.freshSet.clear();
    this.redo = mode == Mode.REDO ? new WordMap() : null;
  }

  public Mode mode() { return mode; }

  /** Fences this transaction has issued so far (its ordered persistence points). */
  public int fences() { return fences; }

  /** Whether this transaction has ended (committed or aborted). */
  public boolean done() { return done; }

  private void live() {
    if (done) throw new IllegalStateException("transaction already ended");
  }

  private void fence() {
    if (lane != null) lane.flushAppended();
    heap.fence(local);
    fences++;
  }

  // ---------------------------------------------------------------- logging

  /**
   * Declares that [off, off+len) will be modified (PMDK's TX_ADD_RANGE). In UNDO mode the parts not
   * logged before and not inside objects new in this transaction are copied to the log and
   * flushed; the fence comes before the next store.
   */
  public void add(long off, long len) {
    live();
    if (len <= 0) return;
    if (!heap.validRange(off, len)) throw new HeapException(heap.name() + ": range [" + off + ", +" + len + ") outside the heap");
    long end = off + len;
    if (mode == Mode.REDO || logged.covers(off, end) || fresh.covers(off, end)) return;
    if (mode == Mode.UNDO) {
      if (logged.isEmpty() && fresh.isEmpty()) logUndo(off, end); // the common first range: no search
      else if (fresh.isEmpty()) logged.gaps(off, end, logNew()); // no new objects to skip
      else logged.gaps(off, end, logGaps());
    }
    logged.add(off, end);
  }

  /** Logs a range (made when a transaction first logs a second range). */
  private RangeSet.Consumer logNew;

  private RangeSet.Consumer logNew() {
    if (logNew == null) logNew = this::logUndo;
    return logNew;
  }

  /** Logs the parts of a gap in {@code logged} that are not inside new objects (made once per transaction, when needed). */
  private RangeSet.Consumer logGaps;

  private RangeSet.Consumer logGaps() {
    if (logGaps == null) {
      RangeSet.Consumer l = logNew();
      logGaps = (s, e) -> fresh.gaps(s, e, l);
    }
    return logGaps;
  }

  private void logUndo(long s, long e) {
    for (long at = s; at < e; at += Layout.LE_MAX_PAYLOAD) {
      int n = (int) Math.min(Layout.LE_MAX_PAYLOAD, e - at);
      lane().appendUndo(at, n);
      unfenced = true;
    }
  }

  /** The lane, taken from the pool on first use. */
  private Lane lane() {
    if (lane == null) lane = heap.lanes.acquire();
    return lane;
  }

  /** Whether this transaction has written log entries. */
  boolean laneUsed() { return lane != null && lane.used(); }

  /** Makes the log durable before an in-place store (at most one fence per batch of add calls). */
  private void beforeStore(long off, long len) {
    add(off, len);
    if (unfenced) {
      fence();
      unfenced = false;
    }
  }

  /** Hands this transaction's new objects to PendingFlushes (an allocation-only commit). */
  private void deferNew() {
    for (int i = 0, n = fresh.size(); i < n; i++) heap.deferNew(local, fresh.start(i), fresh.end(i) - fresh.start(i));
  }

  /** Called by Heap.alloc: the object is new, its stores need no log, it is flushed at commit. */
  void noteNew(long obj, long len) { fresh.add(obj, obj + len); }

  // ---------------------------------------------------------------- stores and loads

  public void putLong(long off, long v) {
    if (mode == Mode.REDO) {
      redoPut(off, v, 8);
      return;
    }
    beforeStore(off, 8);
    if (mode == Mode.UNDO) heap.storeLong(off, v);
    else heap.putLong(off, v);
  }

  public void putInt(long off, int v) {
    if (mode == Mode.REDO) {
      redoPut(off, v & 0xFFFFFFFFL, 4);
      return;
    }
    beforeStore(off, 4);
    if (mode == Mode.UNDO) heap.storeInt(off, v);
    else heap.putInt(off, v);
  }

  public void putByte(long off, byte v) {
    if (mode == Mode.REDO) {
      redoPut(off, v & 0xFFL, 1);
      return;
    }
    beforeStore(off, 1);
    if (mode == Mode.UNDO) heap.storeByte(off, v);
    else heap.putByte(off, v);
  }

  public void putDouble(long off, double v) { putLong(off, Double.doubleToRawLongBits(v)); }

  /** Stores {@code src[at..at+len)} at {@code off}. */
  public void putBytes(long off, byte[] src, int at, int len) {
    if (mode == Mode.REDO) {
      live();
      int i = 0;
      for (; i < len && ((off + i) & 7) != 0; i++) redoPut(off + i, src[at + i] & 0xFFL, 1);
      for (; i + 8 <= len; i += 8) redoPut(off + i, (long) LONG_LE.get(src, at + i), 8);
      for (; i < len; i++) redoPut(off + i, src[at + i] & 0xFFL, 1);
      return;
    }
    beforeStore(off, len);
    if (mode == Mode.UNDO) heap.storeBytes(off, src, at, len);
    else heap.putBytes(off, src, at, len);
  }

  public long getLong(long off) { return mode == Mode.REDO ? redoGet(off, 8) : heap.getLong(off); }

  public int getInt(long off) { return mode == Mode.REDO ? (int) redoGet(off, 4) : heap.getInt(off); }

  public byte getByte(long off) { return mode == Mode.REDO ? (byte) redoGet(off, 1) : heap.getByte(off); }

  public double getDouble(long off) { return Double.longBitsToDouble(getLong(off)); }

  /** Copies {@code len} bytes at {@code off} (seeing this transaction's own stores). */
  public void getBytes(long off, byte[] dst, int at, int len) {
    if (mode != Mode.REDO) {
      heap.getBytes(off, dst, at, len);
      return;
    }
    for (int i = 0; i < len; i++) dst[at + i] = (byte) redoGet(off + i, 1);
  }

  // ---------------------------------------------------------------- redo write set (8-byte words + byte masks)

  private void redoPut(long off, long v, int n) {
    live();
    if (!heap.validRange(off, n)) throw new HeapException(heap.name() + ": range [" + off + ", +" + n + ") outside the heap");
    if (fresh.covers(off, off + n)) { // new objects are written in place and flushed at commit
      switch (n) {
        case 8 -> heap.storeLong(off, v);
        case 4 -> heap.storeInt(off, (int) v);
        default -> heap.storeByte(off, (byte) v);
      }
      return;
    }
    if ((off & 7) == 0 && n == 8) {
      redo.set(redo.slot(off), v, 0xFF);
      return;
    }
    for (int i = 0; i < n; i++) {
      long a = off + i;
      int w = redo.slot(a & ~7L);
      int b = (int) (a & 7);
      redo.set(w, (redo.val(w) & ~(0xFFL << (8 * b))) | ((v >>> (8 * i)) & 0xFF) << (8 * b), redo.mask(w) | 1L << b);
    }
  }

  private long redoGet(long off, int n) {
    if ((off & 7) == 0 && n == 8) {
      int w = redo.find(off);
      if (w < 0) return heap.getLong(off);
      if (redo.mask(w) == 0xFF) return redo.val(w);
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      long a = off + i;
      int w = redo.find(a & ~7L);
      int b = (int) (a & 7);
      long byteVal = w >= 0 && (redo.mask(w) & (1L << b)) != 0 ? (redo.val(w) >>> (8 * b)) & 0xFF : heap.getByte(a) & 0xFFL;
      v |= byteVal << (8 * i);
    }
    return v;
  }

  /** The redo write set as coalesced runs {start, end} of bytes, in heap order. */
  private List<long[]> redoRuns() {
    List<long[]> runs = new ArrayList<>();
    for (long k : redo.sortedKeys()) {
      long mask = redo.mask(redo.find(k));
      for (int b = 0; b < 8; b++) {
        if ((mask & (1L << b)) == 0) continue;
        long a = k + b;
        int n = mask == 0xFF && b == 0 ? 8 : 1;
        long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        boolean sameArena = last != null && (last[0] >>> heap.arenaShift()) == ((a + n - 1) >>> heap.arenaShift());
        if (last != null && last[1] == a && sameArena && a + n - last[0] <= Layout.LE_MAX_PAYLOAD) last[1] = a + n;
        else runs.add(new long[] {a, a + n});
        b += n - 1;
      }
    }
    return runs;
  }

  // ---------------------------------------------------------------- locks

  /** Takes {@code l} now and releases it when the transaction ends (commit or abort). */
  public void lock(Lock l) {
    live();
    l.lock();
    if (locks == null) locks = new ArrayList<>();
    locks.add(l);
  }

  // ---------------------------------------------------------------- commit / abort

  /** Commits (only the outermost level does anything). Returns when the stores are durable. */
  public void commit() {
    live();
    if (--depth > 0) return;
    try {
      switch (mode) {
        case UNDO -> commitUndo();
        case REDO -> commitRedo();
        case NULL -> commitNull();
      }
    } finally {
      finish();
    }
  }

  private void commitUndo() {
    if (logged.isEmpty() && !laneUsed()) {
      // only allocations: nothing persistent points to them yet (PendingFlushes)
      deferNew();
      return;
    }
    if (heap.group != null) {
      heap.group.commit(this);
      return;
    }
    if (!laneUsed()) { // every logged range lay inside new objects: nothing to roll back
      if (flushWrites()) fence();
      return;
    }
    // Two ordered phases in all (docs/pmem.md, "Two fences per undo transaction"): the log was
    // fenced before the first in-place store; now the data, the new objects and a commit record
    // whose checksum covers them are flushed together and fenced once. What the checksum does
    // not cover must be durable before the record can be: pending page-table entries and new
    // objects of earlier allocation-only transactions (of any thread), and new objects beyond
    // what one record lists.
    int nNew = fresh.size();
    boolean listNew = nNew <= Layout.UNDO_COMMIT_MAX_NEW;
    if (!listNew) flushSet(fresh);
    if (!listNew || heap.pendingNew.undurable()) fence();
    // The record's checksum reads the data: compute it before the data's flush, as a load from a
    // line whose write-back is in flight waits for it (~150 ns per line on the test VM).
    lane.appendUndoCommit(fresh, listNew ? nNew : 0);
    flushWrites();
    fence();
    lane.invalidateLazy(); // durable by the next fence of any thread, or before the next raw store
  }

  private void commitNull() {
    if (heap.group != null) heap.group.commit(this);
    else if (flushWrites()) fence();
  }

  /** Flushes the modified ranges and new objects (commit's first phase); false if there were none. */
  boolean flushWrites() { return flushSet(logged) | flushSet(fresh); }

  /** Counts a fence issued for this transaction by a group-commit leader. */
  void sharedFence() { fences++; }

  private void commitRedo() {
    List<long[]> runs = redoRuns();
    int longest = 0;
    for (long[] r : runs) longest = (int) Math.max(longest, r[1] - r[0]);
    byte[] buf = new byte[longest];
    for (long[] r : runs) {
      int n = fill(r, buf);
      lane().append(Layout.LK_REDO, r[0], MemorySegment.ofArray(buf), n);
    }
    if (runs.isEmpty()) { // only allocations: nothing persistent points to them yet (PendingFlushes)
      deferNew();
      return;
    }
    // the commit record's checksum covers the entries, not the new objects they link: those
    // must be durable before the record can be
    if (flushSet(fresh)) fence();
    lane.appendCommit();
    fence();
    for (long[] r : runs) {
      int n = fill(r, buf);
      heap.storeBytes(r[0], buf, 0, n);
      heap.flush(r[0], n);
    }
    fence();
    lane.invalidateLazy(); // a stale committed redo log re-applied by recovery rewrites the same data
  }

  /** Copies the write set's bytes of run {@code r} into {@code buf}; returns the run's length. */
  private int fill(long[] r, byte[] buf) {
    int n = (int) (r[1] - r[0]);
    int i = 0;
    while (i < n) {
      long a = r[0] + i;
      int w = redo.find(a & ~7L);
      if ((a & 7) == 0 && i + 8 <= n && redo.mask(w) == 0xFF) {
        LONG_LE.set(buf, i, redo.val(w));
        i += 8;
      } else {
        buf[i++] = (byte) (redo.val(w) >>> (8 * (a & 7)));
      }
    }
    return n;
  }

  private boolean flushSet(RangeSet s) {
    int n = s.size();
    for (int i = 0; i < n; i++) heap.flush(s.start(i), s.end(i) - s.start(i));
    return n > 0;
  }

  /**
   * Aborts the whole (flattened) transaction: UNDO restores every logged range and persists it,
   * REDO drops its write set, NULL keeps what was stored. Objects allocated in it become garbage.
   * Calling it on an ended transaction does nothing.
   */
  public void abort() {
    if (done) return;
    try {
      if (mode == Mode.UNDO && laneUsed()) {
        lane.rollBack(); // the log holds the old bytes
        fence();
        lane.invalidate();
        fence();
      } else if (mode == Mode.NULL && flushSet(logged)) {
        fence();
      }
    } finally {
      finish();
    }
  }

  private void finish() {
    done = true;
    depth = 0;
    if (locks != null) {
      for (int i = locks.size() - 1; i >= 0; i--) locks.get(i).unlock();
    }
    heap.ended(this);
  }
}
