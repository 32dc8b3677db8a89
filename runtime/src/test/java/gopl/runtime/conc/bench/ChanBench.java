package gopl.runtime.conc.bench;

import gopl.runtime.conc.Chan;
import gopl.runtime.conc.Go;
import gopl.runtime.sync.WaitGroup;

/**
 * A simple timing harness (not a test, not an assertion) for issue 5's concurrency benchmarks,
 * mirroring runtime/src/test/go/chanbench.go so the two can be compared in one run:
 * {@code java -cp runtime/target/classes:runtime/target/test-classes gopl.runtime.conc.bench.ChanBench}.
 * Prints ns per operation after a warm-up round: unbuffered ping-pong round trips between two
 * goroutines, spawning plus joining goroutines with a WaitGroup, and a Mutex-protected counter
 * hammered by 100 goroutines.
 */
public final class ChanBench {
  private ChanBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    for (int rep = 0; rep < 3; rep++) {
      System.out.printf("pingpong  %8.0f ns/roundtrip%n", onGoroutine(() -> pingPong(rounds)) / rounds);
      long t0 = System.nanoTime();
      pingPong(rounds / 10);
      System.out.printf("pingpong from a platform thread %8.0f ns/roundtrip%n", (System.nanoTime() - t0) / (rounds / 10.0));
      System.out.printf("spawnjoin %8.0f ns/goroutine%n", onGoroutine(() -> spawnJoin(100_000)) / 100_000);
      System.out.printf("mutex     %8.0f ns/lock (100 goroutines)%n", onGoroutine(() -> mutexHammer(100, 2000)) / 200_000);
    }
  }

  /** Runs body on a goroutine (as main.main would run) and returns its elapsed nanoseconds. */
  private static double onGoroutine(Runnable body) throws InterruptedException {
    long[] t = new long[1];
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Go.go(() -> {
      long t0 = System.nanoTime();
      body.run();
      t[0] = System.nanoTime() - t0;
      done.countDown();
    });
    done.await();
    return t[0];
  }

  private static void pingPong(int rounds) {
    Chan ping = Chan.make(0, 0L);
    Chan pong = Chan.make(0, 0L);
    Go.go(() -> {
      for (Object v; (v = Chan.recv2(ping)) != Chan.CLOSED; ) Chan.send(pong, v);
    });
    Long x = 0L;
    for (int i = 0; i < rounds; i++) {
      Chan.send(ping, x);
      x = (Long) Chan.recv(pong);
    }
    Chan.close(ping);
  }

  private static void mutexHammer(int goroutines, int each) {
    gopl.runtime.sync.Mutex mu = new gopl.runtime.sync.Mutex();
    long[] counter = new long[1];
    WaitGroup wg = new WaitGroup();
    wg.Add(goroutines);
    for (int g = 0; g < goroutines; g++) {
      Go.go(() -> {
        for (int i = 0; i < each; i++) {
          mu.Lock();
          counter[0]++;
          mu.Unlock();
        }
        wg.Done();
      });
    }
    wg.Wait();
    if (counter[0] != (long) goroutines * each) throw new AssertionError(counter[0]);
  }

  private static void spawnJoin(int n) {
    WaitGroup wg = new WaitGroup();
    wg.Add(n);
    for (int i = 0; i < n; i++) Go.go(wg::Done);
    wg.Wait();
  }
}
