package gopl.stdlib.internal.sched;

import gopl.runtime.conc.Go;

/** Java intrinsics behind package runtime's scheduler functions. */
public final class Natives {
  private Natives() {}

  /** The GOMAXPROCS setting: initially the number of CPUs, as in Go. */
  private static int maxProcs = Runtime.getRuntime().availableProcessors();

  public static long NumGoroutine() {
    return Go.numGoroutine();
  }

  public static void Gosched() {
    Go.gosched();
  }

  public static void GC() {
    System.gc();
  }

  public static long NumCPU() {
    return Runtime.getRuntime().availableProcessors();
  }

  public static synchronized long GOMAXPROCS(long n) {
    int prev = maxProcs;
    if (n >= 1) maxProcs = (int) Math.min(n, Integer.MAX_VALUE);
    return prev;
  }
}
