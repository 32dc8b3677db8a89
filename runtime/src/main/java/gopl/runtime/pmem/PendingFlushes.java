package gopl.runtime.pmem;

/**
 * New objects written but not yet fenced (See package-info for overview). An object that no
 * persistent pointer reaches need not be durable: after a crash it is garbage. So an allocation
 * outside a transaction, or a transaction that only allocates, records the object's range here
 * instead of fencing; every fence of the heap ({@link Heap#fence}), by any thread, first flushes
 * the recorded ranges itself (a fence orders only the flushes of its own thread). A pointer to the
 * object becomes durable only through a later fence — a commit or a persist — so the object is
 * durable before any pointer to it. When many ranges pile up the recording thread drains them.
 */
final class PendingFlushes {
  private static final int MAX = 4096;
  private final long[] ranges = new long[2 * MAX];
  private int n;
  /** Fast check without the lock: whether any range may be pending. */
  private volatile boolean any;

  /** Records [off, off+len); returns false when full (the caller drains and fences). */
  synchronized boolean add(long off, long len) {
    if (n == MAX) return false;
    ranges[2 * n] = off;
    ranges[2 * n + 1] = len;
    n++;
    any = true;
    return true;
  }

  /** Flushes every recorded range through {@code heap} (no fence) and forgets them. */
  void drain(Heap heap) {
    if (!any) return;
    synchronized (this) {
      for (int i = 0; i < n; i++) heap.flush(ranges[2 * i], ranges[2 * i + 1]);
      n = 0;
      any = false;
    }
  }
}
