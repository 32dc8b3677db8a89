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
 * goroutine and marks it recovered; nil when there is none, and nil when recover is not called
 * directly by a deferred function that this panic is running (spec: "recover was not called
 * directly by a deferred function"). The generator names each defer's thunk {@code defer$N}; the
 * check walks the stack: recover's caller must be called by such a thunk (value-method bridges
 * {@code T$M$p} and hidden lambda frames in between are skipped) which
 * {@link #runPanicking} called.
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
    if (p == null || p.recovered || !calledByDeferredCall()) return null;
    p.recovered = true;
    return p.value;
  }

  private static final StackWalker WALKER = StackWalker.getInstance();

  /** True if recover's caller is a function that runPanicking is running as a deferred call. */
  private static boolean calledByDeferredCall() {
    return WALKER.walk(frames -> {
      java.util.Iterator<StackWalker.StackFrame> it =
          frames.dropWhile(fr -> fr.getClassName().equals(Defers.class.getName())).iterator();
      if (!it.hasNext()) return false;
      it.next(); // the function that called recover
      StackWalker.StackFrame fr = null;
      while (it.hasNext()) {
        fr = it.next();
        if (!fr.getMethodName().endsWith("$p")) break;
      }
      if (fr == null || !fr.getMethodName().startsWith("defer$") || !it.hasNext()) return false;
      StackWalker.StackFrame runner = it.next();
      return runner.getClassName().equals(Defers.class.getName()) && runner.getMethodName().equals("runPanicking");
    });
  }

  /** Rethrows any throwable unchecked. */
  @SuppressWarnings("unchecked")
  public static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
