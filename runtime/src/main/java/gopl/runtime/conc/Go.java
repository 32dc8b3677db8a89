package gopl.runtime.conc;

import gopl.runtime.GoPanic;
import gopl.runtime.Rt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Goroutines on virtual threads (see package-info.java): the {@code go} statement, {@code
 * runtime.Gosched} and {@code runtime.NumGoroutine}.
 *
 * <p>Guarantees: spec "Go statements": "The function value and parameters are evaluated as usual
 * in the calling goroutine, but unlike with a regular call, program execution does not wait for
 * the invoked function to complete" — generated code evaluates them and passes a closure over the
 * results. Goroutine threads are daemons: the program ends when {@code main.main} returns whatever
 * goroutines still run. A panic that leaves a goroutine's function crashes the whole program with
 * Go's {@code panic: ...} output and exit status 2 (printed once even if several goroutines panic
 * at the same time; the others stop where they are, as Go's other threads freeze during a crash).
 */
public final class Go {
  private Go() {}

  static {
    // The JDK's root thread container tracks every virtual thread in a ConcurrentHashMap (for
    // thread dumps) unless told otherwise: an add and a remove per goroutine (measured: a third of
    // the CPU time of spawning 300,000 goroutines). The property is read once, when the first
    // thread after start-up is created, which is after this class is initialised; a value given
    // on the command line is respected. (Reusing ended goroutine threads through a
    // LinkedTransferQueue hand-off, Go's free list of g's, was tried and cost twice as much.)
    if (System.getProperty("jdk.trackAllThreads") == null) System.setProperty("jdk.trackAllThreads", "false");
  }

  private static final ThreadFactory VIRTUAL = Thread.ofVirtual().factory();

  /**
   * Goroutines started but not yet taken by a worker (Go's global run queue), FIFO. A goroutine in
   * it is runnable: {@link Sched} counted it when it was queued.
   */
  private static final ConcurrentLinkedQueue<G> RUNQ = new ConcurrentLinkedQueue<>();

  /** Workers serving {@link #RUNQ}: virtual threads that run queued goroutines one after another. */
  private static final AtomicInteger WORKERS = new AtomicInteger();

