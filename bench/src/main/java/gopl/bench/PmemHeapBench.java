package gopl.bench;

import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.HeapOptions;
import gopl.runtime.pmem.Txn;
import gopl.runtime.pmem.TypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The persistent heap's cases of {@code bench/pmem/pmem-vs-pmdk.sh} under JMH (absolute GoPL
 * numbers; the ratio against PMDK needs the script, which runs PMDK's C side in the same run):
 * transactional zeroed allocation of 64 B, 1 KiB, 16 KiB (one object per transaction; 64 B also
 * from 2 threads), and undo/redo transactions storing 1 field, 1 field in each of 8 objects (ranges
 * added first), a 1 KiB range. The heap is a file on /dev/shm; {@code domain} is {@code pmem}
 * (libpmem's flushes; msync if libpmem is missing) or {@code none} (no write-back: the cost of
 * everything but the flushes). Allocation cases collect the garbage between invocations of 1000
 * operations, untimed (PMDK's side frees untimed too). Score: ns per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PmemHeapBench {
  static final int BATCH = 1000;

  @Param({"pmem", "none"})
  public String domain;

  Path file;
  Heap h;
  long root, objs;
  int b64, b1k, b16k;
  final byte[] buf = new byte[1024];

  @Setup(Level.Trial)
  public void open() throws Exception {
    Path dir = Files.isWritable(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
    file = Files.createTempFile(dir, "gopl-jmh", ".pmem");
    Files.delete(file);
    h = Heap.create(file, HeapOptions.defaults().withDomain(domain).withSize(512L << 20));
    h.autoGc(false);
    root = h.roots().make("root", TypeDesc.scalar("bench.Root", 64 + 1024));
    TypeDesc ptr = new TypeDesc("*bench.Obj", 8, 8, List.of(new TypeDesc.Field("", "*bench.Obj", 0, 8, TypeDesc.Kind.POINTER)));
    objs = h.roots().make("objs", ptr, 8);
    int small = h.registerType(TypeDesc.scalar("bench.Obj", 64 - 8));
    h.txn(Txn.Mode.UNDO, () -> {
      for (int k = 0; k < 8; k++) h.current().putLong(objs + 8L * k, h.alloc(small, 1));
    });
    b64 = h.registerType(TypeDesc.scalar("bench.B64", 64 - 8));
    b1k = h.registerType(TypeDesc.scalar("bench.B1k", 1024 - 8));
    b16k = h.registerType(TypeDesc.scalar("bench.B16k", 16384 - 8));
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    h.close();
    Files.deleteIfExists(file);
  }

  /** Frees the previous batch's objects (untimed). */
  @Setup(Level.Invocation)
  public void collect() { h.gc(); }

  private void alloc(int type) {
    for (int i = 0; i < BATCH; i++) {
      Txn tx = h.begin(Txn.Mode.UNDO);
      h.alloc(type, 1);
      tx.commit();
    }
  }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void alloc64() { alloc(b64); }

  @Benchmark @OperationsPerInvocation(BATCH) @Threads(2)
  public void alloc64Threads2() { alloc(b64); }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void alloc1k() { alloc(b1k); }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void alloc16k() { alloc(b16k); }

  private void oneField(Txn.Mode mode) {
    for (int i = 0; i < BATCH; i++) {
      Txn tx = h.begin(mode);
      tx.putLong(root, i);
      tx.commit();
    }
  }

  private void eightObjects(Txn.Mode mode) {
    for (int i = 0; i < BATCH; i++) {
      Txn tx = h.begin(mode);
      for (int k = 0; k < 8; k++) tx.add(h.getLong(objs + 8L * k), 8);
      for (int k = 0; k < 8; k++) tx.putLong(h.getLong(objs + 8L * k), i);
      tx.commit();
    }
  }

  private void range1k(Txn.Mode mode) {
    for (int i = 0; i < BATCH; i++) {
      buf[i & 1023] = (byte) i;
      Txn tx = h.begin(mode);
      tx.putBytes(root + 64, buf, 0, 1024);
      tx.commit();
    }
  }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void undo1Field() { oneField(Txn.Mode.UNDO); }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void undo8Objects() { eightObjects(Txn.Mode.UNDO); }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void undo1kRange() { range1k(Txn.Mode.UNDO); }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void redo1Field() { oneField(Txn.Mode.REDO); }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void redo8Objects() { eightObjects(Txn.Mode.REDO); }

  @Benchmark @OperationsPerInvocation(BATCH)
  public void redo1kRange() { range1k(Txn.Mode.REDO); }
}
