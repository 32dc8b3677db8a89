package gopl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gopl heap ...}: the heap tool reached through the gopl command, its help and errors. */
class HeapCommandTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  private static Result gopl(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(out, err).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void testHelp() {
    assertTrue(gopl("help").out.contains("\theap      inspect a persistent heap file"));
    Result r = gopl("help", "heap");
    assertEquals(0, r.exit);
    assertTrue(r.out.startsWith("usage: gopl heap <command> FILE"), r.out);
    assertEquals(r.out, gopl("heap", "--help").out);
    Result c = gopl("heap", "check", "--help");
    assertEquals(0, c.exit);
    assertTrue(c.out.startsWith("usage: gopl heap check FILE"), c.out);
  }

  @Test
  void testCreateCheckInfoRootsGc() {
    String f = dir.resolve("db.pmem").toString();
    Result r = gopl("heap", "create", f, "--size", "256K", "--domain", "none");
    assertEquals(0, r.exit, r.err);
    assertTrue(r.out.startsWith("db.pmem: created, 262144 bytes"), r.out);
    r = gopl("heap", "check", f);
    assertEquals(0, r.exit, r.err);
    assertEquals("db.pmem: ok (0 live objects, 0 bytes)\n", r.out);
    r = gopl("heap", "info", f);
    assertEquals(0, r.exit, r.err);
    assertTrue(r.out.contains("format:         GoPL heap version 1"), r.out);
    r = gopl("heap", "roots", f);
    assertEquals(0, r.exit, r.err);
    assertEquals("", r.out);
    r = gopl("heap", "gc", f, "--domain", "none");
    assertEquals(0, r.exit, r.err);
    assertTrue(r.out.contains("db.pmem: gc: "), r.out);
  }

  @Test
  void testErrors() throws Exception {
    Result r = gopl("heap");
    assertEquals(2, r.exit);
    assertTrue(r.err.startsWith("usage: gopl heap"), r.err);
    r = gopl("heap", "frob", "x");
    assertEquals(2, r.exit);
    assertEquals("gopl heap: unknown command frob (see 'gopl heap --help')\n", r.err);
    Path bad = dir.resolve("notes.txt");
    Files.writeString(bad, "just some text, not a heap at all");
    r = gopl("heap", "check", bad.toString());
    assertEquals(1, r.exit);
    assertEquals("notes.txt: not a GoPL heap (bad magic)\n", r.err);
    r = gopl("heap", "info", dir.resolve("missing.pmem").toString());
    assertEquals(1, r.exit);
    assertEquals("missing.pmem: no such file\n", r.err);
  }
}
