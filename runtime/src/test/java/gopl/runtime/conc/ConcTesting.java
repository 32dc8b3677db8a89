package gopl.runtime.conc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gopl.runtime.GoPanic;
import gopl.runtime.Sys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Helpers for the concurrency tests: goroutines whose outcome a test can wait for, child JVMs. */
public final class ConcTesting {
  private ConcTesting() {}

  /** Makes an accidental program exit in the test JVM fail the test instead of killing the JVM. */
  public static void guardExit() {
    Sys.exitHandler = code -> {
      Sys.flush();
      throw new AssertionError("the runtime tried to exit the test JVM with status " + code);
    };
  }

  /** Starts body as a goroutine; the future completes with its result or the Go panic it raised. */
  public static <T> CompletableFuture<T> goFuture(Supplier<T> body) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Go.go(() -> {
      try {
        f.complete(body.get());
      } catch (GoPanic p) {
        f.completeExceptionally(p);
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return f;
  }

  /** Runs body as a goroutine and returns a latch counted down when it returns. */
  public static CountDownLatch goLatch(Runnable body) {
    CountDownLatch l = new CountDownLatch(1);
    Go.go(() -> {
      try {
        body.run();
      } finally {
        l.countDown();
      }
    });
    return l;
  }

  public static void awaitLatch(CountDownLatch l) throws InterruptedException {
    assertTrue(l.await(20, TimeUnit.SECONDS), "timed out waiting for goroutines");
  }

  /** Waits until cond holds (polling), failing after 10 s. */
  public static void eventually(String what, java.util.function.BooleanSupplier cond) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) fail("timed out waiting until " + what);
      Thread.sleep(1);
    }
  }

  /** How a child JVM ended. */
  public record Child(int exit, String out, String err) {}

  /** Runs {@link Scenarios}{@code .main(name)} in a fresh JVM with this test's class path. */
  public static Child runScenario(String name) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            Scenarios.class.getName(), name);
    Process p = pb.start();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("scenario " + name + " did not end within 30 s; stderr so far: " + err.getNow(""));
    }
    return new Child(p.exitValue(), out.join(), err.join());
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        return "<" + e + ">";
      }
    });
  }
}
