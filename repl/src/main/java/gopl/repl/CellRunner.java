package gopl.repl;

import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs a session's cells, one at a time, on the session's cell thread (a platform thread with a
 * deep stack, as {@code gopl run} gives main; it becomes goroutine 1 for the runtime), against the
 * session's own runtime classes ({@link RuntimeLoader}), which are reached by reflection.
 *
 * <p>Guarantees: {@link #run} returns when the cell ends: normally, by a Go panic or a JVM error
 * (returned, not thrown), by {@code os.Exit} (the exit handler unwinds the thread, COMMON.md
 * contract 5) or by {@link #interrupt}. An interrupted cell that does not stop within a second
 * (blocked outside instrumented code) is abandoned on its thread and a new cell thread is made.
 */
final class CellRunner implements AutoCloseable {
  /** How a cell ended: normally (all null/-1), with a throwable, by os.Exit, or interrupted. */
  record Outcome(Throwable thrown, int exitCode, boolean interrupted, boolean abandoned) {}

  /** A cell's body, run on the cell thread with the cell's class loader as context loader. */
  interface Body {
    void run() throws Throwable;
  }

  private static final long STACK_BYTES = 512L << 20;

  final RuntimeLoader runtime;
  private final Class<?> sys;
  private final MethodHandle flush;
  private ExecutorService executor;
  private volatile Thread cellThread;
  private final AtomicReference<Integer> exitCode = new AtomicReference<>();
  /** Whether a cell's body is running now (tests wait for it before they interrupt). */
  private volatile boolean running;

  CellRunner(PrintStream out, PrintStream err) {
    runtime = new RuntimeLoader(CellRunner.class.getClassLoader());
    try {
      sys = Class.forName("gopl.runtime.Sys", true, runtime);
      sys.getField("out").set(null, out);
      sys.getField("err").set(null, err);
      IntConsumer handler = code -> {
        exitCode.compareAndSet(null, code);
        Thread t = cellThread;
        Interrupts.request();
        if (t != null && t != Thread.currentThread()) t.interrupt();
        throw new Interrupts.Stop();
      };
      sys.getField("exitHandler").set(null, handler);
      flush = MethodHandles.publicLookup().findStatic(sys, "flush", MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the GoPL runtime is not on the class path", e);
    }
    executor = newExecutor();
  }

  private ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(null, r, "gopl-cell", STACK_BYTES);
      t.setDaemon(true);
      cellThread = t;
      return t;
    });
  }

  /** A class of the session's runtime (for reflection). */
  Class<?> runtimeClass(String name) throws ClassNotFoundException {
    return Class.forName(name, true, runtime);
  }

  /** Runs body on the cell thread and waits for it; Ctrl-C goes through {@link #interrupt}. */
  Outcome run(ClassLoader context, Body body) {
    Interrupts.clear();
    exitCode.set(null);
    Thread.interrupted(); // a stale interrupt status of the calling thread is no stop request
    Future<Throwable> f = executor.submit(() -> {
      Thread.currentThread().setContextClassLoader(context);
      running = true;
      try {
        body.run();
        return null;
      } catch (Throwable t) {
        return t;
      } finally {
        running = false;
        flushQuietly();
      }
    });
    Throwable thrown;
    try {
      thrown = waitFor(f);
    } catch (TimeoutException e) {
      executor.shutdownNow();
      executor = newExecutor();
      flushQuietly();
      return new Outcome(null, -1, true, true);
    }
    Integer code = exitCode.get();
    if (code != null) return new Outcome(null, code, false, false);
    if (thrown instanceof Interrupts.Stop) return new Outcome(null, -1, true, false);
    return new Outcome(thrown, -1, false, false);
  }

  private Throwable waitFor(Future<Throwable> f) throws TimeoutException {
    boolean stopping = false;
    long stopDeadline = 0;
    for (;;) {
      if (!stopping && Interrupts.requested()) {
        stopping = true;
        stopDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        Thread t = cellThread;
        if (t != null) t.interrupt();
      }
      try {
        return f.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // a stopped cell that does not end within a second is abandoned; else poll the flag again
        if (stopping && System.nanoTime() - stopDeadline > 0) throw e;
      } catch (InterruptedException e) {
        // not a stop request (Ctrl-C comes through interrupt()): a terminal library's stray
        // interrupt of the reading thread must not stop the cell
      } catch (ExecutionException e) {
        return e.getCause();
      }
    }
  }

  /** Whether a cell is running (compiled, loaded and started) now. */
  boolean running() {
    return running;
  }

  /** Ctrl-C: stop the running cell (its loops poll the flag; blocked calls get a thread interrupt). */
  void interrupt() {
    Interrupts.request();
  }

  void flushQuietly() {
    try {
      flush.invokeExact();
    } catch (Throwable ignored) {
      // the session's output stream failed; nothing to report it to
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
