package gopl.runtime.sync;

import gopl.runtime.GoPanic;
import gopl.runtime.GoStruct;
import gopl.runtime.RType;
import gopl.runtime.conc.Sleeper;
import gopl.runtime.conc.WaitReason;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code sync.WaitGroup}: "A WaitGroup waits for a collection of goroutines to finish. ... The
 * zero value is ready to use" ({@code new WaitGroup()}). Add/Done are one atomic add; Wait parks
 * (counted as {@code semacquire} for deadlock detection) until the counter reaches zero, when every
 * waiter that arrived while it was positive is released.
 */
public final class WaitGroup implements GoStruct {
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

  /** A copy of the value: the same counter, no waiters. */
  @Override
  public WaitGroup copy() {
    WaitGroup c = new WaitGroup();
    c.counter.set(counter.get());
    return c;
  }

  // ---------------------------------------------------------------- the Go struct view (GoStruct)

  @Override
  public RType goType() {
    return SyncTypes.WAITGROUP_PTR;
  }

  @Override
  public RType structType() {
    return SyncTypes.WAITGROUP;
  }

  /** Go 1.19's fields: {@code noCopy noCopy; state1 uint64} (counter in the high half), {@code state2 uint32}. */
  @Override
  public Object field(int i) {
    return switch (i) {
      case 0 -> SyncTypes.NO_COPY_VALUE;
      case 1 -> counter.get() << 32;
      case 2 -> 0;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public boolean goEquals(Object other) {
    return other instanceof WaitGroup o && o.counter.get() == counter.get();
  }

  @Override
  public int goHash() {
    return Long.hashCode(counter.get());
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
