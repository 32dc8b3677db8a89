package gopl.runtime;

import java.util.ArrayDeque;

/**
 * Running deferred calls and {@code recover} (spec "Handling panics").
 *
 * <p>Generated shape of a function with defers: the body runs in a try block with a {@link Defer}
 * list in a local; on normal exit (every return path) it calls {@link #runNormal}; a throwable is
 * converted with {@link GoPanic#of} (anything that is not a Go panic — e.g. the test harness's
 * exit — propagates at once without running defers) and handed to {@link #runPanicking}, which
 * returns normally only if a deferred call recovered, in which case the function returns its
 * result variables as they are.
 *
 * <p>{@code recover()} returns the value of the panic whose deferred calls are running on this
 * goroutine and marks it recovered; nil when there is none. (Go also returns nil when recover is
 * not called directly by the deferred function; GoPL does not check that.)
 */
public final class Defers {
  private Defers() {}

  /** Panics whose deferred calls are running on this thread, innermost last. */
  private static final ThreadLocal<ArrayDeque<GoPanic>> PANICKING = ThreadLocal.withInitial(ArrayDeque::new);

  /** Runs d's calls, newest first; a panic in one of them runs the rest as panicking. */
  public static void runNormal(Defer d) {
    for (; d != null; d = d.next) {
      try {
        d.call.run();
      } catch (Throwable t) {
        GoPanic p = GoPanic.of(t);
        if (p == null) throw sneaky(t);
        if (!runPanicking(d.next, p)) throw p;
        return;
      }
    }
  }

  /**
   * Runs d's calls while p is panicking. Returns true if one of them recovered (the remaining ones
   * then ran normally); otherwise throws the panic that is still in flight (p, or a later panic
   * raised by a deferred call, chained to p).
   */
  public static boolean runPanicking(Defer d, GoPanic p) {
    ArrayDeque<GoPanic> stack = PANICKING.get();
    for (; d != null; d = d.next) {
      stack.push(p);
      try {
        d.call.run();
      } catch (Throwable t) {
        GoPanic q = GoPanic.of(t);
        if (q == null) throw sneaky(t);
        if (q != p) {
          if (q.link == null) q.link = p;
          p = q;
        }
        continue;
      } finally {
        stack.pop();
      }
      if (p.recovered) {
        runNormal(d.next);
        return true;
      }
    }
    throw p;
  }

  /** Go's {@code recover()}. */
  public static Object recover() {
    GoPanic p = PANICKING.get().peek();
    if (p == null || p.recovered) return null;
    p.recovered = true;
    return p.value;
  }

  /** Rethrows any throwable unchecked. */
  @SuppressWarnings("unchecked")
  public static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
