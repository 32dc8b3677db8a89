package gopl.runtime.sync;

/**
 * Go's {@code sync.Once}: "an object that will perform exactly one action." Do calls f only the
 * first time; every Do returns only after that f has returned; "if f panics, Do considers it to
 * have returned; future calls of Do return without calling f." A Do called from inside f blocks
 * forever (reported as a deadlock when nothing else can run), as in Go.
 */
public final class Once {
  private volatile boolean done;
  private final Mutex m = new Mutex();

  public Once() {}

  public void Do(Runnable f) {
    if (done) return; // fast path; the volatile read orders us after f's effects
    m.Lock();
    try {
      if (!done) {
        try {
          f.run();
        } finally {
          done = true;
        }
      }
    } finally {
      m.Unlock();
    }
  }
}
