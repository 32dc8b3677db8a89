package gopl.runtime.conc;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A goroutine's descriptor (Go's {@code g}): its id and, while it is parked in a blocking
 * operation, the wait reason that a deadlock report prints ({@code chan receive}, ...). See
 * package-info.java for the overview.
 *
 * <p>Guarantees: every goroutine started by {@link Go#go} has its own G, installed before its body
 * runs. {@link Go#runMain} makes its thread goroutine 1; otherwise the first platform thread that
 * asks for its G (normally the thread running {@code main.main}) becomes goroutine 1, the main
 * goroutine, which {@link Sched} counts from the start. Any later
 * thread that is not a goroutine (the timer thread, a test's helper thread) is <em>foreign</em>:
 * it may use channels and locks, but its blocking is not counted for deadlock detection.
 */
public final class G {
  private static final AtomicLong NEXT_ID = new AtomicLong(2);
  private static final AtomicBoolean MAIN_CLAIMED = new AtomicBoolean();
  private static final ThreadLocal<G> CURRENT = ThreadLocal.withInitial(G::forUnknownThread);

  /** Go's goroutine id: 1 for main, then increasing; 0 for foreign threads. */
  public final long id;

  /** Whether Sched counts this goroutine (false only for foreign threads). */
  final boolean counted;

  /** Whether {@link Sched} has registered this goroutine as one that parks (owner thread only). */
  boolean parker;

  /** Why this goroutine is parked (a Go wait reason), or null while it is not parked. */
  volatile String waitReason;

  /** The goroutine's function until a worker takes it from the run queue ({@link Go}). */
  Runnable body;

  /**
   * Whether this goroutine runs on a pooled worker thread that must go on to the run queue's next
   * goroutine when it ends; cleared when it blocks (the worker is handed off, see {@link
   * Go#blocking}). Written only by the thread running this goroutine.
   */
  boolean onWorker;

  private G(long id, boolean counted) {
    this.id = id;
    this.counted = counted;
  }

  /** A new goroutine's descriptor (called by the spawning thread). */
  static G newGoroutine() {
    return new G(NEXT_ID.getAndIncrement(), true);
  }

  /** A new goroutine's descriptor that will run {@code body}. */
  static G newGoroutine(Runnable body) {
    G g = new G(NEXT_ID.getAndIncrement(), true);
    g.body = body;
    return g;
  }

  /** The calling thread's descriptor. */
  public static G current() {
    return CURRENT.get();
  }

  /** Installs g as the calling thread's descriptor (goroutine bodies, the timer thread). */
  static void install(G g) {
    CURRENT.set(g);
  }

  /** Makes the calling thread goroutine 1 (used by {@link Go#runMain}). */
  static void installMain() {
    MAIN_CLAIMED.set(true);
    CURRENT.set(new G(1, true));
  }

  /** A descriptor for a thread that is not a goroutine and never counts (the timer thread). */
  static G foreign() {
    return new G(0, false);
  }

  private static G forUnknownThread() {
    // A virtual thread that Go.go did not start (so nobody counted it) must not become main.
    if (!Thread.currentThread().isVirtual() && MAIN_CLAIMED.compareAndSet(false, true)) return new G(1, true);
    return foreign();
  }

  @Override
  public String toString() {
    return "goroutine " + id;
  }
}
