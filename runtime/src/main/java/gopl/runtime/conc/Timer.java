package gopl.runtime.conc;

/**
 * A run-time timer (Go's {@code runtime.timer}): calls {@link #f} once after a delay, or every
 * period, on the timer thread ({@link TimerQueue}). The {@code time} package builds on it: {@code
 * NewTimer}/{@code After} pass an f that sends the current time on a 1-buffered channel without
 * blocking ({@link Chan#trySend}), so a slow receiver makes a ticker drop ticks, as Go's does;
 * {@code AfterFunc} passes an f that starts a goroutine ({@link Go#go}).
 *
 * <p>Guarantees: f must not block (it runs on the single timer thread; Go's timer functions have
 * the same rule). {@link #stop} and {@link #reset} return whether the timer was pending, with
 * Go's meaning ("true if the call stops the timer, false if the timer has already expired or been
 * stopped"); a one-shot timer is no longer pending from the moment its f starts. A pending timer
 * counts as a possible waker for deadlock detection ({@link Sched}), so a program whose
 * goroutines all wait for a timer is not reported.
 */
public final class Timer {
  /** What the timer does when it fires. */
  final Runnable f;

  /** Deadline in System.nanoTime() terms; valid while pending. Guarded by TimerQueue's lock. */
  long when;

  /** 0 for a one-shot timer, else the period in nanoseconds. Guarded by TimerQueue's lock. */
  long period;

  /** Index in TimerQueue's heap, or -1 when not pending. Guarded by TimerQueue's lock. */
  int index = -1;

  public Timer(Runnable f) {
    this.f = f;
  }

  /**
   * Makes the timer fire after {@code delayNanos} (at once if not positive), then every {@code
   * periodNanos} if that is positive. Returns whether it was pending before (it is rescheduled).
   */
  public boolean reset(long delayNanos, long periodNanos) {
    return TimerQueue.schedule(this, delayNanos, periodNanos);
  }

  /** Starts a stopped or new timer; same as {@link #reset}. */
  public boolean start(long delayNanos, long periodNanos) {
    return reset(delayNanos, periodNanos);
  }

  /** Prevents the timer from firing; true if it was pending. */
  public boolean stop() {
    return TimerQueue.cancel(this);
  }

  /** Whether the timer is scheduled to fire. */
  public boolean pending() {
    return TimerQueue.isPending(this);
  }
}
