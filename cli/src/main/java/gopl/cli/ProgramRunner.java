package gopl.cli;

import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * Runs a compiled program inside this JVM, in its own {@link ProgramClassLoader}, and reports how
 * it ended: the status it passed to {@code os.Exit} (through {@code gopl.runtime.Sys.exit}), 0 if
 * {@code main} returned, or a crash (a JVM exception that escaped the program: a compiler or
 * runtime bug) or a time-out. The program's {@code Sys.out}/{@code Sys.err} are replaced by the
 * given streams when they are non-null. {@code Sys.exitHandler} is set to a handler that records the
 * status and throws {@link ProgramExit} to unwind the exiting thread (COMMON.md contract 5), so an
 * exit from any goroutine ends the run. A program that times out is left running on its daemon
 * thread (a JVM thread cannot be killed); its loader is otherwise unreachable.
 *
 * <p>The runtime is reached by reflection because the program's {@code gopl.runtime.Sys} is its
 * own copy, not the class this module was compiled against.
 */
public final class ProgramRunner {
  private static final String SYS = "gopl.runtime.Sys";
  /** Go's goroutine stacks grow to 1 GB; give main a deep stack (reserved, committed lazily). */
  private static final long MAIN_STACK_BYTES = 512L << 20;

  private ProgramRunner() {}

  /** How a run ended. {@code crash} is non-null only for an escaped JVM exception. */
  public record Outcome(int exitCode, boolean timedOut, Throwable crash) {}

  /** Thrown by the exit handler to unwind the thread that called {@code os.Exit}. */
  public static final class ProgramExit extends Error {
    public final int code;

    ProgramExit(int code) {
      super("os.Exit(" + code + ")", null, false, false);
      this.code = code;
    }
  }

  /**
   * Runs {@code mainClass.main(args)} loaded by {@code loader}, waiting at most {@code timeout}
   * (null: forever).
   */
  public static Outcome run(
      ClassLoader loader, String mainClass, String[] args, PrintStream out, PrintStream err, Duration timeout)
      throws ReflectiveOperationException {
    Class<?> sys = Class.forName(SYS, true, loader);
    if (out != null) sys.getField("out").set(null, out);
    if (err != null) sys.getField("err").set(null, err);
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    IntConsumer handler =
        code -> {
          done.complete(new Outcome(code, false, null));
          throw new ProgramExit(code);
        };
    sys.getField("exitHandler").set(null, handler);
    MethodHandle flush = MethodHandles.publicLookup().findStatic(sys, "flush", MethodType.methodType(void.class));
    MethodHandle main =
        MethodHandles.publicLookup()
            .findStatic(Class.forName(mainClass.replace('/', '.'), false, loader), "main",
                MethodType.methodType(void.class, String[].class));
    Thread thread =
        new Thread(null, () -> runMain(main, flush, args, done), "gopl-main", MAIN_STACK_BYTES);
    thread.setDaemon(true);
    thread.setContextClassLoader(loader);
    thread.start();
    try {
      return timeout == null ? done.get() : done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      flushQuietly(flush);
      return new Outcome(-1, true, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, false, e);
    } catch (ExecutionException e) {
      return new Outcome(-1, false, e.getCause());
    }
  }

  private static void runMain(MethodHandle main, MethodHandle flush, String[] args, CompletableFuture<Outcome> done) {
    try {
      main.invokeExact(args);
      flush.invokeExact();
      done.complete(new Outcome(0, false, null));
    } catch (ProgramExit e) {
      // The handler has completed `done` already.
    } catch (Throwable t) {
      flushQuietly(flush);
      done.complete(new Outcome(-1, false, t));
    }
  }

  private static void flushQuietly(MethodHandle flush) {
    try {
      flush.invokeExact();
    } catch (Throwable ignored) {
      // Best effort: the program's own streams failed.
    }
  }
}
