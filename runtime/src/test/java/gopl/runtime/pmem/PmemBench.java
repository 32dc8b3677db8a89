package gopl.runtime.pmem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The GoPL side of {@code bench/pmem/pmem-vs-pmdk.sh}: the same cases as {@code pmdk_bench.c},
 * printing {@code name ns_per_op} (each case run three times, the third run reported, so the JIT
 * has warmed up). Usage: {@code PmemBench FILE DOMAIN OPS}; {@code BENCH_CLOCK=cpu} in the environment
 * measures this thread's CPU time instead of wall time. Not a test; never asserts a time.
 */
public final class PmemBench {
  private PmemBench() {}

  public static void main(String[] args) throws Exception {
    Path f = Path.of(args[0]);
    String domain = args[1];
    long ops = Long.parseLong(args[2]);
    Files.deleteIfExists(f);
    try (Heap h = Heap.create(f, HeapOptions.defaults().withDomain(domain).withSize(512L << 20))) {
      h.autoGc(false);
      System.err.println("domain: " + h.domain().describe());
      long root = h.roots().make("root", TypeDesc.scalar("bench.Root", 64 + 1024));
      long objs = h.roots().make("objs", TestHeaps.NODE_PTR, 8);
      int small = h.registerType(TypeDesc.scalar("bench.Obj", 64 - 8));
      h.txn(Txn.Mode.UNDO, () -> {
        for (int k = 0; k < 8; k++) h.current().putLong(objs + 8L * k, h.alloc(small, 1));
      });
      int b64 = h.registerType(TypeDesc.scalar("bench.B64", 64 - 8));
      int b1k = h.registerType(TypeDesc.scalar("bench.B1k", 1024 - 8));
      int b16k = h.registerType(TypeDesc.scalar("bench.B16k", 16384 - 8));
      for (int round = 0; round < 3; round++) {
        boolean print = round == 2;
        report(print, "alloc_64", alloc(h, b64, ops));
        counts(print, "alloc_64", flushes / (double) ops, fences / (double) ops);
        report(print, "alloc_1k", alloc(h, b1k, ops));
        counts(print, "alloc_1k", flushes / (double) ops, fences / (double) ops);
        report(print, "alloc_16k", alloc(h, b16k, ops / 10));
        counts(print, "alloc_16k", flushes / (double) (ops / 10), fences / (double) (ops / 10));
        report(print, "alloc_64_2t", alloc2(h, b64, ops));
        report(print, "alloc_1k_2t", alloc2(h, b1k, ops));
        report(print, "alloc_16k_2t", alloc2(h, b16k, ops / 10));
        for (Txn.Mode mode : List.of(Txn.Mode.UNDO, Txn.Mode.REDO)) {
          String m = mode.name().toLowerCase();
          long t0 = now(), f0 = h.domain().flushes(), d0 = h.domain().fences();
          for (long i = 0; i < ops; i++) {
            Txn tx = h.begin(mode);
            tx.putLong(root, i);
            tx.commit();
          }
          report(print, m + "_1_field", (now() - t0) / (double) ops);
          counts(print, m + "_1_field", (h.domain().flushes() - f0) / (double) ops, (h.domain().fences() - d0) / (double) ops);
          t0 = now();
          f0 = h.domain().flushes();
          d0 = h.domain().fences();
          for (long i = 0; i < ops; i++) {
            Txn tx = h.begin(mode);
            for (int k = 0; k < 8; k++) tx.add(h.getLong(objs + 8L * k), 8);
            for (int k = 0; k < 8; k++) tx.putLong(h.getLong(objs + 8L * k), i);
            tx.commit();
          }
          report(print, m + "_8_objects", (now() - t0) / (double) ops);
          counts(print, m + "_8_objects", (h.domain().flushes() - f0) / (double) ops, (h.domain().fences() - d0) / (double) ops);
          byte[] buf = new byte[1024];
          t0 = now();
          f0 = h.domain().flushes();
          d0 = h.domain().fences();
          for (long i = 0; i < ops; i++) {
            java.util.Arrays.fill(buf, (byte) i);
            Txn tx = h.begin(mode);
            tx.putBytes(root + 64, buf, 0, 1024);
            tx.commit();
          }
          report(print, m + "_1k_range", (now() - t0) / (double) ops);
          counts(print, m + "_1k_range", (h.domain().flushes() - f0) / (double) ops, (h.domain().fences() - d0) / (double) ops);
        }
      }
    }
    Files.deleteIfExists(f);
  }

  /** Transactional allocation, one object per transaction (as PMDK's TX_BEGIN { tx_alloc }). */
  private static double alloc(Heap h, int type, long n) {
    long total = 0, batch = Math.min(n, 1000);
    flushes = fences = 0;
    n = n / batch * batch;
    for (long done = 0; done < n; done += batch) {
      long t0 = now(), f0 = h.domain().flushes(), d0 = h.domain().fences();
      for (int i = 0; i < batch; i++) {
        Txn tx = h.begin(Txn.Mode.UNDO);
        h.alloc(type, 1);
        tx.commit();
      }
      total += now() - t0;
      flushes += h.domain().flushes() - f0;
      fences += h.domain().fences() - d0;
      h.gc(); // frees them, untimed (PMDK's side frees with pmemobj_free, untimed)
    }
    return total / (double) n;
  }

  /** The same from 2 threads at once: their summed time per allocation. */
  private static double alloc2(Heap h, int type, long n) throws InterruptedException {
    double[] ns = new double[2];
    Thread[] ts = new Thread[2];
    long half = n / 2, batch = Math.min(half, 1000), done = half / batch * batch; // as alloc counts
    for (int i = 0; i < 2; i++) {
      int k = i;
      ts[i] = new Thread(() -> ns[k] = alloc(h, type, half) * done);
      ts[i].start();
    }
    for (Thread t : ts) t.join();
    return (ns[0] + ns[1]) / (2 * done);
  }

  private static final boolean CPU = "cpu".equals(System.getenv("BENCH_CLOCK"));
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /** BENCH_CLOCK=cpu: this thread's CPU time (immune to other processes on a shared machine); else wall time. */
  private static long now() { return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime(); }

  /** Flush and fence calls of the last alloc case's timed part (single-threaded cases). */
  private static volatile long flushes, fences;

  private static void report(boolean print, String name, double ns) {
    if (print) System.out.printf("%s %.1f%n", name, ns);
    System.out.flush();
  }

  /** Prints on stderr how many flush calls and fences one operation of the case took. */
  private static void counts(boolean print, String name, double flushesPerOp, double fencesPerOp) {
    if (print) System.err.printf("%s flushes/op %.2f fences/op %.2f%n", name, flushesPerOp, fencesPerOp);
  }
}
