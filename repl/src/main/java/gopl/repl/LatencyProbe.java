package gopl.repl;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Measures how long a simple expression takes from input to printed value after the first one
 * (issue 8: under 50 ms) over N inputs (default 100), and prints the distribution of the totals
 * and the median of each phase ({@link Phases}), and the process's CPU time per input (which a
 * loaded machine does not inflate as much as the wall time). A probe to run by hand, not a test (DESIGN.md
 * §5: no timed assertions): {@code tests/repl/latency.sh [N]}.
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
      System.out.printf("first two inputs: %.1f ms%n", (System.nanoTime() - first) / 1e6);
      double[] total = new double[n];
      double[] cpu = new double[n];
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      double[][] phase = new double[Phases.Phase.values().length][n];
      for (int i = 0; i < n; i++) {
        s.phases.reset();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        if (!s.eval("x*" + i + " + len(\"abc\")")) throw new IllegalStateException("input " + i + " failed");
        total[i] = (System.nanoTime() - t0) / 1e6;
        cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
        for (Phases.Phase p : Phases.Phase.values()) phase[p.ordinal()][i] = s.phases.nanos(p) / 1e6;
      }
      double[] sorted = total.clone();
      Arrays.sort(sorted);
      System.out.printf("%d inputs: min %.1f  p10 %.1f  median %.1f  p90 %.1f  max %.1f ms; under 50 ms: %d%n",
          n, sorted[0], sorted[n / 10], sorted[n / 2], sorted[n * 9 / 10], sorted[n - 1],
          Arrays.stream(total).filter(v -> v < 50).count());
      StringBuilder sb = new StringBuilder("median per phase:");
      for (Phases.Phase p : Phases.Phase.values()) {
        double[] v = phase[p.ordinal()].clone();
        Arrays.sort(v);
        sb.append(String.format("  %s %.1f", p.name().toLowerCase(java.util.Locale.ROOT), v[n / 2]));
      }
      System.out.println(sb.append(" ms").toString());
      double[] c = cpu.clone();
      Arrays.sort(c);
      System.out.printf("CPU time of the process per input (all threads: JIT and GC included): p10 %.1f  median %.1f  p90 %.1f ms%n",
          c[n / 10], c[n / 2], c[n * 9 / 10]);
      System.out.printf("load average: %s%n", loadAverage());
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
