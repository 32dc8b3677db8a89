package gopl.stdlib.sync;

import gopl.runtime.GoPanic;
import gopl.runtime.Sched;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Java intrinsics of package sync: lock and wait-group state per object identity (weakly held),
 * guarded by the scheduler lock so that blocked goroutines take part in deadlock detection.
 */
public final class Natives {
  private Natives() {}

  private static final class State {
    boolean writer;
    int readers;
    long counter;
  }

  /** Guarded by Sched.LOCK. */
  private static final Map<Object, State> STATES = new WeakHashMap<>();

  private static State state(Object p) {
    return STATES.computeIfAbsent(p, k -> new State());
  }

  public static void lock(Object p, boolean read) {
    Sched.LOCK.lock();
    try {
      State s = state(p);
      if (read) {
        while (s.writer) Sched.await();
        s.readers++;
      } else {
        while (s.writer || s.readers > 0) Sched.await();
        s.writer = true;
      }
    } finally {
      Sched.LOCK.unlock();
    }
  }

  public static void unlock(Object p, boolean read) {
    Sched.LOCK.lock();
    try {
      State s = state(p);
      if (read) {
        if (s.readers == 0) throw fatal("sync: RUnlock of unlocked RWMutex");
        s.readers--;
      } else {
        if (!s.writer) throw fatal("sync: unlock of unlocked mutex");
        s.writer = false;
      }
      Sched.changed();
    } finally {
      Sched.LOCK.unlock();
    }
  }

  public static boolean tryLock(Object p) {
    Sched.LOCK.lock();
    try {
      State s = state(p);
      if (s.writer || s.readers > 0) return false;
      s.writer = true;
      return true;
    } finally {
      Sched.LOCK.unlock();
    }
  }

  public static void wgAdd(Object p, long delta) {
    Sched.LOCK.lock();
    try {
      State s = state(p);
      s.counter += delta;
      if (s.counter < 0) throw new GoPanic("sync: negative WaitGroup counter");
      if (s.counter == 0) Sched.changed();
    } finally {
      Sched.LOCK.unlock();
    }
  }

  public static void wgWait(Object p) {
    Sched.LOCK.lock();
    try {
      State s = state(p);
      while (s.counter > 0) Sched.await();
    } finally {
      Sched.LOCK.unlock();
    }
  }

  private static RuntimeException fatal(String msg) {
    gopl.runtime.Sys.out.flush();
    gopl.runtime.Sys.write(gopl.runtime.Sys.err, "fatal error: " + msg + "\n");
    gopl.runtime.Sys.exit(2);
    return new IllegalStateException(msg);
  }
}
