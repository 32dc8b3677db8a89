package gopl.runtime.sync;

import gopl.runtime.conc.Sleeper;

/**
 * A counting semaphore (Go's runtime {@code semacquire}/{@code semrelease}): {@link #release}
 * may come before the matching {@link #acquire}. A release with waiters hands its unit to the
 * oldest one; waiting counts as blocked in the given wait reason for deadlock detection.
 */
final class Sema {
  private int count;
  private final WaitList waiters = new WaitList();

  void acquire(String reason) {
    Sleeper s;
    synchronized (this) {
      if (count > 0) {
        count--;
        return;
      }
      s = new Sleeper();
      waiters.add(s);
    }
    s.await(reason);
  }

  void release() {
    Sleeper s;
    synchronized (this) {
      s = waiters.poll();
      if (s == null) {
        count++;
        return;
      }
    }
    s.wake();
  }
}
