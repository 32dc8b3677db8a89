package gopl.runtime.pmem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes that must become durable before any durable pointer to them, but need no fence of their
 * own (See package-info for overview): new objects of transactions that only allocate, and the
 * page-table entries of new spans. An object that no persistent pointer reaches need not be
 * durable: after a crash it is garbage. A pointer to it becomes durable only through a later
 * fence (a commit), and every fence of the heap ({@link Heap#fence}), by any thread, first flushes
 * everything recorded here itself (a fence orders only the flushes of its own thread), so the
 * object is durable no later than the pointer.
 *
 * <p>New objects go to a per-thread {@link Buf} with no lock and no atomic instruction: the owner
 * appends an entry (offset and length packed in one long, so a reader never sees a torn entry)
 * and publishes the count with a release store; other threads' fences read the count with an
 * acquire load and flush the entries before it. Only the owner resets its buffer, after a fence
 * of its own; a reader racing with a reset flushes some newer entries too, which is harmless.
 * A buffer of garbage is never flushed: the collector (gate closed: every mutator outside) drops
 * the entries whose object it freed. Page-table entries (once per span) use a locked list.
 */
final class PendingFlushes {
  /**
   * Entries per thread buffer: it starts at {@code CAP} and doubles up to {@code MAX_CAP}; a buffer
   * full at {@code MAX_CAP} is drained by its owner with a fence. Growing rather than draining at
   * the first size matters: raw allocation offsets stay roots through one collection, so a thread
   * allocating in allocation-only transactions holds two collections' worth of entries, and a
   * drain flushes objects that would have died unflushed (and costs a fence).
   */
  static final int CAP = 1024, MAX_CAP = 1 << 16;
  /** Largest length an entry can hold (longer objects are flushed and fenced at once). */
  static final long MAX_LEN = (1L << 24) - 1;

  /** One thread's new objects awaiting a flush. */
  static final class Buf {
    /** Replaced by a copy twice as long when full (by the owner, before publishing the new count). */
    long[] e = new long[CAP];
    /** Entries [0, n) are pending; written by the owner with release, read with acquire. */
    int n;
    boolean registered;
    /** round << 32 | entries known durable: raised by any fencer (CAS), reset by the owner. */
    volatile long durable;
    /** Incremented by the owner at each reset. */
    int round;
    private static final VarHandle DURABLE;
    private static final VarHandle N;

    static {
      try {
        N = MethodHandles.lookup().findVarHandle(Buf.class, "n", int.class);
        DURABLE = MethodHandles.lookup().findVarHandle(Buf.class, "durable", long.class);
      } catch (ReflectiveOperationException ex) {
        throw new ExceptionInInitializerError(ex);
      }
    }

    int count() { return (int) N.getAcquire(this); }
  }

  private static long entry(long off, long len) { return off << 24 | len; }

  private static long off(long entry) { return entry >>> 24; }

  private static long len(long entry) { return entry & MAX_LEN; }

  private static final int MAX = 4096;
  private final long[] ranges = new long[2 * MAX];
  private int n;
  /** Registered thread buffers (copy on write: read by every fence without a lock). */
  private volatile Buf[] bufs = new Buf[0];
  /** Fast check without the lock: whether any locked range may be pending. */
  private volatile boolean any;

  /** Records [off, off+len) in the locked list; returns false when full (the caller drains and fences). */
  synchronized boolean add(long off, long len) {
    if (n == MAX) return false;
    ranges[2 * n] = off;
    ranges[2 * n + 1] = len;
    n++;
    any = true;
    return true;
  }

  /**
   * Records a new object in the calling thread's buffer; returns false if it cannot (full, or too
   * long): the caller then drains and fences.
   */
  boolean addNew(Local l, long off, long len) {
    Buf b = l.fresh;
    if (b == null) b = l.fresh = new Buf();
    int k = b.n;
    if (len > MAX_LEN || off >>> 40 != 0) return false;
    long[] e = b.e;
    if (k == e.length) {
      if (k == MAX_CAP) return false;
      // readers that loaded the old array still find entries [0, k) in it
      e = b.e = java.util.Arrays.copyOf(e, 2 * k);
    }
    if (!b.registered) register(b);
    e[k] = entry(off, len);
    Buf.N.setRelease(b, k + 1);
    return true;
  }

  private synchronized void register(Buf b) {
    b.registered = true;
    Buf[] a = java.util.Arrays.copyOf(bufs, bufs.length + 1);
    a[a.length - 1] = b;
    bufs = a;
  }

  /**
   * Flushes every recorded range not yet known durable through {@code heap} (no fence); the
   * locked list is forgotten. Returns what to pass to {@link #fenced} after the fence (null: nothing).
   */
  Drained drain(Heap heap) {
    Buf[] bs = bufs;
    long[] seen = null;
    for (int j = 0; j < bs.length; j++) {
      Buf b = bs[j];
      long d = b.durable;
      int k = b.count();
      if (k <= (int) d) continue;
      long[] es = b.e; // read after the count: holds at least k entries
      for (int i = (int) d; i < k; i++) {
        long e = es[i];
        heap.flush(off(e), len(e));
      }
      if (seen == null) seen = new long[2 * bs.length];
      seen[2 * j] = d;
      seen[2 * j + 1] = (d & 0xFFFF_FFFF_0000_0000L) | k;
    }
    Drained out = seen == null ? null : new Drained(bs, seen);
    if (!any) return out;
    synchronized (this) {
      for (int i = 0; i < n; i++) heap.flush(ranges[2 * i], ranges[2 * i + 1]);
      n = 0;
      any = false;
    }
    return out;
  }

  /** The buffers a drain saw, and per buffer {durable before, durable after the fence} (0 = untouched). */
  record Drained(Buf[] bufs, long[] seen) {}

  /**
   * After a fence that followed {@link #drain}: what that drain flushed is durable; the caller's
   * own buffer is emptied (only the owner resets a buffer).
   */
  void fenced(Local l, Drained d) {
    if (d != null) {
      for (int j = 0; j < d.bufs().length; j++) {
        long[] seen = d.seen();
        if (seen[2 * j + 1] != 0) Buf.DURABLE.compareAndSet(d.bufs()[j], seen[2 * j], seen[2 * j + 1]);
      }
    }
    Buf b = l == null ? null : l.fresh;
    if (b != null && b.n != 0) {
      Buf.N.setRelease(b, 0);
      b.durable = (long) ++b.round << 32;
    }
  }

  /**
   * Whether anything recorded is not yet known durable (page-table entries, or new objects of
   * any thread): an undo commit fences it before its commit record, whose checksum does not cover it.
   */
  boolean undurable() {
    if (any) return true;
    for (Buf b : bufs) if (b.count() > (int) b.durable) return true;
    return false;
  }

  /** Whether a range holds an allocated object. */
  interface Live {
    boolean any(long off, long len);
  }

  /**
   * The collector, with every mutator held back: drops the entries of objects that {@code live}
   * says are gone (garbage never needs to be durable), and unregisters empty buffers.
   */
  synchronized void sweep(Live live) {
    List<Buf> keep = new ArrayList<>();
    for (Buf b : bufs) {
      int k = 0;
      for (int i = 0; i < b.n; i++) if (live.any(off(b.e[i]), len(b.e[i]))) b.e[k++] = b.e[i];
      b.n = k;
      b.durable = (long) ++b.round << 32;
      if (k > 0) keep.add(b);
      else b.registered = false;
    }
    bufs = keep.toArray(new Buf[0]);
  }
}
