package gopl.runtime.conc;

import gopl.runtime.Sys;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One blocking operation of one goroutine: the handshake between the goroutine that waits ({@link
 * #await}) and the one goroutine that wakes it ({@link #claim} then {@link #finish}). A select
 * shares one Sleeper among the waiters it queues on several channels, so "woken by exactly one"
 * is the {@link #claim} CAS: only its winner may hand over a value. See package-info.java.
 *
 * <p>States: {@code WAITING} (the waiter spins and is still counted as running), {@code PARKED}
 * (it parked and subtracted itself from {@link Sched}'s count), {@code PARKED_FOREIGN} (parked, but
 * a foreign thread that was never counted), {@code CLAIMED} (a waker won; it is writing the
 * result), {@code DONE} (the result is visible; the waiter may go). A waker that claims a {@code
 * PARKED} waiter counts it back in ({@link Sched#unparked}) before it can block itself.
 */
public final class Sleeper {
  private static final int WAITING = 0;
  private static final int PARKED = 1;
  private static final int PARKED_FOREIGN = 2;
  private static final int CLAIMED = 3;
  private static final int DONE = 4;

  /**
   * Busy-wait iterations before parking (default 0: a PAUSE costs ~40 ns, and on a loaded machine
   * spinning only delays the waker). Tunable with {@code -Dgopl.spins=N}.
   */
  private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? Integer.getInteger("gopl.spins", 0) : 0;

  /**
   * {@link Thread#yield} calls before parking, on virtual threads only (default 2). A yield lets the
   * carrier run the goroutine we have just woken — usually the one that will wake us (ping-pong) —
   * without the scheduler signalling another carrier; measured ~2x faster than parking at once.
   * Counted in a two-goroutine ping-pong (400,000 waits): with one yield 99.9% of the waits still
   * parked (the partner had been stolen by the other carrier and was not back yet), with two 1%.
   * On a platform thread a yield is an OS sched_yield, which only loses time, so none is done.
   */
  private static final int YIELDS = Integer.getInteger("gopl.yields", 2);

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Sleeper.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Thread thread = Thread.currentThread();

  @SuppressWarnings("unused") // accessed through STATE
  private volatile int state;

  /** For a select: the waiter whose case fired (written by the waker before {@link #finish}). */
  Waiter fired;

  /** A handshake owned by the calling thread (the one that will {@link #await}). */
  public Sleeper() {}

  /**
   * Called by a waker: wins the right to wake this sleeper, or returns false if another waker has
   * already won. The winner must call {@link #finish} (after writing any result).
   */
  public boolean claim() {
    for (;;) {
      int s = state;
      if (s >= CLAIMED) return false;
      if (STATE.compareAndSet(this, s, CLAIMED)) {
        if (s == PARKED) Sched.unparked();
        return true;
      }
    }
  }

  /** Publishes the claimed result and wakes the sleeper. */
  public void finish() {
    state = DONE;
    LockSupport.unpark(thread);
  }

  /** {@link #claim} then {@link #finish}; returns false if someone else had claimed. */
  public boolean wake() {
    if (!claim()) return false;
    finish();
    return true;
  }

  /** Whether a waker has finished with this sleeper. */
  public boolean done() {
    return state == DONE;
  }

  /**
   * Blocks the calling thread (the creator) until a waker has called {@link #finish}; {@code
   * reason} is the Go wait reason a deadlock report prints. May report the deadlock (and then not
   * return, or return only under a test exit handler that throws).
   */
  public void await(String reason) {
    for (int i = 0; i < SPINS; i++) {
      if (state == DONE) return;
      Thread.onSpinWait();
    }
    if (thread.isVirtual()) {
      for (int i = 0; i < YIELDS; i++) {
        if (state == DONE) return;
        Thread.yield();
      }
    }
    // Output is buffered (Sys) where Go writes at once: what was printed before a goroutine
    // blocks (a server's "ready" line) must be visible while it waits.
    Sys.flush();
    G g = G.current();
    if (g.onWorker) Go.handOff(g); // goroutines queued behind this one must still start
    if (STATE.compareAndSet(this, WAITING, g.counted ? PARKED : PARKED_FOREIGN)) {
      if (g.counted) {
        g.waitReason = reason;
        Sched.park(g);
        parkUntilDone();
        Sched.resumed(g);
        return;
      }
    }
    parkUntilDone();
  }

  private void parkUntilDone() {
    while (state != DONE) LockSupport.park(this);
  }

  /** Blocks the calling goroutine forever (nil channel operations, {@code select {}}). */
  public static void blockForever(String reason) {
    new Sleeper().await(reason);
    throw new IllegalStateException("unreachable: a goroutine blocked forever was woken");
  }
}
