package gopl.stdlib.transaction;

import gopl.runtime.persist.PRt;

/** Java intrinsics of package transaction: a TX handle drives the goroutine's transaction. */
public final class Natives {
  private Natives() {}

  public static void begin(String mode) {
    PRt.txnBegin(mode);
  }

  public static void end() {
    PRt.txnEnd();
  }

  public static void abort() {
    PRt.txnAbort();
  }
}
