package gopl.runtime.conc;

import static gopl.runtime.conc.ConcTesting.awaitLatch;
import static gopl.runtime.conc.ConcTesting.eventually;
import static gopl.runtime.conc.ConcTesting.goFuture;
import static gopl.runtime.conc.ConcTesting.goLatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.runtime.GoPanic;
import gopl.runtime.PanicPrinter;
import gopl.runtime.RuntimeError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Channel semantics (spec "Channel types", "Send statements", "Receive operator", "Close"). */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChanTest {
  @BeforeAll
  static void guard() {
    ConcTesting.guardExit();
  }

  private static GoPanic panicOf(ExecutionException e) {
    return (GoPanic) e.getCause();
  }

  @Test
  void testUnbuffered_sendCompletesOnlyWhenReceived() throws Exception {
    Chan ch = Chan.make(0, 0L);
    CountDownLatch sent = goLatch(() -> Chan.send(ch, 42L));
    assertFalse(sent.await(100, TimeUnit.MILLISECONDS), "unbuffered send returned without a receiver");
    assertEquals(42L, Chan.recv(ch));
    awaitLatch(sent);
  }

  @Test
  void testBuffered_fifoLenCap() throws Exception {
    Chan ch = Chan.make(3, 0L);
    Chan.send(ch, 1L);
    Chan.send(ch, 2L);
    assertEquals(2, Chan.len(ch));
    assertEquals(3, Chan.cap(ch));
    Chan.send(ch, 3L);
    assertFalse(Chan.trySend(ch, 4L), "a full buffer accepted a value");
    CountDownLatch fourth = goLatch(() -> Chan.send(ch, 4L));
    eventually("the sender blocks", () -> !ch.sendq.isEmpty());
    assertEquals(1L, Chan.recv(ch)); // makes room: the blocked sender's value goes to the tail
    awaitLatch(fourth);
    assertEquals(List.of(2L, 3L, 4L), List.of(Chan.recv(ch), Chan.recv(ch), Chan.recv(ch)));
    assertEquals(0, Chan.len(ch));
    assertSame(Chan.NONE, Chan.tryRecv(ch));
  }

  @Test
  void testClose_drainsBufferThenZeroAndNotOk() {
    Chan ch = Chan.make(2, 0L);
    Chan.send(ch, 5L);
    Chan.close(ch);
    assertEquals(5L, Chan.recv2(ch));
    assertSame(Chan.CLOSED, Chan.recv2(ch));
    assertEquals(0L, Chan.recv(ch));
    assertSame(Chan.CLOSED, Chan.tryRecv(ch));
  }

  @Test
  void testClose_releasesEveryBlockedReceiver() throws Exception {
    Chan ch = Chan.make(0, "");
    List<CompletableFuture<Object>> rs = new ArrayList<>();
    for (int i = 0; i < 10; i++) rs.add(goFuture(() -> Chan.recv2(ch)));
    eventually("receivers block", () -> Sched.numGoroutine() >= 10 && queued(ch.recvq) == 10);
    Chan.close(ch);
    for (CompletableFuture<Object> r : rs) assertSame(Chan.CLOSED, r.get(10, TimeUnit.SECONDS));
  }

  private static int queued(WaitQ q) {
    // WaitQ has no size; count by probing through a snapshot of the links
    int n = 0;
    try {
      java.lang.reflect.Field f = WaitQ.class.getDeclaredField("first");
      f.setAccessible(true);
      for (Waiter w = (Waiter) f.get(q); w != null; w = w.next) n++;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return n;
  }

  @Test
  void testClose_blockedSenderPanics() throws Exception {
    Chan ch = Chan.make(0, 0L);
    CompletableFuture<Object> s = goFuture(() -> {
      Chan.send(ch, 1L);
      return "sent";
    });
    eventually("the sender blocks", () -> !ch.sendq.isEmpty());
    Chan.close(ch);
    ExecutionException e = assertThrows(ExecutionException.class, () -> s.get(10, TimeUnit.SECONDS));
    assertSame(ChanPanics.SEND_ON_CLOSED, panicOf(e).value);
  }

  @Test
  void testPanics_haveGoValuesAndTexts() {
    Chan ch = Chan.make(1, 0L);
    Chan.close(ch);
    GoPanic send = assertThrows(GoPanic.class, () -> Chan.send(ch, 1L));
    assertEquals("send on closed channel", PanicPrinter.text(send.value));
    assertEquals("runtime.plainError", ((RuntimeError) send.value).goTypeName);
    GoPanic again = assertThrows(GoPanic.class, () -> Chan.close(ch));
    assertEquals("close of closed channel", PanicPrinter.text(again.value));
    GoPanic nil = assertThrows(GoPanic.class, () -> Chan.close(null));
    assertEquals("close of nil channel", PanicPrinter.text(nil.value));
    assertThrows(GoPanic.class, () -> Chan.trySend(ch, 1L));
    GoPanic size = assertThrows(GoPanic.class, () -> Chan.make(-1, 0L));
    assertEquals("makechan: size out of range", PanicPrinter.text(size.value));
  }

  @Test
  void testNil_lenCapZeroAndNonBlockingOpsNeverProceed() {
    assertEquals(0, Chan.len(null));
    assertEquals(0, Chan.cap(null));
    assertFalse(Chan.trySend(null, 1L));
    assertSame(Chan.NONE, Chan.tryRecv(null));
  }

  @Test
  void testNil_blocksForever() throws Exception {
    CountDownLatch l = goLatch(() -> Chan.recv(null));
    assertFalse(l.await(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void testRange_receivesUntilClosed() throws Exception {
    Chan ch = Chan.make(0, 0L);
    Go.go(() -> {
      for (long i = 0; i < 100; i++) Chan.send(ch, i);
      Chan.close(ch);
    });
    long sum = 0;
    int n = 0;
    for (Object v; (v = Chan.recv2(ch)) != Chan.CLOSED; n++) sum += (Long) v;
    assertEquals(100, n);
    assertEquals(4950, sum);
  }

  @Test
  void testProducerConsumer_everyValueExactlyOnce() throws Exception {
    int producers = 8;
    int consumers = 8;
    int perProducer = 5_000;
    for (int cap : new int[] {0, 1, 64}) {
      Chan work = Chan.make(cap, 0L);
      Chan done = Chan.make(0, 0L);
      AtomicLong sum = new AtomicLong();
      AtomicLong count = new AtomicLong();
      for (int p = 0; p < producers; p++) {
        long base = (long) p * perProducer;
        Go.go(() -> {
          for (long i = 0; i < perProducer; i++) Chan.send(work, base + i);
          Chan.send(done, 1L);
        });
      }
      CountDownLatch consumed = new CountDownLatch(consumers);
      for (int c = 0; c < consumers; c++) {
        Go.go(() -> {
          for (Object v; (v = Chan.recv2(work)) != Chan.CLOSED; ) {
            sum.addAndGet((Long) v);
            count.incrementAndGet();
          }
          consumed.countDown();
        });
      }
      for (int p = 0; p < producers; p++) Chan.recv(done);
      Chan.close(work);
      awaitLatch(consumed);
      long n = (long) producers * perProducer;
      assertEquals(n, count.get(), "cap " + cap);
      assertEquals(n * (n - 1) / 2, sum.get(), "cap " + cap);
    }
  }

  @Test
  void testPingPong_manyRoundTrips() throws Exception {
    Chan ping = Chan.make(0, 0L);
    Chan pong = Chan.make(0, 0L);
    int rounds = 50_000;
    Go.go(() -> {
      for (Object v; (v = Chan.recv2(ping)) != Chan.CLOSED; ) Chan.send(pong, (Long) v + 1);
    });
    long x = 0;
    for (int i = 0; i < rounds; i++) {
      Chan.send(ping, x);
      x = (Long) Chan.recv(pong);
    }
    Chan.close(ping);
    assertEquals(rounds, x);
  }
}
