package gopl.runtime.conc;

/**
 * A goroutine waiting on one channel (Go's {@code sudog}): an entry of a channel's send or receive
 * queue. A plain send or receive has one; a blocked select has one per case, all sharing one
 * {@link Sleeper}. Fields other than the links are written by the waker after it claimed {@link
 * #sleeper} and read by the waiter after the sleeper is done.
 */
final class Waiter {
  final Sleeper sleeper;

  /** The select case this waiter stands for (0 outside select). */
  final int caseIndex;

  /** Send: the value to send. Receive: the value received (when {@link #success}). */
  Object elem;

  /** True if a value was exchanged; false if the channel was closed instead. */
  boolean success;

  /** Queue links; {@link #queued} is true while the waiter is in a queue. */
  Waiter prev;

  Waiter next;
  boolean queued;

  Waiter(Sleeper sleeper, int caseIndex, Object elem) {
    this.sleeper = sleeper;
    this.caseIndex = caseIndex;
    this.elem = elem;
  }

  /** Claims the sleeper for this waiter (the waker wins the goroutine). */
  boolean claim() {
    if (!sleeper.claim()) return false;
    sleeper.fired = this;
    return true;
  }
}
