package gopl.runtime.conc;

import gopl.runtime.GoPanic;
import gopl.runtime.Rt;
import gopl.runtime.Sys;
import gopl.runtime.sync.Cond;
import gopl.runtime.sync.Mutex;
import gopl.runtime.sync.Once;
import gopl.runtime.sync.RWMutex;
import gopl.runtime.sync.WaitGroup;

/**
 * Small "programs" run in a child JVM by the tests of whole-program behaviour (deadlock reports,
 * crashes, fatal errors, exit status): each is what the Go program in its comment compiles to,
 * with main's body on the JVM's main thread as a compiled program has it.
 */
public final class Scenarios {
  private Scenarios() {}

  public static void main(String[] args) {
    try {
      run(args[0]);
    } catch (Throwable t) {
      Rt.crash(t);
    }
    Rt.exitMain();
  }

  private static void println(String s) {
    Sys.write(Sys.out, s + "\n");
  }

  private static void run(String name) {
    switch (name) {
      // ch := make(chan int); go func() { ch <- 1; ch <- 2 }(); <-ch; <-ch; <-ch
      case "recvAfterSenderExits" -> {
        Chan ch = Chan.make(0, 0L);
        Go.go(() -> {
          Chan.send(ch, 1L);
          Chan.send(ch, 2L);
        });
        Chan.recv(ch);
        Chan.recv(ch);
        Chan.recv(ch);
      }
      // var mu sync.Mutex; mu.Lock(); go func() { select {} }(); mu.Lock()
      case "mutexAndSelectNoCases" -> {
        Mutex mu = new Mutex();
        mu.Lock();
        Go.go(Select::block);
        mu.Lock();
      }
      // var wg sync.WaitGroup; wg.Add(1); c := sync.NewCond(&sync.Mutex{}); go func() { ((Mutex) c.L).Lock(); c.Wait() }()
      // go func() { var ch chan int; ch <- 1 }(); go func() { var ch chan int; select { case <-ch: case ch <- 1: } }()
      // wg.Wait()
      case "manyReasons" -> {
        WaitGroup wg = new WaitGroup();
        wg.Add(1);
        Cond c = new Cond(new Mutex());
        Go.go(() -> {
          ((Mutex) c.L).Lock();
          c.Wait();
        });
        Go.go(() -> Chan.send(null, 1L));
        Go.go(() -> new Select(2).recv(null).send(null, 1L).select(false));
        Timers.sleep(100_000_000L); // let them park first, so the report lists all of them
        wg.Wait();
      }
      // main run as a virtual-thread goroutine (Go.runMain) that waits for a goroutine that waits for it
      case "runMainDeadlock" -> Go.runMain(() -> {
        Chan a = Chan.make(0, 0L);
        Chan b = Chan.make(0, 0L);
        Go.go(() -> {
          Chan.recv(a);
          Chan.send(b, 1L);
        });
        Chan.recv(b);
      });
      // var ch chan int; <-ch
      case "nilRecv" -> Chan.recv(null);
      // a ring of goroutines each in a select over two channels nobody else uses
      case "selectRing" -> {
        Chan a = Chan.make(0);
        Chan b = Chan.make(0);
        for (int i = 0; i < 3; i++) Go.go(() -> new Select(2).recv(a).recv(b).select(false));
        new Select(2).send(a, 1L).send(b, 2L).select(false); // should succeed: someone receives
        println("sent");
        new Select(2).send(a, 1L).send(b, 2L).select(false);
        new Select(2).send(a, 1L).send(b, 2L).select(false);
        println("sent all");
        new Select(1).recv(a).select(false); // nobody left: deadlock
      }
      // var once sync.Once; once.Do(func() { once.Do(func() {}) })
      case "onceReentry" -> {
        Once once = new Once();
        once.Do(() -> once.Do(() -> {}));
      }
      // go func() { time.Sleep(200ms); ch <- 1 }(); fmt.Println(<-ch)
      case "sleeperIsNoDeadlock" -> {
        Chan ch = Chan.make(0, 0L);
        Go.go(() -> {
          Timers.sleep(200_000_000L);
          Chan.send(ch, 7L);
        });
        println("got " + Chan.recv(ch));
      }
      // <-time.After(200ms) with every other goroutine blocked forever
      case "timerIsNoDeadlock" -> {
        Go.go(Select::block);
        Chan c = Chan.make(1);
        Timers.startSendTimer(c, () -> "tick", 200_000_000L, 0);
        println("got " + Chan.recv(c));
      }
      // time.AfterFunc(100ms, func() { ch <- 1 }); <-ch
      case "afterFuncWakes" -> {
        Chan ch = Chan.make(0, 0L);
        Timers.afterFunc(100_000_000L, () -> Chan.send(ch, 1L));
        println("got " + Chan.recv(ch));
      }
      // t := time.NewTimer(1h); go func() { time.Sleep(100ms); t.Stop() }(); <-t.C
      case "stoppedTimerDeadlocks" -> {
        Chan c = Chan.make(1);
        Timer t = Timers.startSendTimer(c, () -> "never", 3_600_000_000_000L, 0);
        Go.go(() -> {
          Timers.sleep(100_000_000L);
          t.stop();
        });
        Chan.recv(c);
      }
      // go func() { panic("boom") }(); select {}
      case "goroutinePanic" -> {
        Go.go(() -> {
          throw new GoPanic("boom");
        });
        Select.block();
      }
      // close(ch) on a nil channel in main
      case "closeNil" -> Chan.close(null);
      // var mu sync.Mutex; mu.Unlock()
      case "unlockUnlocked" -> new Mutex().Unlock();
      case "rUnlockUnlocked" -> new RWMutex().RUnlock();
      case "rwUnlockUnlocked" -> new RWMutex().Unlock();
      // main returns while goroutines still run (one spinning, one blocked)
      case "mainReturns" -> {
        Go.go(() -> {
          for (;;) Thread.onSpinWait();
        });
        Go.go(() -> Chan.recv(Chan.make(0)));
        println("bye");
      }
      // goroutines that end normally while main waits on a WaitGroup: no false report
      case "waitGroupOk" -> {
        WaitGroup wg = new WaitGroup();
        long[] sum = new long[1];
        Mutex mu = new Mutex();
        for (int i = 1; i <= 1000; i++) {
          long v = i;
          wg.Add(1);
          Go.go(() -> {
            mu.Lock();
            sum[0] += v;
            mu.Unlock();
            wg.Done();
          });
        }
        wg.Wait();
        println("sum " + sum[0]);
      }
      default -> throw new IllegalArgumentException(name);
    }
  }
}
