package gopl.runtime.sync;

import gopl.runtime.GoStruct;
import gopl.runtime.RType;
import gopl.runtime.conc.Sched;
import gopl.runtime.conc.Sleeper;
import gopl.runtime.conc.WaitReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Go's {@code sync.Mutex}: "A Mutex is a mutual exclusion lock. The zero value for a Mutex is an
 * unlocked mutex." — {@code new Mutex()} is that zero value. "A locked Mutex is not associated
 * with a particular goroutine. It is allowed for one goroutine to lock a Mutex and then arrange
 * for another goroutine to unlock it."
 *
 * <p>Design, after Go's sync/mutex.go ("Mutex fairness"): a state word with a CAS fast path for
 * uncontended Lock/Unlock. Normal mode: a contended Lock spins briefly, then queues and parks
 * (counted as blocked in {@code semacquire} for deadlock detection); Unlock releases the lock and
 * wakes the oldest waiter (unless one woken waiter is still on its way), which then competes with
 * newly arriving goroutines — arrivals usually win, which keeps throughput high; a woken waiter
 * that loses goes back to the head of the queue. Starvation mode: once a waiter has waited more
 * than 1 ms, Unlock hands the lock directly to the head waiter (the lock is never seen free, so no
 * one barges) until the waiter that receives it is the last or waited less than 1 ms. Unlock of an
 * unlocked mutex is Go's unrecoverable {@code fatal error: sync: unlock of unlocked mutex}.
 */
public final class Mutex implements Locker, GoStruct {
  private static final int LOCKED = 1;
  /** A waiter has been woken in normal mode and not yet competed: Unlock wakes nobody else. */
  private static final int WOKEN = 2;
  /** Unlock hands the lock to the head waiter. */
  private static final int STARVING = 4;
  /** The rest of the word counts queued waiters. */
  private static final int WAITER = 8;

  private static final long STARVATION_NANOS = 1_000_000;
  private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 32 : 0;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Mutex.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile int state;

  /** Parked Lock callers, oldest first; guarded by this object's monitor. Created on first use. */
  private WaitList waiters;

  /** In starvation mode: the waiter the lock was handed to; guarded by the monitor. */
  private Sleeper handoff;

  /** The zero value: unlocked. */
  public Mutex() {}

  /** "Lock locks m. If the lock is already in use, the calling goroutine blocks until the mutex is available." */
  @Override
  public void Lock() {
    if (!STATE.compareAndSet(this, 0, LOCKED)) lockSlow();
  }

  /** "TryLock tries to lock m and reports whether it succeeded." */
  public boolean TryLock() {
    return tryBarge();
  }

  /** "Unlock unlocks m. It is a run-time error if m is not locked on entry to Unlock." */
  @Override
  public void Unlock() {
    if (TxnUnlocks.active != 0 && TxnUnlocks.postpone(this::Unlock)) return; // inside a txn block: at its end
    if (!STATE.compareAndSet(this, LOCKED, 0)) unlockSlow();
  }

  private boolean tryBarge() {
    int s = state;
    return (s & LOCKED) == 0 && STATE.compareAndSet(this, s, s | LOCKED);
  }

  private void lockSlow() {
    for (int i = 0; i < SPINS; i++) {
      if (tryBarge()) return;
      Thread.onSpinWait();
    }
    long start = 0;
    boolean woken = false;
    for (;;) {
      Sleeper me;
      synchronized (this) {
        if (woken) clear(WOKEN);
        if (enqueueOrAcquire()) return;
        me = new Sleeper();
        if (waiters == null) waiters = new WaitList();
        if (woken) {
          waiters.addFirst(me);
          if (System.nanoTime() - start > STARVATION_NANOS) set(STARVING);
        } else {
          waiters.add(me);
        }
      }
      if (start == 0) start = System.nanoTime();
      me.await(WaitReason.SEMACQUIRE);
      synchronized (this) {
        if (handoff == me) { // starvation mode: the lock is ours
          handoff = null;
          if (waiters.isEmpty() || System.nanoTime() - start < STARVATION_NANOS) clear(STARVING);
          return;
        }
      }
      woken = true; // normal mode: compete for the lock
    }
  }

  /** With the monitor held: takes the lock if it is free (true), else counts one more waiter. */
  private boolean enqueueOrAcquire() {
    for (;;) {
      int s = state;
      if ((s & LOCKED) == 0) {
        if (STATE.compareAndSet(this, s, s | LOCKED)) return true;
      } else if (STATE.compareAndSet(this, s, s + WAITER)) {
        return false;
      }
    }
  }

  /**
   * With LOCKED held by us and the monitor taken, nothing else changes the state word (arrivals
   * only CAS it while LOCKED is clear), and the waiter count equals the queue's length.
   */
  private void unlockSlow() {
    Sleeper next = null;
    synchronized (this) {
      for (;;) {
        int s = state;
        if ((s & LOCKED) == 0) {
          Sched.fatal("sync: unlock of unlocked mutex");
          return;
        }
        boolean queued = s >= WAITER;
        boolean starving = queued && (s & STARVING) != 0;
        boolean wake = starving || queued && (s & WOKEN) == 0;
        int ns;
        if (starving) ns = s - WAITER; // stays LOCKED: handed to the head waiter
        else if (wake) ns = ((s - WAITER) & ~LOCKED) | WOKEN;
        else ns = s & ~(LOCKED | STARVING);
        if (!STATE.compareAndSet(this, s, ns)) continue;
        if (wake) {
          next = waiters.poll();
          if (starving) handoff = next;
        }
        break;
      }
    }
    if (next != null) next.wake();
  }

  private void set(int bit) {
    for (;;) {
      int s = state;
      if (STATE.compareAndSet(this, s, s | bit)) return;
    }
  }

  private void clear(int bit) {
    for (;;) {
      int s = state;
      if (STATE.compareAndSet(this, s, s & ~bit)) return;
    }
  }

  /** A copy of this mutex's value (Go copies a Mutex like any struct): locked or not, no waiters. */
  @Override
  public Mutex copy() {
    Mutex m = new Mutex();
    m.state = state & LOCKED;
    return m;
  }

  // ---------------------------------------------------------------- the Go struct view (GoStruct)

  @Override
  public RType goType() {
    return SyncTypes.MUTEX_PTR;
  }

  @Override
  public RType structType() {
    return SyncTypes.MUTEX;
  }

  /** Go 1.19's fields: {@code state int32} (this class uses Go's encoding of it), {@code sema uint32}. */
  @Override
  public Object field(int i) {
    return switch (i) {
      case 0 -> state;
      case 1 -> 0;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public boolean goEquals(Object other) {
    return other instanceof Mutex m && m.state == state;
  }

  @Override
  public int goHash() {
    return state;
  }
}
