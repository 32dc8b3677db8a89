package gopl.repl;

/**
 * The cooperative stop of a running cell. {@link CellInstrumenter} puts a call to {@link #poll}
 * before every backward jump of every class a cell defines, so a loop that never calls anything
 * still notices Ctrl-C; {@link #request} makes every poll throw {@link Stop}, which is no Go panic
 * (it runs no defers and {@code recover} does not see it, docs/codegen.md "Panics") and carries no
 * stack trace (goroutines stopped by it end quietly, COMMON.md contract 5).
 *
 * <p>Cells of one JVM run one at a time, so one flag serves every session of the JVM.
 */
public final class Interrupts {
  private Interrupts() {}

  private static volatile boolean requested;

  /** Thrown by {@link #poll} in every thread of the cell once a stop was requested. */
  public static final class Stop extends Error {
    Stop() {
      super("interrupted", null, false, false);
    }
  }

  /** Called by instrumented code on each loop iteration. */
  public static void poll() {
    if (requested) throw new Stop();
  }

  static void request() {
    requested = true;
  }

  static void clear() {
    requested = false;
  }

  static boolean requested() {
    return requested;
  }
}
