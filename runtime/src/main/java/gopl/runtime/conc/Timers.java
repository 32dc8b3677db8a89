package gopl.runtime.conc;

import java.util.function.Supplier;

/**
 * The run-time half of package {@code time}'s sleeping and timers, for the stdlib's intrinsics:
 * {@code Sleep}, channel timers ({@code NewTimer}, {@code After}, {@code NewTicker}, {@code
 * Tick}) and {@code AfterFunc}. Durations are nanoseconds ({@code time.Duration}).
 */
public final class Timers {
  private Timers() {}

  /**
   * {@code time.Sleep(d)}: "pauses the current goroutine for at least the duration d. A negative or
   * zero duration causes Sleep to return immediately." A sleeping goroutine is not blocked for
   * deadlock detection (it will run again by itself).
   */
  public static void sleep(long nanos) {
    if (nanos <= 0) return;
    gopl.runtime.Sys.flush(); // what was printed shows while the goroutine sleeps, as in Go
    Go.blocking();
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
      try {
        Thread.sleep(java.time.Duration.ofNanos(left));
      } catch (InterruptedException e) {
        // goroutines are never interrupted on purpose; keep sleeping
      }
    }
  }

  /**
   * A timer that, each time it fires, sends {@code value.get()} on {@code c} if that does not block
   * (Go's {@code sendTime}: c has a buffer of 1, so a slow receiver misses ticks instead of
   * delaying the timer). Started with the given delay and period (0: one-shot).
   */
  public static Timer startSendTimer(Chan c, Supplier<Object> value, long delayNanos, long periodNanos) {
    Timer t = new Timer(() -> Chan.trySend(c, value.get()));
    t.start(delayNanos, periodNanos);
    return t;
  }

  /** {@code time.AfterFunc(d, f)} with f a Go func value of the code generator's representation. */
  public static Timer afterFunc(long delayNanos, Object f) {
    return afterFunc(delayNanos, Funcs.runnable(f));
  }

  /** {@code time.AfterFunc(d, f)}: a timer that runs f in its own goroutine. */
  public static Timer afterFunc(long delayNanos, Runnable f) {
    Timer t = new Timer(() -> Go.go(f));
    t.start(delayNanos, 0);
    return t;
  }
}
