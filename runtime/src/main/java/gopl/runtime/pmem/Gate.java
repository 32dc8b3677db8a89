package gopl.runtime.pmem;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Holds mutators (transactions and allocations outside them) back while the collector runs.
 * Entering is one atomic increment of a counter striped by thread (so that threads do not
 * bounce one cache line) when no collection is pending; a collection closes the gate, waits
 * until every stripe is zero, and reopens it when done.
 *
 * <p>Why it is safe: {@link #enter} increments its stripe and then reads {@code closed}; a closer
 * writes {@code closed} and then reads every stripe. Both are volatile (sequentially consistent),
 * so either the mutator sees the gate closed (and leaves again) or the closer sees its count.
 * A mutator must exit with the stripe it entered on ({@link #enter} returns it).
 */
final class Gate {
  private static final int STRIPES = 16;
  /** One counter per 128 bytes (16 longs): no false sharing between stripes. */
  private static final int PAD = 16;
  private final AtomicLongArray active = new AtomicLongArray(STRIPES * PAD);
  private volatile boolean closed;
  private final Object lock = new Object();

  /** Enters; returns the stripe to pass to {@link #exit}. */
  int enter() {
    int s = (int) (Thread.currentThread().threadId() & (STRIPES - 1)) * PAD;
    for (;;) {
      if (closed) waitOpen();
      active.getAndIncrement(s);
      if (!closed) return s;
      exit(s);
    }
  }

  void exit(int stripe) {
    active.getAndDecrement(stripe);
    if (closed) {
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  private boolean quiet() {
    for (int i = 0; i < STRIPES; i++) if (active.get(i * PAD) != 0) return false;
    return true;
  }

  /** Closes the gate and waits until every mutator has left. Only one closer at a time. */
  void close() {
    synchronized (lock) {
      while (closed) waitQuietly();
      closed = true;
      while (!quiet()) waitQuietly();
    }
  }

  /**
   * Like {@link #close} but gives up (reopening the gate) if mutators are still inside after
   * {@code millis}: an automatic collection must not wait for a transaction that may itself wait
   * for a lock the collecting thread holds.
   */
  boolean tryClose(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (lock) {
      if (closed) return false;
      closed = true;
      while (!quiet()) {
        if (System.nanoTime() > deadline) {
          closed = false;
          lock.notifyAll();
          return false;
        }
        waitQuietly();
      }
      return true;
    }
  }

  void open() {
    synchronized (lock) {
      closed = false;
      lock.notifyAll();
    }
  }

  private void waitOpen() {
    synchronized (lock) {
      while (closed) waitQuietly();
    }
  }

  private void waitQuietly() {
    try {
      lock.wait(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HeapException("interrupted while waiting for the persistent-heap collector");
    }
  }
}
