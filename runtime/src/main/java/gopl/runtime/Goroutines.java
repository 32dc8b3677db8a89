package gopl.runtime;

/**
 * Goroutines are virtual threads (DESIGN.md §3). An unrecovered panic in any goroutine crashes the
 * whole program with Go's output and exit status 2, as in Go.
 */
public final class Goroutines {
  private Goroutines() {}

  /** {@code go f(x)}: body is the call with its arguments already evaluated. */
  public static void go(Runnable body) {
    Sched.started();
    Thread.ofVirtual().start(() -> {
      try {
        body.run();
      } catch (Throwable t) {
        Rt.crash(t);
      } finally {
        Sched.finished();
      }
    });
  }
}
