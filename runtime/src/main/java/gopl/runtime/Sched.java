package gopl.runtime;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The blocking layer shared by channels, select and the sync intrinsics: one program-wide lock
 * and condition (every state change signals all waiters, which re-check), plus Go's deadlock
 * detection: when every live goroutine is blocked here, the program dies with {@code fatal error:
 * all goroutines are asleep - deadlock!} (exit status 2), as Go's scheduler reports it.
 *
 * <p>Lock order: only {@link #LOCK}; callers never hold another lock while waiting.
 */
public final class Sched {
  private Sched() {}

  public static final ReentrantLock LOCK = new ReentrantLock();
  public static final Condition CHANGED = LOCK.newCondition();

  /** Live goroutines, main included. Guarded by LOCK. */
  private static int live = 1;

  /**
   * Goroutines waiting in {@link #await()} that have not been signalled since they began to wait
   * (a signalled waiter is about to re-check, so it is not asleep). Guarded by LOCK.
   */
  private static int blocked;

  /** Incremented by every {@link #changed()}. Guarded by LOCK. */
  private static long generation;

  static void started() {
    LOCK.lock();
    try {
      live++;
    } finally {
      LOCK.unlock();
    }
  }

  static void finished() {
    LOCK.lock();
    try {
      live--;
      checkDeadlock();
    } finally {
      LOCK.unlock();
    }
  }

  /** Waits for a state change; LOCK must be held. Detects global deadlock. */
  public static void await() {
    long gen = generation;
    blocked++;
    checkDeadlock();
    CHANGED.awaitUninterruptibly();
    if (generation == gen) blocked--; // spurious wake-up: still counted, undo our own count
  }

  /** Signals a state change; LOCK must be held. */
  public static void changed() {
    generation++;
    blocked = 0;
    CHANGED.signalAll();
  }

  private static void checkDeadlock() {
    if (live > 0 && blocked >= live) {
      Sys.out.flush();
      Sys.write(Sys.err, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n");
      Sys.exit(2);
    }
  }
}
