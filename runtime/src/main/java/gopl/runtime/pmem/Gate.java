package gopl.runtime.pmem;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds mutators (transactions and allocations outside them) back while the collector runs.
 * Entering is one atomic increment when no collection is pending; a collection closes the gate,
 * waits until no mutator is inside, and reopens it when done.
 */
final class Gate {
  private final AtomicInteger active = new AtomicInteger();
  private volatile boolean closed;
  private final Object lock = new Object();

  void enter() {
    for (;;) {
      if (closed) waitOpen();
      active.incrementAndGet();
      if (!closed) return;
      exit();
    }
  }

  void exit() {
    if (active.decrementAndGet() == 0 && closed) {
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  /** Closes the gate and waits until every mutator has left. Only one closer at a time. */
  void close() {
    synchronized (lock) {
      while (closed) waitQuietly();
      closed = true;
      while (active.get() != 0) waitQuietly();
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
      while (active.get() != 0) {
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
