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
    Sys.exit(0);
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
