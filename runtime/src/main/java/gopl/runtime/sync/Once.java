package gopl.runtime.sync;

import gopl.runtime.GoStruct;
import gopl.runtime.RType;

/**
 * Go's {@code sync.Once}: "an object that will perform exactly one action." Do calls f only the
 * first time; every Do returns only after that f has returned; "if f panics, Do considers it to
 * have returned; future calls of Do return without calling f." A Do called from inside f blocks
 * forever (reported as a deadlock when nothing else can run), as in Go.
 */
public final class Once implements GoStruct {
  private volatile boolean done;
  private final Mutex m;

  public Once() {
    m = new Mutex();
  }

  private Once(boolean done, Mutex m) {
    this.done = done;
    this.m = m;
  }

  /** A copy of the value (done or not). */
  @Override
  public Once copy() {
    return new Once(done, m.copy());
  }

  // ---------------------------------------------------------------- the Go struct view (GoStruct)

  @Override
  public RType goType() {
    return SyncTypes.ONCE_PTR;
  }

  @Override
  public RType structType() {
    return SyncTypes.ONCE;
  }

  /** Go 1.19's fields: {@code done uint32; m Mutex}. */
  @Override
  public Object field(int i) {
    return switch (i) {
      case 0 -> done ? 1 : 0;
      case 1 -> m;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public boolean goEquals(Object other) {
    return other instanceof Once o && o.done == done && o.m.goEquals(m);
  }

  @Override
  public int goHash() {
    return done ? 1 : 0;
  }

  /** {@code once.Do(f)} with f a Go func value of the code generator's representation (see {@link gopl.runtime.conc.Funcs}). */
  public void Do(Object f) {
    if (f instanceof Runnable r) Do(r);
    else if (!done) Do(gopl.runtime.conc.Funcs.runnable(f));
  }

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
