package gopl.runtime.conc;

import static gopl.runtime.conc.ConcTesting.awaitLatch;
import static gopl.runtime.conc.ConcTesting.eventually;
import static gopl.runtime.conc.ConcTesting.goFuture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.runtime.GoPanic;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** select (spec "Select statements"): readiness, default, random choice, blocking, contention. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectTest {
  @BeforeAll
  static void guard() {
    ConcTesting.guardExit();
  }

  @Test
  void testDefault_whenNothingIsReady() {
    Chan a = Chan.make(0, 0L);
    Chan full = Chan.make(1, 0L);
    Chan.send(full, 1L);
    assertEquals(-1, new Select(3).recv(a).send(full, 2L).recv(null).select(true));
    assertEquals(-1, new Select(0).select(true));
  }

  @Test
  void testReadyCases_receiveSendAndClosed() {
    Chan a = Chan.make(1, 0L);
    Chan b = Chan.make(1, "");
    Chan.send(a, 7L);
    Chan.send(b, "x");
    Select s = new Select(2).recv(null).recv(a);
    assertEquals(1, s.select(false));
    assertEquals(7L, s.value());
    assertTrue(s.ok());
    Chan space = Chan.make(1, 0L);
    assertEquals(0, new Select(2).send(space, 3L).recv(Chan.make(0)).select(true));
    assertEquals(3L, Chan.recv(space));
    Chan.close(b);
    Select c = new Select(1).recv(b);
    assertEquals(0, c.select(false));
    assertEquals("x", c.value());
    assertEquals(0, c.select(false));
    assertFalse(c.ok());
    assertEquals("", c.value());
  }

  @Test
  void testSendToClosed_panicsEvenWithDefault() {
    Chan a = Chan.make(0, 0L);
    Chan.close(a);
    GoPanic p = assertThrows(GoPanic.class, () -> new Select(1).send(a, 1L).select(true));
    assertSame(ChanPanics.SEND_ON_CLOSED, p.value);
  }

  @Test
  void testBlockedSend_panicsWhenChannelIsClosed() throws Exception {
    Chan a = Chan.make(0, 0L);
    Chan b = Chan.make(0, 0L);
    CompletableFuture<Integer> f = goFuture(() -> new Select(2).send(a, 1L).recv(b).select(false));
    eventually("the select blocks", () -> !a.sendq.isEmpty());
    Chan.close(a);
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertSame(ChanPanics.SEND_ON_CLOSED, ((GoPanic) e.getCause()).value);
    assertTrue(b.recvq.isEmpty(), "the select's other waiter was not unqueued");
  }

  @Test
  void testBlocked_wokenByOneCaseAndUnqueuedFromOthers() throws Exception {
    Chan a = Chan.make(0, 0L);
    Chan b = Chan.make(0, 0L);
    Select s = new Select(2).recv(a).recv(b);
    CompletableFuture<Integer> f = goFuture(() -> s.select(false));
    eventually("the select blocks", () -> !a.recvq.isEmpty() && !b.recvq.isEmpty());
    Chan.send(b, 9L);
    assertEquals(1, f.get(10, TimeUnit.SECONDS));
    assertEquals(9L, s.value());
    assertTrue(a.recvq.isEmpty() && b.recvq.isEmpty());
    assertFalse(Chan.trySend(a, 1L), "a stale select waiter took a value");
  }

  @Test
  void testFairness_uniformAmongReadyCases() {
    Chan a = Chan.make(1, 0L);
    Chan b = Chan.make(1, 0L);
    Chan c = Chan.make(1, 0L);
    int[] hits = new int[3];
    int n = 30_000;
    for (int i = 0; i < n; i++) {
      Chan.trySend(a, 1L);
      Chan.trySend(b, 1L);
      Chan.trySend(c, 1L);
      hits[new Select(3).recv(a).recv(b).recv(c).select(false)]++;
    }
    for (int h : hits) assertTrue(h > n / 3 * 0.9 && h < n / 3 * 1.1, java.util.Arrays.toString(hits));
  }

  @Test
  void testFanIn_withTimeout() throws Exception {
    int sources = 4;
    int each = 200;
    Chan[] cs = new Chan[sources];
    for (int i = 0; i < sources; i++) {
      Chan c = cs[i] = Chan.make(0, 0L);
      long base = i * 1000L;
      Go.go(() -> {
        for (int k = 0; k < each; k++) Chan.send(c, base + k);
      });
    }
    BitSet seen = new BitSet();
    int timeouts = 0;
    for (;;) {
      Chan timeout = Chan.make(1);
      Timer t = Timers.startSendTimer(timeout, () -> "timeout", 300_000_000L, 0);
      Select s = new Select(sources + 1);
      for (Chan c : cs) s.recv(c);
      s.recv(timeout);
      int i = s.select(false);
      t.stop();
      if (i == sources) {
        timeouts++;
        break;
      }
      long v = (Long) s.value();
      assertFalse(seen.get((int) v), "duplicate " + v);
      seen.set((int) v);
    }
    assertEquals(sources * each, seen.cardinality());
    assertEquals(1, timeouts);
  }

  /** Many goroutines in selects over shared channels on both ends: every value once, no lost wake-up. */
  @Test
  void testContention_selectsOnBothEnds() throws Exception {
    int chans = 4;
    int senders = 16;
    int receivers = 16;
    int perSender = 2_000;
    Chan[] cs = new Chan[chans];
    for (int i = 0; i < chans; i++) cs[i] = Chan.make(i % 2, 0L); // unbuffered and 1-buffered
    Chan quit = Chan.make(0, 0L);
    AtomicInteger[] got = new AtomicInteger[senders * perSender];
    for (int i = 0; i < got.length; i++) got[i] = new AtomicInteger();
    CountDownLatch sent = new CountDownLatch(senders);
    for (int s = 0; s < senders; s++) {
      int base = s * perSender;
      Go.go(() -> {
        for (int k = 0; k < perSender; k++) {
          long v = base + k;
          Select sel = new Select(chans);
          for (Chan c : cs) sel.send(c, v);
          sel.select(false);
        }
        sent.countDown();
      });
    }
    CountDownLatch stopped = new CountDownLatch(receivers);
    for (int r = 0; r < receivers; r++) {
      Go.go(() -> {
        for (;;) {
          Select sel = new Select(chans + 1);
          for (Chan c : cs) sel.recv(c);
          sel.recv(quit);
          int i = sel.select(false);
          if (i == chans) break;
          got[(int) (long) (Long) sel.value()].incrementAndGet();
        }
        stopped.countDown();
      });
    }
    awaitLatch(sent);
    Chan.close(quit);
    awaitLatch(stopped);
    for (Chan c : cs) { // a 1-buffered channel may still hold a value nobody took before quit
      for (Object v; (v = Chan.tryRecv(c)) != Chan.NONE; ) got[(int) (long) (Long) v].incrementAndGet();
    }
    for (int i = 0; i < got.length; i++) assertEquals(1, got[i].get(), "value " + i);
  }

  /** close racing with sends: each blocked select completes exactly one case, none is lost. */
  @Test
  void testContention_closeRacesWithSendsToBlockedSelects() throws Exception {
    for (int round = 0; round < 20; round++) {
      Chan a = Chan.make(0, 0L);
      Chan b = Chan.make(0, 0L);
      int receivers = 30;
      AtomicInteger fromA = new AtomicInteger();
      AtomicInteger closedB = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(receivers);
      for (int r = 0; r < receivers; r++) {
        Go.go(() -> {
          Select s = new Select(2).recv(a).recv(b);
          if (s.select(false) == 0) fromA.incrementAndGet();
          else if (!s.ok()) closedB.incrementAndGet();
          done.countDown();
        });
      }
      CountDownLatch sent = ConcTesting.goLatch(() -> {
        for (int i = 0; i < 10; i++) Chan.send(a, 1L); // each send completes only when a select took it
      });
      Timers.sleep(round % 3 * 1_000_000L);
      awaitLatch(sent);
      Chan.close(b);
      awaitLatch(done);
      assertEquals(10, fromA.get(), "round " + round);
      assertEquals(receivers - 10, closedB.get(), "round " + round);
      assertTrue(a.recvq.isEmpty() && b.recvq.isEmpty());
    }
  }

  @Test
  void testSameChannelBothDirections_pairsWithAnotherGoroutine() throws Exception {
    Chan c = Chan.make(0, 0L);
    CompletableFuture<Integer> f1 = goFuture(() -> new Select(2).send(c, 1L).recv(c).select(false));
    CompletableFuture<Integer> f2 = goFuture(() -> new Select(2).send(c, 2L).recv(c).select(false));
    int a = f1.get(10, TimeUnit.SECONDS);
    int b = f2.get(10, TimeUnit.SECONDS);
    assertEquals(1, a + b, "one must send and the other receive");
  }

  @Test
  void testSelectNoCases_blocksForever() throws Exception {
    CountDownLatch l = ConcTesting.goLatch(Select::block);
    assertFalse(l.await(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void testDefaultOnly_returnsImmediately() {
    assertEquals(-1, new Select(1).recv(null).select(true));
  }

  @Test
  void testPollOrderCoversEveryCase() throws Exception {
    // each case of a select over three ready channels is chosen at least once in 300 tries
    Chan a = Chan.make(300, 0L);
    for (int i = 0; i < 300; i++) Chan.send(a, 1L);
    int[] hits = new int[3];
    for (int i = 0; i < 300; i++) hits[new Select(3).recv(a).recv(a).recv(a).select(false)]++;
    for (int h : hits) assertTrue(h > 0, java.util.Arrays.toString(hits));
    awaitLatch(new CountDownLatch(0));
  }
}
