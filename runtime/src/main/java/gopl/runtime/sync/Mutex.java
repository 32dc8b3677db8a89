package gopl.runtime.sync;

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
 * <p>Design: a state word (0 unlocked, 1 locked, 2 locked with waiters) with a CAS fast path for
 * uncontended Lock/Unlock; a contended Lock spins briefly, then queues and parks (counted as
 * blocked in {@code semacquire} for deadlock detection). Unlock with waiters hands the lock
 * directly to the oldest waiter (FIFO, like Go's starvation mode: no waiter starves). Unlock of
 * an unlocked mutex is Go's unrecoverable {@code fatal error: sync: unlock of unlocked mutex}.
 */
public final class Mutex implements Locker {
  private static final VarHandle STATE;
  private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 64 : 0;

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

  /** The zero value: unlocked. */
  public Mutex() {}

  /** "Lock locks m. If the lock is already in use, the calling goroutine blocks until the mutex is available." */
  @Override
  public void Lock() {
    if (!STATE.compareAndSet(this, 0, 1)) lockSlow();
  }

  /** "TryLock tries to lock m and reports whether it succeeded." */
  public boolean TryLock() {
    return STATE.compareAndSet(this, 0, 1);
  }

  /** "Unlock unlocks m. It is a run-time error if m is not locked on entry to Unlock." */
  @Override
  public void Unlock() {
    if (!STATE.compareAndSet(this, 1, 0)) unlockSlow();
  }

  private void lockSlow() {
    for (int i = 0; i < SPINS; i++) {
      if (state == 0 && STATE.compareAndSet(this, 0, 1)) return;
      Thread.onSpinWait();
    }
    Sleeper s;
    synchronized (this) {
      for (;;) {
        int st = state;
        if (st == 0) {
          if (STATE.compareAndSet(this, 0, 1)) return;
        } else if (st == 2 || STATE.compareAndSet(this, 1, 2)) {
          break;
        }
      }
      s = new Sleeper();
      if (waiters == null) waiters = new WaitList();
      waiters.add(s);
    }
    s.await(WaitReason.SEMACQUIRE); // the unlocker handed the lock to us
  }

  private void unlockSlow() {
    Sleeper next;
    synchronized (this) {
      int st = state;
      if (st == 0) {
        Sched.fatal("sync: unlock of unlocked mutex");
        return;
      }
      next = waiters == null ? null : waiters.poll();
      if (next == null) {
        state = 0;
        return;
      }
      if (waiters.isEmpty()) state = 1; // still locked: now owned by next
    }
    next.wake();
  }

  /** A copy of this mutex's value (Go copies a Mutex like any struct): locked or not, no waiters. */
  public Mutex copy() {
    Mutex m = new Mutex();
    m.state = state == 0 ? 0 : 1;
    return m;
  }
}
