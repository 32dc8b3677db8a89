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
    assertTrue(err.toString().startsWith("gopl heap: unknown command frob"));
    assertEquals(2, run("create"));
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
