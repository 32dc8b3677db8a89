package gopl.runtime.conc;

import static gopl.runtime.conc.ConcTesting.awaitLatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sleep, timers, tickers and AfterFunc with Go's time-package semantics. Bounds are generous. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimerTest {
  private static final long MS = 1_000_000L;

  @BeforeAll
  static void guard() {
    ConcTesting.guardExit();
  }

  private static AtomicLong seq = new AtomicLong();

  @Test
  void testSleep_atLeastTheDuration() {
    long t0 = System.nanoTime();
    Timers.sleep(30 * MS);
    assertTrue(System.nanoTime() - t0 >= 30 * MS);
    Timers.sleep(-5); // returns at once
  }

  @Test
  void testTimer_firesOnceAfterDelay() {
    Chan c = Chan.make(1);
    long t0 = System.nanoTime();
    Timer t = Timers.startSendTimer(c, seq::incrementAndGet, 30 * MS, 0);
    Chan.recv(c);
    assertTrue(System.nanoTime() - t0 >= 30 * MS);
    assertFalse(t.pending());
    assertFalse(t.stop(), "Stop of an expired timer must return false");
    Timers.sleep(50 * MS);
    assertEquals(0, Chan.len(c), "a one-shot timer fired twice");
  }

  @Test
  void testTimer_stopBeforeFiringPreventsIt() {
    Chan c = Chan.make(1);
    // Long enough that the stop below always comes first, even on a loaded machine.
    Timer t = Timers.startSendTimer(c, seq::incrementAndGet, 10_000 * MS, 0);
    assertTrue(t.stop());
    assertFalse(t.stop());
    Timers.sleep(100 * MS);
    assertSame(Chan.NONE, Chan.tryRecv(c));
  }

  @Test
  void testTimer_resetReschedules() {
    Chan c = Chan.make(1);
    Timer t = Timers.startSendTimer(c, seq::incrementAndGet, 10_000 * MS, 0);
    long t0 = System.nanoTime();
    assertTrue(t.reset(20 * MS, 0), "Reset of an active timer returns true");
    Chan.recv(c);
    long took = System.nanoTime() - t0;
    assertTrue(took >= 20 * MS && took < 5_000 * MS, "took " + took);
    assertFalse(t.reset(10 * MS, 0), "Reset of an expired timer returns false");
    Chan.recv(c); // fires again
  }

  @Test
  void testTicker_deliversAndDropsTicksForSlowReceiver() {
    Chan c = Chan.make(1);
    AtomicInteger fired = new AtomicInteger();
    Timer t = Timers.startSendTimer(c, fired::incrementAndGet, 10 * MS, 10 * MS);
    for (int i = 0; i < 3; i++) Chan.recv(c);
    Timers.sleep(100 * MS); // ~10 ticks pass; the channel holds at most one
    assertEquals(1, Chan.len(c));
    assertTrue(fired.get() >= 5, "fired " + fired.get());
    assertTrue(t.stop());
    Chan.tryRecv(c);
    int after = fired.get();
    Timers.sleep(60 * MS);
    assertEquals(after, fired.get(), "a stopped ticker kept ticking");
    assertSame(Chan.NONE, Chan.tryRecv(c));
  }

  @Test
  void testTickerLoopThatStops() throws Exception {
    // for { select { case <-tick.C: n++; if n == 5 { tick.Stop(); close(done) } case <-done: return } }
    Chan tick = Chan.make(1);
    Timer t = Timers.startSendTimer(tick, seq::incrementAndGet, 5 * MS, 5 * MS);
    Chan done = Chan.make(0);
    int[] n = new int[1];
    CountDownLatch l = ConcTesting.goLatch(() -> {
      for (;;) {
        Select s = new Select(2).recv(tick).recv(done);
        if (s.select(false) == 1) return;
        if (++n[0] == 5) {
          t.stop();
          Chan.close(done);
        }
      }
    });
    awaitLatch(l);
    assertEquals(5, n[0]);
    assertFalse(t.pending());
  }

  @Test
  void testAfterFunc_runsInItsOwnGoroutineAndCanBeStopped() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    Thread[] on = new Thread[1];
    Timers.afterFunc(10 * MS, () -> {
      on[0] = Thread.currentThread();
      ran.countDown();
    });
    assertTrue(ran.await(10, TimeUnit.SECONDS));
    assertTrue(on[0].isVirtual(), "AfterFunc's f must run on a goroutine");
    AtomicInteger never = new AtomicInteger();
    Timer t = Timers.afterFunc(50 * MS, never::incrementAndGet);
    assertTrue(t.stop());
    Timers.sleep(100 * MS);
    assertEquals(0, never.get());
  }

  @Test
  void testManyTimers_fireInDeadlineOrder() {
    Chan c = Chan.make(100, 0L);
    for (int i = 9; i >= 0; i--) {
      long v = i;
      new Timer(() -> Chan.trySend(c, v)).start((i + 1) * 15 * MS, 0);
    }
    for (long i = 0; i < 10; i++) assertEquals(i, Chan.recv(c));
  }
}
