package gopl.stdlib.math.rand;

import gopl.runtime.LongSlice;

/** Java intrinsics of package math/rand (math/rand/*.gop): the rngCooked seeding table. */
public final class Natives {
  private Natives() {}

  private static long[] cooked;

  /** Go's rngCooked, computed once per program (a few milliseconds); callers get a copy. */
  public static synchronized LongSlice cooked() {
    if (cooked == null) cooked = Cooked.compute();
    return LongSlice.of(cooked.clone());
  }
}
