package gopl.runtime.sync;

import gopl.runtime.GoPanic;
import gopl.runtime.conc.Sleeper;
import gopl.runtime.conc.WaitReason;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code sync.WaitGroup}: "A WaitGroup waits for a collection of goroutines to finish. ... The
 * zero value is ready to use" ({@code new WaitGroup()}). Add/Done are one atomic add; Wait parks
 * (counted as {@code semacquire} for deadlock detection) until the counter reaches zero, when every
 * waiter that arrived while it was positive is released.
 */
public final class WaitGroup {
  private final AtomicLong counter = new AtomicLong();

  /** Parked Wait callers; guarded by this object's monitor. */
  private WaitList waiters;

  public WaitGroup() {}

  /** "If the counter becomes zero, all goroutines blocked on Wait are released. If the counter goes negative, Add panics." */
  public void Add(long delta) {
    long v = counter.addAndGet(delta);
    if (v < 0) throw new GoPanic("sync: negative WaitGroup counter");
    if (v == 0 && delta != 0) releaseAll();
  }

  /** "Done decrements the WaitGroup counter by one." */
  public void Done() {
    Add(-1);
  }

  /** "Wait blocks until the WaitGroup counter is zero." */
  public void Wait() {
    if (counter.get() == 0) return;
    Sleeper s;
    synchronized (this) {
      if (counter.get() == 0) return;
      s = new Sleeper();
      if (waiters == null) waiters = new WaitList();
      waiters.add(s);
    }
    s.await(WaitReason.SEMACQUIRE);
  }

  private void releaseAll() {
    WaitList ws;
    synchronized (this) {
      ws = waiters;
      if (ws == null || ws.isEmpty()) return;
      waiters = null;
    }
    for (Sleeper s; (s = ws.poll()) != null; ) s.wake();
  }
}
