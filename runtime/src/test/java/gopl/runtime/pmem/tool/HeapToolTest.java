package gopl.runtime.pmem.tool;

import static org.junit.jupiter.api.Assertions.*;

import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.HeapOptions;
import gopl.runtime.pmem.Layout;
import gopl.runtime.pmem.Txn;
import gopl.runtime.pmem.TypeDesc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heap tool's subcommands, their output and exit status. */
class HeapToolTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    return HeapTool.run(args, new PrintStream(out, true), new PrintStream(err, true));
  }

  @Test
  void testHelpAndUsage() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("create FILE [--size N] [--domain D]"));
    assertEquals(2, run());
    assertEquals(2, run("frob", "x.pmem"));
    assertEquals("gopl heap: unknown command frob (see 'gopl heap --help')\n", err.toString());
    assertEquals(2, run("create"));
    assertEquals("gopl heap create: missing FILE (see 'gopl heap create --help')\n", err.toString());
    assertEquals(2, run("info", "a.pmem", "b.pmem"));
    assertEquals("gopl heap info: want one FILE, got 2 arguments (see 'gopl heap info --help')\n", err.toString());
    assertEquals(2, run("check", "a.pmem", "--size", "1M"));
    assertEquals("gopl heap check: --size is an option of create only (see 'gopl heap check --help')\n", err.toString());
    assertEquals(2, run("roots", "--frob", "a.pmem"));
    assertEquals("gopl heap roots: unknown flag --frob (see 'gopl heap roots --help')\n", err.toString());
    for (String cmd : java.util.List.of("create", "info", "check", "roots", "gc")) {
      assertEquals(0, run(cmd, "--help"), cmd);
      assertTrue(out.toString().startsWith("usage: gopl heap " + cmd + " "), out.toString());
      String help = out.toString();
      assertEquals(0, run("help", cmd));
      assertEquals(help, out.toString());
    }
  }

  /** Bad files: each a one-line message naming the file and the problem, exit status 1. */
  @Test
  void testBadFiles_clearMessages() throws Exception {
    Path f = dir.resolve("heap.pmem");
    assertEquals(1, run("info", f.toString()));
    assertEquals("heap.pmem: no such file\n", err.toString());
    Files.write(f, new byte[0]);
    assertEquals(1, run("check", f.toString()));
    assertEquals("heap.pmem: empty file (not a GoPL heap)\n", err.toString());
    assertEquals(0, run("create", dir.resolve("good.pmem").toString(), "--size", "128K", "--domain", "none"));
    byte[] good = Files.readAllBytes(dir.resolve("good.pmem"));
    Files.write(f, java.util.Arrays.copyOf(good, 100));
    assertEquals(1, run("check", f.toString()));
    assertEquals("heap.pmem: truncated heap file (100 bytes)\n", err.toString());
    Files.write(f, java.util.Arrays.copyOf(good, 60_000));
    assertEquals(1, run("roots", f.toString()));
    assertEquals("heap.pmem: truncated heap file (60000 bytes, want 131072)\n", err.toString());
    byte[] b = good.clone();
    b[Layout.SB_VERSION] = 7;
    Files.write(f, b);
    assertEquals(1, run("info", f.toString()));
    assertEquals("heap.pmem: unsupported heap format version 7 (this build reads version 1)\n", err.toString());
    b = good.clone();
    b[Layout.SB_CHECKSUM] ^= 0x10;
    Files.write(f, b);
    assertEquals(1, run("gc", f.toString(), "--domain", "none"));
    assertEquals("heap.pmem: damaged heap: superblock checksum mismatch\n", err.toString());
    b = good.clone();
    b[0] = 'X';
    Files.write(f, b);
    assertEquals(1, run("check", f.toString()));
    assertEquals("heap.pmem: not a GoPL heap (bad magic)\n", err.toString());
    assertArrayEquals(b, Files.readAllBytes(f), "a damaged heap is never written");
    b = good.clone();
    b[4096 + 8 * 20] ^= 1; // a page-table entry of arena 0
    Files.write(f, b);
    assertEquals(1, run("check", f.toString()));
    assertTrue(err.toString().startsWith("heap.pmem: damaged heap: arena 0: damaged page-table entry"), err.toString());
  }

  @Test
  void testCreateInfoRootsCheckGc() throws Exception {
    Path f = dir.resolve("heap.pmem");
    assertEquals(0, run("create", f.toString(), "--size", "1M", "--domain", "none"), err.toString());
    assertTrue(out.toString().startsWith("heap.pmem: created, 1048576 bytes (1 arenas of 1048576 bytes"), out.toString());
    TypeDesc counter = TypeDesc.scalar("main.Counter", 8);
    try (Heap h = Heap.open(f, HeapOptions.defaults().withDomain("none"))) {
      long r = h.roots().make("hits", counter);
      h.txn(Txn.Mode.UNDO, () -> h.current().putLong(r, 9));
    }
    assertEquals(0, run("roots", f.toString()));
    assertTrue(out.toString().matches("hits\tmain.Counter\t@\\d+\n"), out.toString());
    assertEquals(0, run("info", f.toString()), err.toString());
    String info = out.toString();
    assertTrue(info.contains("format:         GoPL heap version 1"), info);
    assertTrue(info.contains("size:           1048576 bytes (1 arenas"), info);
    assertTrue(info.contains("logs:           1 lanes, all clean"), info);
    assertTrue(info.contains("main.Counter"), info);
    assertTrue(info.matches("(?s).*roots:          1\n  hits +main.Counter @\\d+\n.*"), info);
    assertEquals(0, run("check", f.toString()));
    assertTrue(out.toString().startsWith("heap.pmem: ok ("), out.toString());
    assertEquals(0, run("gc", f.toString(), "--domain", "none"));
    assertTrue(out.toString().contains("gc: "), out.toString());
    byte[] before = Files.readAllBytes(f);
    run("info", f.toString());
    run("check", f.toString());
    assertArrayEquals(before, Files.readAllBytes(f), "info and check never write");
  }

  @Test
  void testCheck_damagedHeapExitsNonZero() throws Exception {
    Path f = dir.resolve("heap.pmem");
    assertEquals(0, run("create", f.toString(), "--size", "128K", "--domain", "none"));
    byte[] b = Files.readAllBytes(f);
    b[Layout.SB_ARENA_SHIFT] ^= 1;
    Files.write(f, b);
    assertEquals(1, run("check", f.toString()));
    assertEquals("heap.pmem: damaged heap: superblock checksum mismatch\n", err.toString());
    Files.writeString(f, "GIF89a not a heap");
    assertEquals(1, run("check", f.toString()));
    assertEquals("heap.pmem: not a GoPL heap (bad magic)\n", err.toString());
  }

  @Test
  void testCheck_danglingPointerIsDamage() throws Exception {
    Path f = dir.resolve("heap.pmem");
    TypeDesc ptr = new TypeDesc("*main.T", 8, 8, java.util.List.of(
        new TypeDesc.Field("", "*main.T", 0, 8, TypeDesc.Kind.POINTER)));
    try (Heap h = Heap.create(f, HeapOptions.defaults().withArenaShift(17).withDomain("none"))) {
      long r = h.roots().make("p", ptr);
      h.putLong(r, 120_000);
    }
    assertEquals(1, run("check", f.toString()));
    assertTrue(err.toString().contains("pointer 120000 outside any span"), err.toString());
  }

  @Test
  void testParseSize() {
    assertEquals(64L << 20, HeapTool.parseSize("64M"));
    assertEquals(2L << 30, HeapTool.parseSize("2GiB"));
    assertEquals(4096, HeapTool.parseSize("4096"));
  }
}