  /** At most this many workers serve the run queue at a time (the carrier pool's parallelism). */
  private static final int MAX_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * {@code go f(args)}: runs {@code body} (f applied to the already evaluated args) on a new goroutine.
   *
   * <p>The goroutine is queued, not given a thread of its own: up to {@link #MAX_WORKERS} worker
   * virtual threads take goroutines from the queue and run each to its end, so a goroutine that
   * never blocks costs a queue node instead of a virtual thread's creation, start, mount and
   * termination (spawning and joining 100,000 goroutines in a warm JVM: ~0.3 µs each instead of
   * ~1-2 µs). A goroutine that
   * is about to block keeps the worker's thread for itself and hands the queue to a new worker
   * ({@link #blocking}), so a blocked goroutine never holds up the ones queued behind it — the
   * model is Go's: an M that blocks gives its P to another M.
   */
  public static void go(Runnable body) {
    G g = G.newGoroutine(body);
    Sched.spawned();
    RUNQ.offer(g);
    if (WORKERS.get() < MAX_WORKERS) startWorker();
  }

  /** Starts one more worker unless {@link #MAX_WORKERS} are running. */
  private static void startWorker() {
    for (;;) {
      int n = WORKERS.get();
      if (n >= MAX_WORKERS) return;
      if (WORKERS.compareAndSet(n, n + 1)) break;
    }
    VIRTUAL.newThread(Go::work).start();
  }

  /**
   * A worker's loop: runs queued goroutines until the queue is empty (then the thread ends, as
   * parking idle workers and waking them again costs more than starting a new one), or until the
   * goroutine it runs blocked and so kept this thread (the thread ends with that goroutine).
   */
  private static void work() {
    for (;;) {
      G g = RUNQ.poll();
      if (g == null) {
        WORKERS.decrementAndGet();
        // A goroutine queued after the poll may have seen this worker still counted and started
        // none: look again after the decrement (the queue's offer happens before its check).
        if (RUNQ.isEmpty() || !reattach()) return;
        continue;
      }
      // No check of Sched.dying() here: a worker that returned without running its goroutine
      // would strand the queue, and an in-process harness that shares the runtime's classes
      // between runs (the crash enumerator cuts the power with a quiet Error, which marks the
      // program dying) would find every later goroutine unrun. A goroutine started while the
      // program exits runs until the exit ends the process, as one did on its own thread.
      Runnable body = g.body;
      g.body = null;
      g.onWorker = true;
      try {
        run(g, body);
      } catch (Throwable t) {
        if (g.onWorker) handOff(g); // this thread ends: its place and the queue go to another worker
        throw t;
      }
      if (!g.onWorker) return; // g blocked and kept this thread; another worker serves the queue
    }
  }

  /** A retiring worker that found the queue non-empty counts itself in again, if there is room. */
  private static boolean reattach() {
    for (;;) {
      int n = WORKERS.get();
      if (n >= MAX_WORKERS) return false;
      if (WORKERS.compareAndSet(n, n + 1)) return true;
    }
  }

  /**
   * The calling goroutine is about to block (park in {@link Sleeper}, sleep, wait for I/O or a
   * signal): if it runs on a worker, it keeps the thread and the run queue gets another worker, so
   * goroutines queued behind it still start. Every blocking point of the runtime and of the
   * standard library's intrinsics calls this first; a no-op on a goroutine's second block.
   */
  public static void blocking() {
    G g = G.current();
    if (g.onWorker) handOff(g);
  }

  static void handOff(G g) {
    g.onWorker = false;
    WORKERS.decrementAndGet();
    if (!RUNQ.isEmpty()) startWorker();
  }

  private static void run(G g, Runnable body) {
    G.install(g);
    try {
      try {
        body.run();
      } catch (Throwable t) {
        crash(t);
      }
      Sched.exited(g); // may report a deadlock: this was the last goroutine that could run
    } catch (Throwable t) {
      if (!quietExit(t)) throw t;
    }
  }

  /**
   * An unrecovered panic left a goroutine: the whole program ends (the first crash prints, later
   * ones freeze). A JVM exception that is no Go panic is a compiler or runtime bug: it is printed
   * with its stack trace as a fatal error, so the program ends instead of hanging.
   */
  private static void crash(Throwable t) {
    try {
      if (quietExit(t)) {
        Sched.beginDying();
        return;
      }
      if (!Sched.beginDying()) freeze();
      if (GoPanic.of(t) != null || t instanceof StackOverflowError) {
        Rt.crash(t); // prints panic: ... and exits 2
        return;
      }
      java.io.StringWriter trace = new java.io.StringWriter();
      t.printStackTrace(new java.io.PrintWriter(trace));
      gopl.runtime.Sys.out.flush();
      gopl.runtime.Sys.write(gopl.runtime.Sys.err, "fatal error: unexpected JVM exception in goroutine\n" + trace);
      gopl.runtime.Sys.exit(2);
    } catch (Throwable exit) {
      if (!quietExit(exit)) throw exit;
    }
  }

  /**
   * Whether t is how an in-process harness unwinds a thread that called {@code Sys.exit} (its exit
   * handler throws an Error without a stack trace, COMMON.md contract 5): the program is over and
   * this goroutine ends quietly.
   */
  static boolean quietExit(Throwable t) {
    return t instanceof Error && !(t instanceof VirtualMachineError) && t.getStackTrace().length == 0;
  }

  /** Parks the calling thread for good (the program is exiting on another thread). */
  private static void freeze() {
    for (;;) java.util.concurrent.locks.LockSupport.park();
  }

  /**
   * Runs {@code mainBody} (package initialisation and {@code main.main}) as goroutine 1 on a
   * virtual thread and waits for it; a throwable escaping it is rethrown here, so the generated
   * {@code main(String[])} keeps handling it with {@code Rt.crash}. Optional: main may just as
   * well run on the JVM's main thread; but a channel handoff between a platform thread and a
   * goroutine costs an OS wake-up (tens of microseconds on a loaded machine) where one between
   * two goroutines costs about a microsecond. A virtual thread's stack is limited by the JVM's
   * {@code -Xss} (the launcher should pass a large one, e.g. {@code -Xss512m}, for deep
   * recursion), while the caller's own thread may have been created with a larger stack.
   */
  public static void runMain(Runnable mainBody) {
    Throwable[] escaped = new Throwable[1];
    Thread t = VIRTUAL.newThread(() -> {
      G.installMain();
      try {
        mainBody.run();
      } catch (Throwable e) {
        escaped[0] = e;
      }
    });
    t.start();
    boolean interrupted = false;
    for (;;) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    if (escaped[0] != null) throw gopl.runtime.Defers.sneaky(escaped[0]);
  }

  /** {@code runtime.Gosched()}: yields the processor, allowing other goroutines to run. */
  public static void gosched() {
    G g = G.current();
    // Yielding only lets other threads run: goroutines still queued get a worker of their own.
    if (g.onWorker && !RUNQ.isEmpty()) handOff(g);
    Thread.yield();
  }

  /** {@code runtime.NumGoroutine()}: the number of goroutines that currently exist. */
  public static int numGoroutine() {
    return Sched.numGoroutine();
  }
}
