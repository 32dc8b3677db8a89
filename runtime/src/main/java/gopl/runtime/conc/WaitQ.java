package gopl.runtime.conc;

/**
 * A FIFO of {@link Waiter}s (Go's {@code waitq}): a channel's senders or receivers. Guarded by the
 * owning channel's lock. {@link #dequeue} skips waiters whose select was already won elsewhere
 * (unlinking them), so it returns only waiters that the caller has claimed.
 */
final class WaitQ {
  private Waiter first;
  private Waiter last;

  void enqueue(Waiter w) {
    w.queued = true;
    w.next = null;
    w.prev = last;
    if (last == null) first = w;
    else last.next = w;
    last = w;
  }

  /** Removes w if it is still queued. */
  void remove(Waiter w) {
    if (!w.queued) return;
    w.queued = false;
    if (w.prev == null) first = w.next;
    else w.prev.next = w.next;
    if (w.next == null) last = w.prev;
    else w.next.prev = w.prev;
    w.prev = w.next = null;
  }

  /** Removes and returns the first waiter the caller could claim, or null. */
  Waiter dequeue() {
    for (Waiter w = first; w != null; w = first) {
      remove(w);
      if (w.claim()) return w;
    }
    return null;
  }

  boolean isEmpty() {
    return first == null;
  }
}
