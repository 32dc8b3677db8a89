package gopl.repl;

/**
 * Where a session's time goes, per phase of an input (docs/repl.md "Latency"): nanoseconds summed
 * since the last {@link #reset}. Read by {@code :time} and by the latency probe; written only by
 * the session (the cell thread's part is published by the cell's Future).
 */
final class Phases {
  /** The phases of an input, in pipeline order. */
  enum Phase {
    /** Parsing the input and the session's files that changed. */
    PARSE,
    /** Type-checking the session program (twice for a statement input). */
    CHECK,
    /** Generating the classes of the session's main package (and of newly imported std packages). */
    CODEGEN,
    /** Defining, instrumenting and initialising the cell's classes, handing variables over. */
    LOAD,
    /** Running the cell. */
    RUN
  }

  private final long[] nanos = new long[Phase.values().length];

  /** Adds the time since {@code startNanos} (a System.nanoTime) to phase p; returns now. */
  long add(Phase p, long startNanos) {
    long now = System.nanoTime();
    nanos[p.ordinal()] += now - startNanos;
    return now;
  }

  long nanos(Phase p) {
    return nanos[p.ordinal()];
  }

  void reset() {
    java.util.Arrays.fill(nanos, 0);
  }
}
