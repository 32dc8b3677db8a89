package gopl.runtime.pmem;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The persistence domains other than the crash simulator, and how {@code open} picks one:
 * an explicit choice wins; else a file on a DAX file system is mapped READ_WRITE_SYNC ({@code
 * pmem}, through {@code force}); else a file on {@code /dev/shm} uses libpmem's flush ({@code
 * pmem}, when {@code libpmem.so.1} loads); else {@code msync}.
 */
public final class Domains {
  private Domains() {}

  /** No write-back at all: for tests and speed baselines only, never a default. */
  public static PersistenceDomain none() {
    return new PersistenceDomain() {
      @Override public String name() { return "none"; }
      @Override public String describe() { return "none (no write-back; not crash-safe)"; }
      @Override protected void doFlush(int a, MemorySegment s, long off, long len) {}
      @Override protected void doFence() {}
    };
  }

  /** Ordinary file: {@code force()} (msync) of the pages flushed since the last fence. */
  public static PersistenceDomain msync() { return new RangeForcer("msync", "msync (MemorySegment.force of dirty pages)"); }

  /** DAX file mapped READ_WRITE_SYNC: {@code force()} writes back cache lines. */
  public static PersistenceDomain dax() { return new RangeForcer("pmem", "pmem (DAX mapping, READ_WRITE_SYNC, force)"); }

  /** libpmem's pmem_flush/pmem_drain through FFM downcalls; throws HeapException if absent. */
  public static PersistenceDomain pmem() {
    LibPmem lib = LibPmem.load();
    if (lib == null) throw new HeapException("libpmem.so.1 not found: install libpmem1, or choose --domain msync");
    return lib;
  }

  /** Whether libpmem can be loaded. */
  public static boolean libpmemAvailable() { return LibPmem.load() != null; }

  /** Selects a domain by name (none, msync, pmem). */
  public static PersistenceDomain byName(String name, boolean daxMapped) {
    return switch (name) {
      case "none" -> none();
      case "msync" -> msync();
      case "pmem" -> daxMapped ? dax() : pmem();
      default -> throw new HeapException("unknown persistence domain " + name + " (want none, msync or pmem)");
    };
  }

  /** The domain {@code open} picks for a file when none is asked for. */
  public static String detect(Path file) {
    if (onDax(file)) return "dax";
    Path real = realParent(file);
    if (real.startsWith("/dev/shm") && libpmemAvailable()) return "pmem";
    return "msync";
  }

  /** Whether the file's mount has the {@code dax} option (read from /proc/mounts). */
  public static boolean onDax(Path file) {
    Path real = realParent(file);
    String best = "";
    boolean dax = false;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
        String[] f = line.split(" ");
        if (f.length < 4) continue;
        if (real.startsWith(f[1]) && f[1].length() >= best.length()) {
          best = f[1];
          dax = List.of(f[3].split(",")).stream().anyMatch(o -> o.equals("dax") || o.equals("dax=always"));
        }
      }
    } catch (Exception e) {
      return false;
    }
    return dax;
  }

  private static Path realParent(Path file) {
    try {
      Path p = file.toAbsolutePath().getParent();
      return p == null ? file.toAbsolutePath() : p.toRealPath();
    } catch (Exception e) {
      return file.toAbsolutePath();
    }
  }

  /** Batches flushed ranges and forces them at the fence. */
  private static final class RangeForcer extends PersistenceDomain {
    private final String name;
    private final String describe;
    private final ThreadLocal<List<long[]>> pending = ThreadLocal.withInitial(ArrayList::new);
    private final List<MemorySegment> segs = new java.util.concurrent.CopyOnWriteArrayList<>();

    RangeForcer(String name, String describe) {
      this.name = name;
      this.describe = describe;
    }

    @Override public String name() { return name; }
    @Override public String describe() { return describe; }

    @Override
    public void arenaMapped(int arena, MemorySegment seg) {
      while (segs.size() <= arena) segs.add(seg);
      segs.set(arena, seg);
    }

    @Override
    protected void doFlush(int arena, MemorySegment seg, long off, long len) {
      long start = off & -Layout.PAGE_SIZE;
      long end = Math.min(seg.byteSize(), (off + len + Layout.PAGE_SIZE - 1) & -Layout.PAGE_SIZE);
      List<long[]> l = pending.get();
      if (!l.isEmpty()) {
        long[] last = l.get(l.size() - 1);
        if (last[0] == arena && start <= last[2] && end >= last[1]) {
          last[1] = Math.min(last[1], start);
          last[2] = Math.max(last[2], end);
          return;
        }
      }
      l.add(new long[] {arena, start, end});
    }

    @Override
    protected void doFence() {
      List<long[]> l = pending.get();
      for (long[] r : l) {
        MemorySegment seg = segs.get((int) r[0]);
        if (seg.isMapped()) seg.asSlice(r[1], r[2] - r[1]).force();
      }
      l.clear();
    }
  }

  /** libpmem1 through FFM: the same flush instructions PMDK issues. */
  static final class LibPmem extends PersistenceDomain {
    private static volatile LibPmem instance;
    private static volatile boolean tried;
    private final MethodHandle flush;
    private final MethodHandle drain;

    private LibPmem(MethodHandle flush, MethodHandle drain) {
      this.flush = flush;
      this.drain = drain;
    }

    static synchronized LibPmem load() {
      if (tried) return instance;
      tried = true;
      try {
        SymbolLookup lib = SymbolLookup.libraryLookup("libpmem.so.1", Arena.global());
        Linker linker = Linker.nativeLinker();
        // the address is passed as a plain long (same x86-64/AArch64 argument class as a pointer):
        // no segment slice is made and no session is acquired per flush
        MethodHandle f = linker.downcallHandle(lib.find("pmem_flush").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), Linker.Option.critical(false));
        MethodHandle d = linker.downcallHandle(lib.find("pmem_drain").orElseThrow(),
            FunctionDescriptor.ofVoid(), Linker.Option.critical(false));
        instance = new LibPmem(f, d);
      } catch (Throwable t) {
        instance = null;
      }
      return instance;
    }

    @Override public String name() { return "pmem"; }
    @Override public String describe() { return "pmem (libpmem pmem_flush/pmem_drain via FFM)"; }

    @Override
    protected void doFlush(int arena, MemorySegment seg, long off, long len) {
      try {
        if (off < 0 || len < 0 || off + len > seg.byteSize() || !seg.scope().isAlive())
          throw new IllegalStateException("flush of [" + off + ", +" + len + ") outside a live mapping");
        flush.invokeExact(seg.address() + off, len);
      } catch (Throwable t) {
        throw new HeapException("pmem_flush failed: " + t, t);
      }
    }

    @Override
    protected void doFence() {
      try {
        drain.invokeExact();
      } catch (Throwable t) {
        throw new HeapException("pmem_drain failed: " + t, t);
      }
    }
  }
}
