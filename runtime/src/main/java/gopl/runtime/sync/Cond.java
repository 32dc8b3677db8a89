package gopl.runtime.sync;

/**
 * Go's {@code sync.Cond} for Java callers: "a rendezvous point for goroutines waiting for or
 * announcing the occurrence of an event." {@link #L} is held while observing or changing the
 * condition. (The GoPL {@code sync} package holds its {@code L Locker} as a Go interface value and
 * uses {@link NotifyList} directly, as Go's own sync package does.)
 */
public final class Cond {
  /** "L is held while observing or changing the condition." */
  public final Locker L;

  private final NotifyList notify = new NotifyList();

  /** {@code sync.NewCond(l)}. */
  public Cond(Locker l) {
    this.L = l;
  }

  /** "Wait atomically unlocks c.L and suspends execution of the calling goroutine. After later resuming execution, Wait locks c.L before returning." */
  public void Wait() {
    long t = notify.add();
    L.Unlock();
    notify.await(t);
    L.Lock();
  }

  /** "Signal wakes one goroutine waiting on c, if there is any." */
  public void Signal() {
    notify.signal();
  }

  /** "Broadcast wakes all goroutines waiting on c." */
  public void Broadcast() {
    notify.broadcast();
  }
}
