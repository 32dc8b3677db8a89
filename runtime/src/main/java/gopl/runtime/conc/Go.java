package gopl.runtime.conc;

import gopl.runtime.GoPanic;
import gopl.runtime.Rt;
import java.util.concurrent.ThreadFactory;

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

  /** {@code go f(args)}: runs {@code body} (f applied to the already evaluated args) on a new goroutine. */
  public static void go(Runnable body) {
    G g = G.newGoroutine();
    Sched.spawned();
    VIRTUAL.newThread(() -> run(g, body)).start();
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
    Thread.yield();
  }

  /** {@code runtime.NumGoroutine()}: the number of goroutines that currently exist. */
  public static int numGoroutine() {
    return Sched.numGoroutine();
  }
}
