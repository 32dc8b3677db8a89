package gopl.runtime.conc;

import static gopl.runtime.conc.ConcTesting.awaitLatch;
import static gopl.runtime.conc.ConcTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The go statement, NumGoroutine, Gosched, runMain. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoTest {
  @BeforeAll
  static void guard() {
    ConcTesting.guardExit();
  }

  @Test
  void testNumGoroutine_countsLiveGoroutines() throws Exception {
    int before = Go.numGoroutine();
    Chan release = Chan.make(0);
    CountDownLatch done = new CountDownLatch(50);
    for (int i = 0; i < 50; i++) {
      Go.go(() -> {
        Chan.recv(release);
        done.countDown();
      });
    }
    assertTrue(Go.numGoroutine() >= before + 50);
    Chan.close(release);
    awaitLatch(done);
    eventually("goroutines end", () -> Go.numGoroutine() == before);
  }

  @Test
  void testGo_eachGoroutineHasItsOwnIdAndRunsOnAVirtualThread() throws Exception {
    long[] ids = new long[2];
    boolean[] virtual = new boolean[1];
    CountDownLatch l = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      int k = i;
      Go.go(() -> {
        ids[k] = G.current().id;
        virtual[0] = Thread.currentThread().isVirtual();
        Go.gosched();
        l.countDown();
      });
    }
    awaitLatch(l);
    assertTrue(ids[0] > 1 && ids[1] > 1 && ids[0] != ids[1]);
    assertTrue(virtual[0]);
  }

  @Test
  void testRunMain_rethrowsWhatEscapesMain() {
    RuntimeException boom = new RuntimeException("boom");
    RuntimeException got = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> Go.runMain(() -> {
      throw boom;
    }));
    assertEquals(boom, got);
    long[] sum = new long[1];
    Go.runMain(() -> {
      Chan c = Chan.make(0, 0L);
      Go.go(() -> {
        for (long i = 1; i <= 10; i++) Chan.send(c, i);
        Chan.close(c);
      });
      for (Object v; (v = Chan.recv2(c)) != Chan.CLOSED; ) sum[0] += (Long) v;
    });
    assertEquals(55, sum[0]);
  }
}
