package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: one dynamic test per {@code tests/programs/**}{@code /*.gop}. A program
 * with an {@code // Output:} block must compile, its generated classes must pass ASM's
 * CheckClassAdapter, and running it in-process must print exactly that output and exit with the
 * {@code // Exit:} status, its stderr starting with the {@code // Stderr:} lines; a program with an {@code // Error:} block must fail to compile with
 * exactly those diagnostics. Programs are compiled and run in parallel on a pool (each has its own
 * class loader, so its statics and Sys streams are its own); {@code //gopl:serial} programs run
 * one at a time after the others. The tests only wait for and judge the results.
 */
class ConformanceTest {
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "conformance");
        t.setDaemon(true);
        return t;
      });
  private static final ExecutorService SERIAL = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "conformance-serial");
    t.setDaemon(true);
    return t;
  });

  /** Test display name to pass (true) or fail, for the summary. */
  private static final Map<String, Boolean> RESULTS = new java.util.concurrent.ConcurrentSkipListMap<>();

  /**
   * Prints one summary line, and writes target/conformance-summary.txt listing every program with
   * PASS or FAIL per check, so "which programs pass" has a one-file answer.
   */
  @AfterAll
  static void shutdown() throws java.io.IOException {
    POOL.shutdownNow();
    SERIAL.shutdownNow();
    long passed = RESULTS.values().stream().filter(b -> b).count();
    List<String> failing = RESULTS.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    System.out.println("conformance: " + passed + " of " + RESULTS.size() + " checks pass"
        + (failing.isEmpty() ? "" : "; failing: " + String.join(", ", failing)));
    StringBuilder sb = new StringBuilder();
    RESULTS.forEach((name, ok) -> sb.append(ok ? "PASS " : "FAIL ").append(name).append('\n'));
    java.nio.file.Path out = java.nio.file.Path.of(System.getProperty("gopl.summary", "target/conformance-summary.txt"));
    java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
    java.nio.file.Files.writeString(out, sb);
  }

  /** Runs a check and records its outcome under {@code name}. */
  private static void recorded(String name, org.junit.jupiter.api.function.Executable check) throws Throwable {
    try {
      check.execute();
      RESULTS.put(name, true);
    } catch (Throwable t) {
      RESULTS.put(name, false);
      throw t;
    }
  }

  @TestFactory
  Stream<DynamicTest> programs() {
    List<Programs.Program> all = Programs.all();
    Map<Programs.Program, CompletableFuture<ProgramRun>> runs = new LinkedHashMap<>();
    for (Programs.Program p : all) {
      if (!p.expect().serial()) runs.put(p, CompletableFuture.supplyAsync(() -> ProgramRun.of(p.path()), POOL));
    }
    CompletableFuture<?> parallelDone = CompletableFuture.allOf(runs.values().toArray(CompletableFuture[]::new));
    for (Programs.Program p : all) {
      if (p.expect().serial()) {
        runs.put(p, parallelDone.handleAsync((x, e) -> ProgramRun.of(p.path()), SERIAL));
      }
    }
    return all.stream().flatMap(p -> tests(p, runs.get(p)));
  }

  private static Stream<DynamicTest> tests(Programs.Program p, CompletableFuture<ProgramRun> run) {
    var uri = p.path().toUri();
    if (p.expect().mustFailToCompile()) {
      String name = p.name() + " [errors]";
      return Stream.of(DynamicTest.dynamicTest(name, uri, () -> recorded(name, () -> checkErrors(p, get(run)))));
    }
    String output = p.name() + " [output]";
    String bytecode = p.name() + " [bytecode]";
    return Stream.of(
        DynamicTest.dynamicTest(output, uri, () -> recorded(output, () -> checkOutput(p, get(run)))),
        DynamicTest.dynamicTest(bytecode, uri, () -> recorded(bytecode, () -> checkBytecode(get(run)))));
  }

  private static ProgramRun get(CompletableFuture<ProgramRun> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    }
  }

  static void checkOutput(Programs.Program p, ProgramRun r) {
    if (r.harnessFailure() != null || !r.compilation().ok()) fail("did not compile:\n" + r.describe());
    assertNotNull(r.outcome(), r.describe());
    assertTrue(!r.outcome().timedOut() && r.outcome().crash() == null, r.describe());
    assertEquals(p.expect().expectedOutput(), Expectation.normalize(r.stdout()), "stdout of " + p + "\n" + r.describe());
    assertEquals(p.expect().exitCode(), r.outcome().exitCode(), "exit status of " + p + "\n" + r.describe());
    assertTrue(p.expect().stderrMatches(r.stderr()),
        "stderr of " + p + " must start with " + p.expect().stderrStart() + "\n" + r.describe());
  }

  static void checkBytecode(ProgramRun r) {
    if (r.harnessFailure() != null || !r.compilation().ok()) fail("did not compile:\n" + r.describe());
    assertEquals("", r.verifyReport(), "CheckClassAdapter rejected generated classes");
  }

  static void checkErrors(Programs.Program p, ProgramRun r) {
    assertNull(r.harnessFailure(), r.describe());
    assertTrue(!r.compilation().ok(), p + " compiled, but must fail with " + p.expect().errors());
    assertEquals(String.join("\n", p.expect().errors()), String.join("\n", r.errors()), "diagnostics of " + p);
  }
}
