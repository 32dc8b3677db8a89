package gopl.runtime.conc;

import gopl.runtime.Sys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deadlock detection (Go's runtime.checkdead) by counting. See package-info.java for the overview.
 *
 * <p>One atomic word holds two counts: the low 32 bits count goroutines that are <em>not
 * parked</em> in a blocking operation of this runtime (running, runnable, sleeping, in I/O, or
 * spinning before they park), the high 32 bits count <em>pending timers</em> (each one may still
 * wake somebody). The word starts at 1: the main goroutine. The rules, each applied exactly once:
 *
 * <ol>
 *   <li>{@code go}: the spawning goroutine adds 1 before the new thread starts;
 *   <li>a goroutine about to park subtracts 1 ({@link #park}) after recording itself as blocked;
 *   <li>whoever wakes a parked goroutine adds 1 on its behalf <em>before</em> it can block itself
 *       ({@link #unparked}) — the woken goroutine never counts itself back;
 *   <li>a goroutine that ends subtracts 1 ({@link #exited});
 *   <li>a timer adds 1<<32 when it becomes pending and subtracts it after it fired or was stopped.
 * </ol>
 *
 * Whenever a subtraction leaves the whole word 0, no goroutine can run again and no timer can wake
 * one: that is Go's "all goroutines are asleep - deadlock!", reported once with the wait reason of
 * every goroutine, then exit status 2. Transient over-counts (a waker counting a goroutine back
 * before that goroutine has subtracted itself) never cause a false report; a report can only be
 * missed if a thread that is not a goroutine (see {@link G}) was the only one left to wake others,
 * which compiled programs do not do.
 */
public final class Sched {
  private Sched() {}

  private static final long TIMER = 1L << 32;

  /** Low half: goroutines not parked; high half: pending timers. */
  private static final AtomicLong STATE = new AtomicLong(1);

  /** Live goroutines (runtime.NumGoroutine), main included. */
  private static final AtomicInteger LIVE = new AtomicInteger(1);

  /**
   * Every live counted goroutine that has parked at least once (added at its first park, removed
   * when it ends: not at every park, which would cost two hash-set updates per channel hand-off).
   * Those of them whose {@code waitReason} is set are parked; when the state word is 0 that is
   * exactly the parked goroutines, since a goroutine sets its reason before it subtracts itself
   * and clears it only after it was counted back in.
   */
  private static final Set<G> PARKERS = ConcurrentHashMap.newKeySet();

  /** Set once the program is ending (crash, fatal error, deadlock): suppresses further reports. */
  private static final AtomicBoolean DYING = new AtomicBoolean();

  // ---------------------------------------------------------------- transitions

  static void spawned() {
    LIVE.incrementAndGet();
    STATE.incrementAndGet();
  }

  static void exited(G g) {
    if (g.parker) PARKERS.remove(g);
    LIVE.decrementAndGet();
    if (STATE.decrementAndGet() == 0) deadlock();
  }

  /** g is about to park: it is recorded as blocked, then uncounted (may report the deadlock). */
  static void park(G g) {
    if (!g.parker) {
      g.parker = true;
      PARKERS.add(g);
    }
    if (STATE.decrementAndGet() == 0) deadlock();
  }

  /** Called by g itself once it runs again (its waker has already counted it back). */
  static void resumed(G g) {
    g.waitReason = null;

  }

  /** Called by the waker of a parked (counted) goroutine, before the waker can block. */
  static void unparked() {
    STATE.incrementAndGet();
  }

  static void timerAdded() {
    STATE.addAndGet(TIMER);
  }

  static void timerDone() {
    if (STATE.addAndGet(-TIMER) == 0) deadlock();
  }

  /** runtime.NumGoroutine(). */
  public static int numGoroutine() {
    return LIVE.get();
  }

  // ---------------------------------------------------------------- fatal errors

  /**
   * Marks the program as ending; returns true for the first caller only. After this no deadlock is
   * reported (the goroutines unwinding or parking because of the exit would look like one).
   */
  static boolean beginDying() {
    return DYING.compareAndSet(false, true);
  }

  static boolean dying() {
    return DYING.get();
  }

  private static void deadlock() {
    if (!beginDying()) return;
    List<G> gs = new ArrayList<>();
    for (G g : PARKERS) if (g.waitReason != null) gs.add(g);
    gs.sort(Comparator.comparingLong(g -> g.id));
    StringBuilder sb = new StringBuilder("fatal error: all goroutines are asleep - deadlock!\n");
    for (G g : gs) {
      String reason = g.waitReason;
      sb.append("\ngoroutine ").append(g.id).append(" [").append(reason == null ? "runnable" : reason).append("]:\n");
      if (g.id == 1) sb.append("main.main()\n\t?:0\n");
    }
    die(sb.toString());
  }

  /**
   * Go's {@code throw}/{@code fatal}: prints {@code fatal error: msg} and the current goroutine
   * to Sys.err and exits with status 2. Not a panic: no deferred call runs, {@code recover}
   * cannot stop it. Returns only if the exit handler returns.
   */
  public static void fatal(String msg) {
    beginDying();
    G g = G.current();
    long id = g.id == 0 ? 1 : g.id;
    StringBuilder sb = new StringBuilder("fatal error: ").append(msg).append("\n\ngoroutine ").append(id).append(" [running]:\n");
    if (id == 1) sb.append("main.main()\n\t?:0\n");
    die(sb.toString());
  }

  private static void die(String text) {
    Sys.out.flush();
    Sys.write(Sys.err, text);
    Sys.exit(2);
  }
}
