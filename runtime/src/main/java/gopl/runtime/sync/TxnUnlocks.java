package gopl.runtime.sync;

import java.util.ArrayList;

/**
 * Two-phase locking inside txn blocks (DESIGN.md §2): while a goroutine is inside a txn block,
 * its {@code Unlock}/{@code RUnlock} calls on a {@code sync.Mutex}/{@code sync.RWMutex} (also in
 * callees, deferred calls and through interfaces) are postponed to the end of the outermost block
 * (commit or rollback), so every lock the transaction takes is held until its effects are final.
 * Driven by gopl.runtime.persist.PRt, which brackets each outermost txn block with {@link #begin}
 * and {@link #end}.
 *
 * <p>Guarantees: outside txn blocks an unlock costs one volatile read more; the postponed unlocks
 * run in the order they were called, on the goroutine's own thread, after the transaction ended.
 */
public final class TxnUnlocks {
  private TxnUnlocks() {}

  /** Goroutines currently inside a txn block (the fast path tests this for 0). */
  static volatile int active;

  private static final ThreadLocal<ArrayList<Runnable>> PENDING = new ThreadLocal<>();

  /** The calling goroutine enters its outermost txn block. */
  public static void begin() {
    if (PENDING.get() != null) return;
    PENDING.set(new ArrayList<>());
    synchronized (TxnUnlocks.class) {
      active++;
    }
  }

  /** The calling goroutine's outermost txn block ended: the postponed unlocks run now. */
  public static void end() {
    ArrayList<Runnable> p = PENDING.get();
    if (p == null) return;
    PENDING.remove();
    synchronized (TxnUnlocks.class) {
      active--;
    }
    for (Runnable r : p) r.run();
  }

  /** Postpones unlock if the calling goroutine is inside a txn block; false if it must run now. */
  static boolean postpone(Runnable unlock) {
    if (active == 0) return false;
    ArrayList<Runnable> p = PENDING.get();
    if (p == null) return false;
    p.add(unlock);
    return true;
  }
}
