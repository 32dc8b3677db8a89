package gopl.runtime.pmem;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongConsumer;

/**
 * Which persistent objects live JVM handles may refer to, without a map lookup per pointer load
 * (DESIGN.md §4): time is cut into epochs; a handle holds its epoch's token, and making one
 * appends its offset to the epoch's buffer (one atomic increment and a store). The collector keeps
 * only weak references to tokens: once an epoch's token is cleared no handle of that epoch is
 * alive, and its offsets stop being roots. Raw offsets returned by Heap.alloc are recorded in the
 * current epoch too, so they stay alive at least until the next rotation (and no longer than the
 * one after it, whatever becomes of the epoch's handles): each thread appends them
 * to its own buffer ({@link RawBuf}, registered in the epoch once per buffer), with no atomic
 * instruction. Allocation runs inside the Gate and the collector reads the buffers with the gate
 * closed, so the gate's volatile accesses order the buffer's writes before the collector's reads.
 */
final class Handles {
  private static final int CHUNK = 4096;
  private static final int CHUNKS = 256; // 1 Mi offsets per epoch, then rotate

  static final class Epoch {
    final WeakReference<Object> token;
    final AtomicInteger n = new AtomicInteger();
    final AtomicReferenceArray<AtomicLongArray> chunks = new AtomicReferenceArray<>(CHUNKS);

    Epoch(Object token) { this.token = new WeakReference<>(token); }

    /** Records {@code off}; false if the epoch is full. */
    boolean record(long off) {
      int i = n.getAndIncrement();
      if (i >= CHUNK * CHUNKS) return false;
      AtomicLongArray c = chunks.get(i / CHUNK);
      if (c == null) {
        chunks.compareAndSet(i / CHUNK, null, new AtomicLongArray(CHUNK));
        c = chunks.get(i / CHUNK);
      }
      c.lazySet(i % CHUNK, off);
      return true;
    }

    /** Per-thread buffers of raw allocation offsets recorded in this epoch. */
    final List<RawBuf> raws = new ArrayList<>();

    void forEach(LongConsumer f) {
      synchronized (raws) {
        for (RawBuf b : raws) for (int i = 0; i < b.n; i++) f.accept(b.a[i]);
      }
      int n = Math.min(this.n.get(), CHUNK * CHUNKS);
      for (int i = 0; i < n; i++) {
        AtomicLongArray c = chunks.get(i / CHUNK);
        if (c == null) continue;
        long off = c.get(i % CHUNK);
        if (off != 0) f.accept(off);
      }
    }
  }

  private volatile Object currentToken = new Object();
  private volatile Epoch current = new Epoch(currentToken);
  private final List<Epoch> old = new ArrayList<>();

  PPtr make(Heap heap, long off) {
    for (;;) {
      Object t = currentToken;
      Epoch e = current;
      if (e.token.get() == t && e.record(off)) return new PPtr(heap, off, t);
      if (e.token.get() == t) rotate(e);
    }
  }

  /** One thread's raw allocation offsets in one epoch (written only by that thread, inside the gate). */
  static final class RawBuf {
    final Epoch epoch;
    final long[] a;
    int n;

    RawBuf(Epoch epoch, int cap) {
      this.epoch = epoch;
      this.a = new long[cap];
    }
  }

  /** Records a raw offset returned by Heap.alloc in {@code l}'s buffer of the current epoch. */
  void rootRaw(Local l, long off) {
    RawBuf b = l.raw;
    if (b == null || b.epoch != current || b.n == b.a.length) b = l.raw = newRaw(b);
    b.a[b.n++] = off;
  }

  /** A fresh buffer registered in the current epoch; sizes double from 64 to 4096 offsets (kept across epochs). */
  private RawBuf newRaw(RawBuf old) {
    for (;;) {
      Epoch e = current;
      // a thread keeps the size its buffer reached in the last epoch: it allocates at a steady rate
      int cap = old == null ? 64 : old.epoch != e ? old.a.length : Math.min(CHUNK, old.a.length * 2);
      RawBuf b = new RawBuf(e, cap);
      synchronized (e.raws) {
        if (e.raws.size() < CHUNKS * 16) {
          e.raws.add(b);
          return b;
        }
      }
      rotate(e);
    }
  }

  /** Starts a new epoch (if {@code e} is still current). */
  synchronized void rotate(Epoch e) {
    if (current != e) return;
    // raw allocation offsets are roots only until the collection after the one that rotated
    // their epoch out (a raw offset must be made a handle or linked before then): without this,
    // epochs whose token the JVM has not yet cleared would make every collection mark them all
    for (Epoch o : old) {
      synchronized (o.raws) {
        o.raws.clear();
      }
    }
    old.add(e);
    Object t = new Object();
    currentToken = t;
    current = new Epoch(t);
  }

  /** Rotates unconditionally (at the start of a collection). */
  synchronized void rotate() { rotate(current); }

  /** Epochs whose token is not yet cleared, excluding the current one. */
  synchronized int pendingOld() {
    old.removeIf(e -> e.token.get() == null);
    return old.size();
  }

  /** Calls {@code f} with every offset of every live epoch; forgets dead epochs. */
  synchronized void forEachRoot(LongConsumer f) {
    old.removeIf(e -> e.token.get() == null);
    for (Epoch e : old) e.forEach(f);
    current.forEach(f);
  }
}
