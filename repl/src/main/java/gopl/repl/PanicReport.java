package gopl.repl;

/**
 * The text printed when an input ends with a Go panic (or a JVM error escaping generated code):
 * Go's {@code panic: ...} line, then the GoPL frames of the stack (function and line, innermost
 * first), so the session can go on. The panic value is formatted by the session's own runtime
 * ({@code PanicPrinter.text}, reached by reflection since the runtime classes are the session's);
 * an error of the persistent heap prints as a {@code panic: pmem: ...} with the heap's message.
 */
final class PanicReport {
  private PanicReport() {}

  static String of(Throwable t, CellRunner runner) {
    StringBuilder sb = new StringBuilder();
    try {
      Class<?> goPanic = runner.runtimeClass("gopl.runtime.GoPanic");
      Object p = goPanic.getMethod("of", Throwable.class).invoke(null, t);
      if (p != null) {
        sb.append(p.getClass().getMethod("getMessage").invoke(p));
      } else if (t.getClass().getName().equals("gopl.runtime.pmem.HeapException")) {
        // the persistent heap refused an operation, e.g. pmem.Get of a root whose type changed layout
        sb.append("panic: pmem: ").append(t.getMessage());
      } else if (t instanceof StackOverflowError) {
        sb.append("runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow");
      } else {
        sb.append("fatal error: ").append(t);
      }
    } catch (ReflectiveOperationException e) {
      sb.append("panic: ").append(t);
    }
    sb.append("\n\ngoroutine 1 [running]:\n");
    int shown = 0;
    for (StackTraceElement e : t.getStackTrace()) {
      // package classes are go.<path>.Pkg, and go.<path>.Pkg$F<i> for the functions of file i > 0
      String c = e.getClassName().replaceFirst("\\$F[0-9]+$", "");
      if (!c.startsWith("go.") || !c.endsWith(".Pkg") || e.getLineNumber() < 0) continue;
      String pkg = c.substring(3, c.length() - 4);
      String fn = e.getMethodName().equals(CellFiles.CELL_FUNC) ? "input" : e.getMethodName().replace('$', '.');
      boolean main = pkg.matches("main[0-9]*");
      if (main) pkg = "main";
      sb.append(pkg).append('.').append(fn).append("(...)\n\tline ").append(e.getLineNumber() - (main ? 1 : 0)).append('\n');
      if (++shown == 20) break;
    }
    return sb.toString();
  }
}
