package gopl.stdlib.runtime;

import gopl.runtime.persist.PRt;

/** Java intrinsics of package runtime (go-pmem's persistence primitives). */
public final class Natives {
  private Natives() {}

  public static boolean InPmem(long addr) {
    return PRt.inPmem(addr);
  }

  public static void FlushRange(Object p, long n) {
    PRt.flushRange(p, n);
  }

  public static void PersistRange(Object p, long n) {
    PRt.persistRange(p, n);
  }

  public static void Fence() {
    PRt.fence();
  }
}
