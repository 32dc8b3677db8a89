package gopl.runtime.sync;

import gopl.runtime.conc.Sleeper;
import gopl.runtime.conc.WaitReason;

/**
 * Go's runtime {@code notifyList}, the core of {@code sync.Cond}: a ticket-based wait list.
 * {@link #add} takes a ticket (called while holding the Cond's lock), {@link #await} parks until
 * that ticket is notified (called after releasing the lock), so a Signal that happens between the
 * two is not lost. {@link #signal} wakes the oldest ticket, {@link #broadcast} every ticket
 * taken so far. Waiting counts as blocked in {@code sync.Cond.Wait} for deadlock detection.
 */
public final class NotifyList {
  /** Next ticket to hand out. */
  private long wait;

  /** Next ticket to notify; tickets below it are notified. */
  private long notify;

  private final WaitList waiters = new WaitList();

  public NotifyList() {}

  public synchronized long add() {
    return wait++;
  }

  public void await(long ticket) {
    Sleeper s;
    synchronized (this) {
      if (ticket < notify) return;
      s = new Sleeper();
      waiters.add(s, ticket);
    }
    s.await(WaitReason.COND_WAIT);
  }

  public void signal() {
    Sleeper s;
    synchronized (this) {
      if (wait == notify) return;
      long t = notify++;
      s = waiters.removeTicket(t); // null: that waiter has not parked yet and will see t < notify
    }
    if (s != null) s.wake();
  }

  public void broadcast() {
    WaitList ws = new WaitList();
    synchronized (this) {
      if (wait == notify) return;
      notify = wait;
      for (Sleeper s; (s = waiters.poll()) != null; ) ws.add(s);
    }
    for (Sleeper s; (s = ws.poll()) != null; ) s.wake();
  }
}
