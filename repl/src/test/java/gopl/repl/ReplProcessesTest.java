package gopl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gopl repl --heap FILE} as two processes one after the other on the same heap file (the
 * issue's acceptance test): a named root made and updated by the first is found, with its value,
 * by the second (a redeclared type with another layout: {@link PersistentSessionTest}).
 */
class ReplProcessesTest {
  @TempDir Path dir;

  /** What a REPL process printed (stdout, stderr) and its exit status. */
  record Run(String out, String err, int status) {}

  private Run repl(String input, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Repl.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the REPL did not end");
    return new Run(out.join(), err.join(), p.exitValue());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void testNamedRootSurvivesQuittingAndRestarting() throws Exception {
    String heap = dir.resolve("counter.heap").toString();
    Run first = repl("""
        type Counter struct { n int; label string }
        c := (*Counter)(pmem.New("counter", (*Counter)(nil)))
        txn() { c.n += 41; c.label = "hits" }
        c.n++
        c.n
        :quit
        """, "--heap", heap);
    assertEquals(new Run("42 (int)\n", "", 0), first);

    Run second = repl("""
        type Counter struct { n int; label string }
        c := (*Counter)(pmem.Get("counter", (*Counter)(nil)))
        fmt.Println(c.label, c.n)
        :heap
        """, "--heap", heap);
    assertEquals("", second.err());
    assertTrue(second.out().startsWith("hits 42\n"), second.out());
    assertTrue(second.out().contains("persistent heap: " + heap + "\n"), second.out());
    assertTrue(second.out().contains("  roots:  1\n    counter *main.Counter\n"), second.out());

  }

  @Test
  void testHeapFileThatIsNotAHeap_usageError() throws Exception {
    Path bad = dir.resolve("bad.heap");
    java.nio.file.Files.writeString(bad, "not a heap at all, but long enough to be read as one".repeat(100));
    Run r = repl("1+1\n", "--heap", bad.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("gopl repl: --heap " + bad + ": "), r.err());
    assertEquals(2, repl("", "--heap").status());
  }
}
