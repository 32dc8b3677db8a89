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

      commands:
        create FILE [--size N] [--domain D]   make an empty heap (N bytes, suffix K, M or G;
                                              D = none, msync or pmem; default: detected)
        info FILE                             format, size, arenas, domain, logs, live objects
                                              by type, free space and fragmentation
        check FILE                            verify every checksum and reachable pointer;
                                              exit status 1 on damage
        roots FILE                            list the named roots
        gc FILE                               recover and collect garbage now
      """;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the tool; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String cmd = args[0];
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    if (rest.contains("--help")) {
      out.print(USAGE);
      return 0;
    }
    String size = option(rest, "--size"), domain = option(rest, "--domain");
    if (size == MISSING || domain == MISSING) return usage(err, "option needs a value");
    if (rest.size() != 1 || rest.get(0).startsWith("-")) return usage(err, "want exactly one FILE");
    Path file = Path.of(rest.get(0));
    if (!cmd.equals("create") && (size != null || domain != null && !cmd.equals("gc")))
      return usage(err, "--size and --domain are options of create");
    try {
      return switch (cmd) {
        case "create" -> create(file, size, domain, out);
        case "info" -> info(file, out);
        case "check" -> check(file, out, err);
        case "roots" -> roots(file, out);
        case "gc" -> gc(file, domain, out);
        default -> usage(err, "unknown command " + cmd);
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
    err.println("gopl heap: " + msg);
    err.print(USAGE);
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
      GcStats s = h.lastGc();
      out.println(file.getFileName() + ": gc: " + s);
      return 0;
    }
  }
}
