package gopl.runtime.sync;

import static gopl.runtime.conc.ConcTesting.awaitLatch;
import static gopl.runtime.conc.ConcTesting.eventually;
import static gopl.runtime.conc.ConcTesting.goFuture;
import static gopl.runtime.conc.ConcTesting.goLatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.runtime.GoPanic;
import gopl.runtime.conc.ConcTesting;
import gopl.runtime.conc.Go;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** sync.Mutex, RWMutex, WaitGroup, Once, Cond with Go's semantics. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyncTest {
  @BeforeAll
  static void guard() {
    ConcTesting.guardExit();
  }

  @Test
  void testMutex_counterHammeredBy100Goroutines() throws Exception {
    Mutex mu = new Mutex();
    long[] counter = new long[1];
    WaitGroup wg = new WaitGroup();
    CountDownLatch done = new CountDownLatch(1);
    Go.go(() -> {
      for (int g = 0; g < 100; g++) {
        wg.Add(1);
        Go.go(() -> {
          for (int i = 0; i < 1000; i++) {
            mu.Lock();
            counter[0]++;
            mu.Unlock();
          }
          wg.Done();
        });
      }
      wg.Wait();
      done.countDown();
    });
    awaitLatch(done);
    assertEquals(100_000, counter[0]);
  }

  /** "Mutex fairness": a waiter is not starved by goroutines that keep re-locking (starvation mode). */
  @Test
  void testMutex_waiterIsNotStarvedByHammeringGoroutines() throws Exception {
    Mutex mu = new Mutex();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    CountDownLatch hammers = new CountDownLatch(4);
    for (int g = 0; g < 4; g++) {
      Go.go(() -> {
        while (!stop.get()) {
          mu.Lock();
          Thread.onSpinWait();
          mu.Unlock();
        }
        hammers.countDown();
      });
    }
    Thread.sleep(20);
    CountDownLatch got = goLatch(() -> {
      mu.Lock();
      stop.set(true); // the hammering ends only once this waiter got the lock
      mu.Unlock();
    });
    awaitLatch(got);
    awaitLatch(hammers);
    assertTrue(mu.TryLock());
  }

  @Test
  void testMutex_unlockFromAnotherGoroutine() throws Exception {
    Mutex mu = new Mutex();
    mu.Lock();
    CompletableFuture<String> second = goFuture(() -> {
      mu.Lock();
      return "locked";
    });
    assertFalse(mu.TryLock());
    Thread.sleep(50);
    assertFalse(second.isDone(), "Lock of a locked mutex returned");
    awaitLatch(goLatch(mu::Unlock)); // unlocked by a goroutine that never locked it
    assertEquals("locked", second.get(10, TimeUnit.SECONDS));
    mu.Unlock();
    assertTrue(mu.TryLock());
    assertTrue(mu.copy().TryLock() == false, "a copy of a locked mutex is locked");
  }

  @Test
  void testRWMutex_readersShareWritersExclude() throws Exception {
    RWMutex rw = new RWMutex();
    rw.RLock();
    assertTrue(goFuture(() -> rw.TryRLock()).get(10, TimeUnit.SECONDS), "a second reader was refused");
    assertFalse(rw.TryLock());
    CompletableFuture<String> writer = goFuture(() -> {
      rw.Lock();
      return "w";
    });
    Thread.sleep(50);
    assertFalse(writer.isDone());
    rw.RUnlock();
    rw.RUnlock(); // the reader taken by the goroutine; any goroutine may release it
    assertEquals("w", writer.get(10, TimeUnit.SECONDS));
    assertFalse(rw.TryRLock());
    rw.Unlock();
    assertTrue(rw.TryLock());
    rw.Unlock();
  }

  /** "If any goroutine calls Lock while the lock is already held by one or more readers, concurrent calls to RLock will block until the writer has acquired (and released) the lock." */
  @Test
  void testRWMutex_pendingWriterBlocksNewReaders() throws Exception {
    RWMutex rw = new RWMutex();
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    rw.RLock();
    CountDownLatch writerDone = goLatch(() -> {
      rw.Lock();
      order.add("writer");
      rw.Unlock();
    });
    eventually("the writer is pending", () -> {
      if (!rw.TryRLock()) return true;
      rw.RUnlock();
      return false;
    });
    CountDownLatch readerDone = goLatch(() -> {
      rw.RLock();
      order.add("late reader");
      rw.RUnlock();
    });
    Thread.sleep(50);
    assertTrue(order.isEmpty(), order.toString());
    rw.RUnlock();
    awaitLatch(writerDone);
    awaitLatch(readerDone);
    assertEquals(List.of("writer", "late reader"), order);
  }

  @Test
  void testRWMutex_manyReadersAndWritersKeepInvariant() throws Exception {
    RWMutex rw = new RWMutex();
    long[] pair = new long[2]; // writers keep pair[0] == pair[1]
    AtomicInteger bad = new AtomicInteger();
    WaitGroup wg = new WaitGroup();
    wg.Add(40);
    for (int g = 0; g < 40; g++) {
      boolean writer = g % 4 == 0;
      Go.go(() -> {
        for (int i = 0; i < 500; i++) {
          if (writer) {
            rw.Lock();
            pair[0]++;
            Thread.onSpinWait();
            pair[1]++;
            rw.Unlock();
          } else {
            rw.RLock();
            if (pair[0] != pair[1]) bad.incrementAndGet();
            rw.RUnlock();
          }
        }
        wg.Done();
      });
    }
    awaitLatch(goLatch(wg::Wait));
    assertEquals(0, bad.get());
    assertEquals(10 * 500, pair[0]);
  }

  @Test
  void testWaitGroup_tenThousandGoroutines() throws Exception {
    WaitGroup wg = new WaitGroup();
    AtomicInteger ran = new AtomicInteger();
    int n = 10_000;
    CountDownLatch waited = new CountDownLatch(3);
    for (int w = 0; w < 3; w++) { // several waiters are all released
      Go.go(() -> {
        wg.Wait();
        waited.countDown();
      });
    }
    wg.Add(n);
    for (int i = 0; i < n; i++) {
      Go.go(() -> {
        ran.incrementAndGet();
        wg.Done();
      });
    }
    awaitLatch(goLatch(wg::Wait));
    assertEquals(n, ran.get());
    awaitLatch(waited);
  }

  @Test
  void testWaitGroup_negativeCounterPanics() {
    WaitGroup wg = new WaitGroup();
    wg.Add(1);
    wg.Done();
    GoPanic p = assertThrows(GoPanic.class, wg::Done);
    assertEquals("sync: negative WaitGroup counter", p.value);
  }

  @Test
  void testOnce_runsExactlyOnceAndCallersWaitForIt() throws Exception {
    Once once = new Once();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch first = goLatch(() -> once.Do(() -> {
      calls.incrementAndGet();
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }));
    awaitLatch(inside);
    CountDownLatch second = goLatch(() -> once.Do(calls::incrementAndGet));
    assertFalse(second.await(50, TimeUnit.MILLISECONDS), "Do returned before the first f finished");
    release.countDown();
    awaitLatch(first);
    awaitLatch(second);
    assertEquals(1, calls.get());
  }

  @Test
  void testOnce_panickingFunctionCountsAsDone() {
    Once once = new Once();
    assertThrows(GoPanic.class, () -> once.Do(() -> {
      throw new GoPanic("first");
    }));
    once.Do(() -> {
      throw new AssertionError("f called twice");
    });
  }

  @Test
  void testCond_boundedQueueWithSignalAndBroadcast() throws Exception {
    Mutex mu = new Mutex();
    Cond notEmpty = new Cond(mu);
    Cond notFull = new Cond(mu);
    ArrayDeque<Integer> q = new ArrayDeque<>();
    int items = 5_000;
    long[] sum = new long[1];
    CountDownLatch consumers = new CountDownLatch(4);
    for (int c = 0; c < 4; c++) {
      Go.go(() -> {
        for (;;) {
          mu.Lock();
          while (q.isEmpty()) notEmpty.Wait();
          int v = q.poll();
          notFull.Signal();
          if (v < 0) {
            mu.Unlock();
            break;
          }
          sum[0] += v;
          mu.Unlock();
        }
        consumers.countDown();
      });
    }
    CountDownLatch producer = goLatch(() -> {
      for (int i = 1; i <= items + 4; i++) {
        mu.Lock();
        while (q.size() >= 8) notFull.Wait();
        q.add(i <= items ? i : -1);
        notEmpty.Signal();
        mu.Unlock();
      }
    });
    awaitLatch(producer);
    awaitLatch(consumers);
    assertEquals((long) items * (items + 1) / 2, sum[0]);
  }

  @Test
  void testCond_broadcastWakesEveryWaiter() throws Exception {
    Mutex mu = new Mutex();
    Cond c = new Cond(mu);
    boolean[] ready = new boolean[1];
    CountDownLatch woke = new CountDownLatch(10);
    AtomicInteger waiting = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      Go.go(() -> {
        mu.Lock();
        waiting.incrementAndGet();
        while (!ready[0]) c.Wait();
        mu.Unlock();
        woke.countDown();
      });
    }
    eventually("all wait", () -> waiting.get() == 10);
    awaitLatch(goLatch(() -> {
      mu.Lock();
      ready[0] = true;
      c.Broadcast();
      mu.Unlock();
    }));
    awaitLatch(woke);
  }

  @Test
  void testNotifyList_signalBeforeParkIsNotLost() {
    NotifyList nl = new NotifyList();
    long t = nl.add();
    nl.signal(); // between "unlock" and "park"
    nl.await(t); // returns at once
    nl.signal(); // nobody waiting: no-op
    long t2 = nl.add();
    assertEquals(t + 1, t2);
  }
}
