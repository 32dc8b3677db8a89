package gopl.runtime.conc;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pending {@link Timer}s, a binary min-heap on deadline with each timer's index kept in the
 * timer (O(log n) stop and reset), and the thread that fires them. See package-info.java.
 *
 * <p>The timer thread is a daemon started on demand; it exits after a second without timers (a
 * program run in-process leaves nothing behind). It counts as a foreign thread (see {@link G}):
 * timer functions never block, and the pending timers themselves are what deadlock detection
 * counts. Lock order: this queue's lock is never held while a timer function runs.
 */
final class TimerQueue {
  private TimerQueue() {}

  private static final long IDLE_EXIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** Longer delays are clamped (about 146 years) so deadlines never overflow. */
  private static final long MAX_DELAY = 1L << 62;

  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Condition CHANGED = LOCK.newCondition();
  private static Timer[] heap = new Timer[16];
  private static int size;
  private static boolean threadRunning;

  static boolean schedule(Timer t, long delayNanos, long periodNanos) {
    long now = System.nanoTime();
    LOCK.lock();
    try {
      boolean wasPending = t.index >= 0;
      t.when = now + Math.min(Math.max(delayNanos, 0), MAX_DELAY);
      t.period = Math.max(periodNanos, 0);
      if (wasPending) {
        siftUp(t.index);
        siftDown(t.index);
      } else {
        Sched.timerAdded();
        add(t);
      }
      if (heap[0] == t) CHANGED.signal();
      if (!threadRunning) startThread();
      return wasPending;
    } finally {
      LOCK.unlock();
    }
  }

  static boolean cancel(Timer t) {
    LOCK.lock();
    try {
      if (t.index < 0) return false;
      removeAt(t.index);
    } finally {
      LOCK.unlock();
    }
    Sched.timerDone();
    return true;
  }

  static boolean isPending(Timer t) {
    LOCK.lock();
    try {
      return t.index >= 0;
    } finally {
      LOCK.unlock();
    }
  }

  // ---------------------------------------------------------------- the timer thread

  private static void startThread() {
    threadRunning = true;
    Thread th = new Thread(TimerQueue::loop, "gopl-timers");
    th.setDaemon(true);
    th.start();
  }

  private static void loop() {
    G.install(G.foreign());
    try {
      for (;;) {
        Due due = nextDue();
        if (due == null) return;
        try {
          due.timer.f.run();
        } catch (Throwable t) {
          if (Go.quietExit(t)) throw t;
          Go.go(() -> { throw gopl.runtime.Defers.sneaky(t); }); // crashes the program as a goroutine panic
        } finally {
          if (due.oneShot) Sched.timerDone(); // may report a deadlock; a periodic timer stays pending
        }
      }
    } catch (Throwable t) {
      // the program exited on this thread (a deadlock found when the last timer expired)
      LOCK.lock();
      threadRunning = false;
      LOCK.unlock();
      if (!Go.quietExit(t)) throw t;
    }
  }

  /** A timer to fire now; a one-shot timer is no longer pending (its count drops after f). */
  private record Due(Timer timer, boolean oneShot) {}

  /** Waits for the first timer to be due and unqueues it (re-queues a periodic one); null to exit. */
  private static Due nextDue() {
    LOCK.lock();
    try {
      long idleSince = System.nanoTime();
      for (;;) {
        long now = System.nanoTime();
        if (size == 0) {
          if (now - idleSince >= IDLE_EXIT_NANOS) {
            threadRunning = false;
            return null;
          }
          CHANGED.awaitNanos(IDLE_EXIT_NANOS - (now - idleSince));
          continue;
        }
        idleSince = now;
        Timer t = heap[0];
        long wait = t.when - now;
        if (wait > 0) {
          CHANGED.awaitNanos(wait);
          continue;
        }
        if (t.period > 0) {
          // spec of time.Ticker: "It adjusts the intervals or drops ticks to make up for slow receivers."
          long late = now - t.when;
          t.when += t.period * (1 + late / t.period);
          siftDown(0);
          return new Due(t, false);
        }
        removeAt(0);
        return new Due(t, true);
      }
    } catch (InterruptedException e) {
      threadRunning = false;
      return null;
    } finally {
      LOCK.unlock();
    }
  }

  // ---------------------------------------------------------------- heap

  private static void add(Timer t) {
    if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
    heap[size] = t;
    t.index = size;
    size++;
    siftUp(size - 1);
  }

  private static void removeAt(int i) {
    Timer t = heap[i];
    size--;
    Timer last = heap[size];
    heap[size] = null;
    t.index = -1;
    if (i < size) {
      heap[i] = last;
      last.index = i;
      siftUp(i);
      siftDown(last.index);
    }
  }

  private static void siftUp(int i) {
    Timer t = heap[i];
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (heap[p].when <= t.when) break;
      heap[i] = heap[p];
      heap[i].index = i;
      i = p;
    }
    heap[i] = t;
    t.index = i;
  }

  private static void siftDown(int i) {
    Timer t = heap[i];
    for (;;) {
      int c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heap[c + 1].when < heap[c].when) c++;
      if (heap[c].when >= t.when) break;
      heap[i] = heap[c];
      heap[i].index = i;
      i = c;
    }
    heap[i] = t;
    t.index = i;
  }
}
