package gopl.runtime.pmem.tool;

import gopl.runtime.pmem.Domains;
import gopl.runtime.pmem.GcStats;
import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.HeapChecker;
import gopl.runtime.pmem.HeapException;
import gopl.runtime.pmem.HeapOptions;
import gopl.runtime.pmem.Layout;
import gopl.runtime.pmem.RootTable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gopl heap create|info|check|roots|gc FILE}: the heap inspection tool (PMDK's pmempool).
 * {@code info}, {@code check} and {@code roots} never write the file: they map it copy-on-write and
 * run recovery in private memory. Exit status: 0 sound, 1 damaged or failed, 2 usage error.
 */
public final class HeapTool {
  private HeapTool() {}

  static final String USAGE = """
      usage: gopl heap <command> FILE [options]

      The heap commands (like PMDK's pmempool) inspect and maintain a persistent heap file.
      info, check and roots never write the file: they map it copy-on-write and recover
      interrupted transactions in private memory.

      commands:
        create FILE [--size N] [--domain D]   make an empty heap
        info FILE                             format, size, arenas, domain, logs, live
                                              objects by type, free space, fragmentation
        check FILE                            verify every checksum and reachable pointer
        roots FILE                            list the named roots
        gc FILE [--domain D]                  recover and collect garbage now

      Use "gopl heap <command> --help" for more about a command. Exit status: 0 sound,
      1 damaged or failed, 2 usage mistake.
      """;

  /** Per-command usage, printed by {@code gopl heap <command> --help}. */
  static final java.util.Map<String, String> COMMANDS = java.util.Map.of(
      "create", """
          usage: gopl heap create FILE [--size N] [--domain D]

          Create makes an empty heap file (it must not exist). N is the initial size in bytes
          with an optional K, M or G suffix (default 64M); the heap grows online up to 1024
          arenas. D is the persistence domain recorded for messages: none, msync or pmem
          (default: detected from the file system).
          """,
      "info", """
          usage: gopl heap info FILE

          Info prints the format version, size and arenas, the detected persistence domain,
          the state of the transaction logs, the named roots, live objects and bytes by type,
          and free space with its fragmentation (free page runs). Never writes the file.
          Exit status 1 if the heap is damaged.
          """,
      "check", """
          usage: gopl heap check FILE

          Check verifies the superblock, every arena header, page-table entry, table and log
          checksum, then every pointer reachable from the named roots. It prints "FILE: ok"
          or one line per problem on stderr and exits with status 1. Never writes the file.
          """,
      "roots", """
          usage: gopl heap roots FILE

          Roots lists the named roots, one per line: name, type, offset. Never writes the file.
          """,
      "gc", """
          usage: gopl heap gc FILE [--domain D]

          Gc opens the heap for writing, recovers interrupted transactions, collects garbage
          from the named roots and prints what recovery and collection did.
          """);

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the tool; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    String cmd = args[0];
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    if (cmd.equals("--help") || cmd.equals("-h") || cmd.equals("help")) {
      if (rest.isEmpty()) {
        out.print(USAGE);
        return 0;
      }
      if (rest.size() > 1 || !COMMANDS.containsKey(rest.get(0))) return usage(err, "unknown help topic " + String.join(" ", rest));
      out.print(COMMANDS.get(rest.get(0)));
      return 0;
    }
    if (!COMMANDS.containsKey(cmd))
      return usage(err, (cmd.startsWith("-") ? "unknown flag " : "unknown command ") + cmd);
    if (rest.contains("--help") || rest.contains("-h")) {
      out.print(COMMANDS.get(cmd));
      return 0;
    }
    String size = option(rest, "--size"), domain = option(rest, "--domain");
    if (size == MISSING) return usage(err, cmd, "--size needs a value");
    if (domain == MISSING) return usage(err, cmd, "--domain needs a value");
    if (size != null && !cmd.equals("create")) return usage(err, cmd, "--size is an option of create only");
    if (domain != null && !cmd.equals("create") && !cmd.equals("gc"))
      return usage(err, cmd, "--domain is an option of create and gc only");
    for (String a : rest) if (a.startsWith("-")) return usage(err, cmd, "unknown flag " + a);
    if (rest.isEmpty()) return usage(err, cmd, "missing FILE");
    if (rest.size() > 1) return usage(err, cmd, "want one FILE, got " + rest.size() + " arguments");
    Path file = Path.of(rest.get(0));
    try {
      return switch (cmd) {
        case "create" -> create(file, size, domain, out);
        case "info" -> info(file, out);
        case "check" -> check(file, out, err);
        case "roots" -> roots(file, out);
        default -> gc(file, domain, out);
      };
    } catch (HeapException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static final String MISSING = new String("missing");

  private static String option(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0) return null;
    if (i + 1 >= args.size()) return MISSING;
    String v = args.get(i + 1);
    args.remove(i + 1);
    args.remove(i);
    return v;
  }

  private static int usage(PrintStream err, String msg) {
    err.println("gopl heap: " + msg + " (see 'gopl heap --help')");
    return 2;
  }

  private static int usage(PrintStream err, String cmd, String msg) {
    err.println("gopl heap " + cmd + ": " + msg + " (see 'gopl heap " + cmd + " --help')");
    return 2;
  }

  static long parseSize(String s) {
    String t = s.trim().toUpperCase();
    long mul = 1;
    if (t.endsWith("IB")) t = t.substring(0, t.length() - 2);
    else if (t.endsWith("B")) t = t.substring(0, t.length() - 1);
    if (t.endsWith("K")) mul = 1L << 10;
    else if (t.endsWith("M")) mul = 1L << 20;
    else if (t.endsWith("G")) mul = 1L << 30;
    if (mul != 1) t = t.substring(0, t.length() - 1);
    try {
      long v = Long.parseLong(t) * mul;
      if (v <= 0) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw new HeapException("bad size " + s + " (want a positive number with an optional K, M or G)");
    }
  }

  private static int create(Path file, String size, String domain, PrintStream out) {
    HeapOptions o = HeapOptions.defaults();
    if (size != null) o = o.withSize(parseSize(size));
    if (domain != null) o = o.withDomain(domain);
    try (Heap h = Heap.create(file, o)) {
      out.println(file.getFileName() + ": created, " + h.size() + " bytes (" + h.arenaCount() + " arenas of "
          + h.arenaSize() + " bytes, up to " + h.maxArenas() + "), domain " + h.domain().describe());
    }
    return 0;
  }

  private static int info(Path file, PrintStream out) {
    long[] lanes;
    try (Heap raw = Heap.open(file, HeapOptions.defaults().withPrivateCopy(true).withRecover(false))) {
      lanes = raw.laneStates();
    }
    try (Heap h = Heap.open(file, HeapOptions.defaults().withPrivateCopy(true))) {
      HeapChecker.Report r = HeapChecker.check(h);
      out.println("file:           " + file);
      out.println("format:         GoPL heap version " + Layout.VERSION);
      out.println("size:           " + h.size() + " bytes (" + h.arenaCount() + " arenas of " + h.arenaSize()
          + " bytes, limit " + h.maxArenas() + " arenas)");
      out.println("domain:         " + Domains.detect(file) + " (detected for this file)");
      out.printf("heap id:        %016x%n", h.heapId());
      long pending = 0;
      for (long l : lanes) if (l > 0) pending++;
      out.println("logs:           " + lanes.length + " lanes, " + (pending == 0 ? "all clean"
          : pending + " with a log to recover at the next open"));
      out.println("types:          " + h.types().size());
      out.println("roots:          " + h.roots().list().size());
      for (RootTable.Root root : h.roots().list()) {
        String type = root.typeId() >= Layout.FIRST_USER_TYPE ? h.typeDesc(root.typeId()).name() : "system";
        out.printf("  %-28s %s%s @%d%n", root.name(), root.count() == 1 ? "" : "[" + root.count() + "]", type, root.offset());
      }
      out.println("live:           " + r.liveObjects() + " objects, " + r.liveBytes() + " bytes");
      for (Map.Entry<String, long[]> e : r.byType().entrySet())
        out.printf("  %-28s %8d objects %12d bytes%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
      long[] f = h.freeSpace();
      out.println("free:           " + f[0] * Layout.PAGE_SIZE + " bytes in " + f[1] + " page runs, "
          + f[2] + " bytes in partial spans");
      return r.ok() ? 0 : 1;
    }
  }

  private static int check(Path file, PrintStream out, PrintStream err) {
    long[] lanes;
    try (Heap raw = Heap.open(file, HeapOptions.defaults().withPrivateCopy(true).withRecover(false))) {
      lanes = raw.laneStates();
    }
    try (Heap h = Heap.open(file, HeapOptions.defaults().withPrivateCopy(true))) {
      HeapChecker.Report r = HeapChecker.check(h);
      if (!r.ok()) {
        for (String p : r.problems()) err.println(file.getFileName() + ": damaged heap: " + p);
        return 1;
      }
      long pending = 0;
      for (long l : lanes) if (l > 0) pending++;
      out.println(file.getFileName() + ": ok (" + r.liveObjects() + " live objects, " + r.liveBytes() + " bytes"
          + (pending > 0 ? "; " + pending + " interrupted transactions will be recovered at the next open" : "") + ")");
      return 0;
    }
  }

  private static int roots(Path file, PrintStream out) {
    try (Heap h = Heap.open(file, HeapOptions.defaults().withPrivateCopy(true))) {
      for (RootTable.Root r : h.roots().list()) {
        String type = r.typeId() >= Layout.FIRST_USER_TYPE ? h.typeDesc(r.typeId()).name() : "system " + r.typeId();
        out.println(r.name() + "\t" + (r.count() == 1 ? type : "[" + r.count() + "]" + type) + "\t@" + r.offset());
      }
      return 0;
    }
  }

  private static int gc(Path file, String domain, PrintStream out) {
    HeapOptions o = HeapOptions.defaults();
    if (domain != null) o = o.withDomain(domain);
    try (Heap h = Heap.open(file, o)) {
      out.println(file.getFileName() + ": recovery: " + h.recoveryReport());
      GcStats s = h.gc();
      out.println(file.getFileName() + ": gc: " + s);
      return 0;
    }
  }
}
