package gopl.repl;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Measures how long a simple expression takes from input to printed value after the first one
 * (issue 8: under 50 ms), over N inputs (default 100), and prints the distribution. A probe to run
 * by hand, not a test (DESIGN.md §5: no timed assertions):
 * {@code java -cp <test classpath> gopl.repl.LatencyProbe [N]}.
 */
public final class LatencyProbe {
  private LatencyProbe() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (Session s = new Session(quiet, System.err)) {
      long first = System.nanoTime();
      s.eval("x := 3");
      s.eval("x*2");
      System.out.printf("first inputs: %.1f ms%n", (System.nanoTime() - first) / 1e6);
      double[] ms = new double[n];
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        s.eval("x*" + i + " + len(\"abc\")");
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      double[] sorted = ms.clone();
      Arrays.sort(sorted);
      System.out.printf("%d inputs: min %.1f  p10 %.1f  median %.1f  p90 %.1f  p99 %.1f  max %.1f ms; mean %.1f ms; under 50 ms: %d%n",
          n, sorted[0], sorted[n / 10], sorted[n / 2], sorted[n * 9 / 10], sorted[Math.min(n - 1, n * 99 / 100)],
          sorted[n - 1], Arrays.stream(ms).average().orElse(0), Arrays.stream(ms).filter(v -> v < 50).count());
    }
  }
}
