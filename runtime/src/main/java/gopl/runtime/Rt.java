package gopl.runtime;

/**
 * Program-level entry points called by the generated {@code main(String[])}: setting up {@code
 * os.Args}, ending the program when {@code main.main} returns, and turning an escaped throwable
 * into Go's crash output (exit status 2).
 */
public final class Rt {
  private Rt() {}

  /** Called first by the generated main: records the program arguments for os.Args. */
  public static void start(String[] args) {
    String[] a = new String[args.length + 1];
    a[0] = System.getProperty("gopl.program", "main");
    for (int i = 0; i < args.length; i++) a[i + 1] = GoStrings.fromJava(args[i]);
    Sys.args = a;
  }

  /** spec: "Program execution ... When that function invocation returns, the program exits." */
  public static void exitMain() {
    if (Sys.exitHandler == null && onlyDaemonsLeft()) {
      // Returning lets the JVM end as it does after main (shutdown hooks run, status 0) without
      // System.exit, which since JDK 21 first loads the System.Logger machinery to log the exit:
      // tens of milliseconds of every program's run. The generated main returns right after this.
      Sys.flush();
      return;
    }
    Sys.exit(0);
  }

  /**
   * True if no other platform thread would keep the JVM alive once main returns. Goroutines are
   * virtual threads and the runtime's own threads are daemons, so this holds unless native code
   * started a non-daemon thread; then {@link #exitMain} exits explicitly.
   */
  private static boolean onlyDaemonsLeft() {
    ThreadGroup g = Thread.currentThread().getThreadGroup();
    while (g.getParent() != null) g = g.getParent();
    Thread[] all = new Thread[g.activeCount() + 8];
    int n = g.enumerate(all, true);
    Thread self = Thread.currentThread();
    for (int i = 0; i < n; i++) {
      Thread t = all[i];
      if (t != self && !t.isDaemon() && t.isAlive() && !t.getName().equals("DestroyJavaVM")) return false;
    }
    return n < all.length;
  }

  /** Handles a throwable that escaped main.main or package initialisation. */
  public static void crash(Throwable t) {
    GoPanic p = GoPanic.of(t);
    if (p != null) {
      PanicPrinter.crash(p);
      return;
    }
    if (t instanceof StackOverflowError) {
      Sys.out.flush();
      Sys.write(Sys.err, "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n");
      Sys.exit(2);
      return;
    }
    throw Defers.sneaky(t);
  }
}
