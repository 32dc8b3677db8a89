package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import gopl.runtime.pmem.sim.CrashEnumerator;
import gopl.runtime.pmem.sim.CrashSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Crash enumeration (PMDK's obj_heap_interrupt, pmreorder): every workload is cut at every
 * flush/fence, each surviving image is reopened, recovered, checked, and must show exactly a
 * committed prefix of the workload's transactions (the one in flight may or may not be there).
 */
class CrashTest {
  /** A workload as a list of operations (each one transaction) and a function reading the state. */
  record Ops(List<CrashEnumerator.Workload> ops, Function<Heap, String> state) {}

  static long totalPoints;

  /** Runs the enumeration and asserts zero inconsistencies; returns the result. */
  static CrashEnumerator.Result enumerate(String name, Ops w, CrashEnumerator.Options o, HeapOptions opts) {
    return enumerate(name, TestHeaps.emptyImage(), w, o, opts);
  }

  /** Enumerates {@code w} run on a heap opened over {@code base}. */
  static CrashEnumerator.Result enumerate(String name, List<byte[]> base, Ops w, CrashEnumerator.Options o,
      HeapOptions opts) {
    // expected state after each prefix, computed without crashes
    List<String> expected = new ArrayList<>();
    try (Heap h = Heap.open(new MemoryMedia("x.pmem", base), opts)) {
      h.autoGc(false);
      expected.add(w.state().apply(h));
      for (CrashEnumerator.Workload op : w.ops()) {
        op.run(h);
        expected.add(w.state().apply(h));
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    // operations that returned before the power was cut, in the latest crash run (runs and
    // checks alternate, so the invariant reads the count of the run whose image it checks)
    int[] completed = {0};
    CrashEnumerator.Workload all = new CrashEnumerator.Workload() {
      @Override
      public void run(Heap h) throws Exception {
        h.autoGc(false);
        for (CrashEnumerator.Workload op : w.ops()) {
          op.run(h);
          completed[0]++;
        }
      }

      @Override
      public void reset() { completed[0] = 0; }
    };
    CrashEnumerator.Invariant inv = (h, k) -> {
      int done = completed[0];
      String s = w.state().apply(h);
      boolean ok = s.equals(expected.get(done)) || done + 1 < expected.size() && s.equals(expected.get(done + 1));
      if (!ok) throw new AssertionError("crash point " + k + ": state " + s + ", want " + expected.get(done)
          + (done + 1 < expected.size() ? " or " + expected.get(done + 1) : ""));
    };
    CrashEnumerator.Result r = CrashEnumerator.run(base, opts, all, inv, o);
    System.out.println("crash enumeration " + name + ": " + r);
    totalPoints += r.imagesChecked() + r.recoveryCrashPoints();
    assertEquals(List.of(), r.failures().subList(0, Math.min(5, r.failures().size())));
    assertTrue(r.crashPoints() > w.ops().size(), "too few crash points: " + r.crashPoints());
    return r;
  }

  static CrashEnumerator.Result enumerate(String name, Ops w, CrashEnumerator.Options o) {
    return enumerate(name, w, o, TestHeaps.small());
  }

  // ---------------------------------------------------------------- workloads

  static final TypeDesc LIST = new TypeDesc("main.List", 16, 8, List.of(
      new TypeDesc.Field("head", "*main.Node", 0, 8, TypeDesc.Kind.POINTER),
      new TypeDesc.Field("len", "int", 8, 8, TypeDesc.Kind.SCALAR)));

  /** A doubly linked list: inserts at the head and deletes by value, in transactions of {@code mode}. */
  static Ops linkedList(Txn.Mode mode) {
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.roots().make("list", LIST)); // roots are durable when made, outside transactions
    for (int v = 1; v <= 5; v++) {
      int val = v;
      ops.add(h -> h.txn(mode, () -> listInsert(h, val)));
    }
    for (int v : new int[] {3, 5, 1}) ops.add(h -> h.txn(mode, () -> listDelete(h, v)));
    ops.add(h -> h.txn(mode, () -> listInsert(h, 9)));
    return new Ops(ops, CrashTest::listState);
  }

  static void listInsert(Heap h, long val) {
    Txn tx = h.current();
    long l = h.roots().make("list", LIST);
    int node = h.registerType(TestHeaps.NODE);
    long n = h.alloc(node, 1);
    long head = tx.getLong(l);
    tx.putLong(n + 16, val);
    tx.putLong(n, head);
    if (head != 0) tx.putLong(head + 8, n);
    tx.putLong(l, n);
    tx.putLong(l + 8, tx.getLong(l + 8) + 1);
  }

  static void listDelete(Heap h, long val) {
    Txn tx = h.current();
    long l = h.roots().make("list", LIST);
    for (long n = tx.getLong(l); n != 0; n = tx.getLong(n)) {
      if (tx.getLong(n + 16) != val) continue;
      long next = tx.getLong(n), prev = tx.getLong(n + 8);
      if (prev != 0) tx.putLong(prev, next);
      else tx.putLong(l, next);
      if (next != 0) tx.putLong(next + 8, prev);
      tx.putLong(l + 8, tx.getLong(l + 8) - 1);
      return;
    }
  }

  static String listState(Heap h) {
    RootTable.Root r = h.roots().get("list");
    if (r == null) return "no list";
    long l = r.offset();
    StringBuilder sb = new StringBuilder("[");
    long prev = 0, n = h.getLong(l), count = 0;
    while (n != 0) {
      if (h.getLong(n + 8) != prev) return "BROKEN prev link at " + n;
      sb.append(h.getLong(n + 16)).append(' ');
      prev = n;
      n = h.getLong(n);
      if (++count > 1000) return "BROKEN cycle";
    }
    if (count != h.getLong(l + 8)) return "BROKEN len " + h.getLong(l + 8) + " != " + count;
    return sb.append(']').toString();
  }

  /** Four accounts of 100; transfers between them, alternating undo and redo. */
  static Ops bank(boolean mixModes) {
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.roots().make("accounts", TestHeaps.INT64, 4));
    ops.add(h -> h.txn(Txn.Mode.UNDO, () -> {
      long a = h.roots().make("accounts", TestHeaps.INT64, 4);
      for (int i = 0; i < 4; i++) h.current().putLong(a + 8L * i, 100);
    }));
    int[][] transfers = {{0, 1, 30}, {1, 2, 50}, {2, 3, 70}, {3, 0, 10}, {0, 2, 99}, {2, 1, 5}};
    for (int i = 0; i < transfers.length; i++) {
      int[] t = transfers[i];
      Txn.Mode mode = mixModes && i % 2 == 1 ? Txn.Mode.REDO : Txn.Mode.UNDO;
      ops.add(h -> h.txn(mode, () -> {
        Txn tx = h.current();
        long a = h.roots().get("accounts").offset();
        tx.putLong(a + 8L * t[0], tx.getLong(a + 8L * t[0]) - t[2]);
        tx.putLong(a + 8L * t[1], tx.getLong(a + 8L * t[1]) + t[2]);
      }));
    }
    return new Ops(ops, h -> {
      RootTable.Root r = h.roots().get("accounts");
      if (r == null) return "no accounts";
      long sum = 0;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        long v = h.getLong(r.offset() + 8L * i);
        sum += v;
        sb.append(v).append(' ');
      }
      if (sum != 400 && sum != 0) return "BROKEN sum " + sum;
      return sb.toString();
    });
  }

  static final TypeDesc ENTRY = new TypeDesc("main.Entry", 24, 8, List.of(
      new TypeDesc.Field("next", "*main.Entry", 0, 8, TypeDesc.Kind.POINTER),
      new TypeDesc.Field("key", "int", 8, 8, TypeDesc.Kind.SCALAR),
      new TypeDesc.Field("val", "int", 16, 8, TypeDesc.Kind.SCALAR)));
  static final TypeDesc ENTRY_PTR = new TypeDesc("*main.Entry", 8, 8, List.of(
      new TypeDesc.Field("", "*main.Entry", 0, 8, TypeDesc.Kind.POINTER)));
  static final TypeDesc MAP = new TypeDesc("main.Map", 24, 8, List.of(
      new TypeDesc.Field("buckets", "[]*main.Entry", 0, 8, TypeDesc.Kind.POINTER),
      new TypeDesc.Field("nbuckets", "int", 8, 8, TypeDesc.Kind.SCALAR),
      new TypeDesc.Field("count", "int", 16, 8, TypeDesc.Kind.SCALAR)));

  /** A chained hash map that doubles its bucket array when the load exceeds 2. */
  static Ops hashMap() {
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.roots().make("map", MAP));
    for (int k = 1; k <= 11; k++) {
      int key = k * 7;
      ops.add(h -> h.txn(Txn.Mode.UNDO, () -> mapPut(h, key, key * 10L)));
    }
    return new Ops(ops, CrashTest::mapState);
  }

  static void mapPut(Heap h, long key, long val) {
    Txn tx = h.current();
    long m = h.roots().make("map", MAP);
    int entry = h.registerType(ENTRY), eptr = h.registerType(ENTRY_PTR);
    if (tx.getLong(m) == 0) {
      tx.putLong(m, h.alloc(eptr, 2));
      tx.putLong(m + 8, 2);
    }
    long nb = tx.getLong(m + 8);
    if (tx.getLong(m + 16) + 1 > 2 * nb) { // resize: rehash every entry into a new array
      long nbk = nb * 2, old = tx.getLong(m), arr = h.alloc(eptr, nbk);
      for (long i = 0; i < nb; i++) {
        for (long e = tx.getLong(old + 8 * i); e != 0; ) {
          long next = tx.getLong(e);
          long b = arr + 8 * Math.floorMod(tx.getLong(e + 8), nbk);
          tx.putLong(e, tx.getLong(b));
          tx.putLong(b, e);
          e = next;
        }
      }
      tx.putLong(m, arr);
      tx.putLong(m + 8, nbk);
      nb = nbk;
    }
    long b = tx.getLong(m) + 8 * Math.floorMod(key, nb);
    long e = h.alloc(entry, 1);
    tx.putLong(e + 8, key);
    tx.putLong(e + 16, val);
    tx.putLong(e, tx.getLong(b));
    tx.putLong(b, e);
    tx.putLong(m + 16, tx.getLong(m + 16) + 1);
  }

  static String mapState(Heap h) {
    RootTable.Root r = h.roots().get("map");
    if (r == null) return "no map";
    long m = r.offset(), arr = h.getLong(m), nb = h.getLong(m + 8), count = 0;
    if (arr == 0) return "empty";
    if (h.countOf(arr) != nb) return "BROKEN nbuckets";
    java.util.TreeMap<Long, Long> kv = new java.util.TreeMap<>();
    for (long i = 0; i < nb; i++) {
      for (long e = h.getLong(arr + 8 * i); e != 0; e = h.getLong(e)) {
        long k = h.getLong(e + 8);
        if (Math.floorMod(k, nb) != i) return "BROKEN key " + k + " in bucket " + i;
        kv.put(k, h.getLong(e + 16));
        if (++count > 1000) return "BROKEN cycle";
      }
    }
    if (count != h.getLong(m + 16)) return "BROKEN count";
    return kv.toString();
  }

  /** Objects of 4 pages each linked into a root array until the heap has grown by arenas. */
  static Ops growth() {
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.roots().make("blocks", TestHeaps.NODE_PTR, 16));
    for (int i = 0; i < 9; i++) {
      int idx = i;
      ops.add(h -> h.txn(Txn.Mode.UNDO, () -> {
        long arr = h.roots().make("blocks", TestHeaps.NODE_PTR, 16);
        int big = h.registerType(TypeDesc.scalar("main.Block", 16000));
        long b = h.alloc(big, 1);
        h.current().putLong(b + 8000, idx + 1);
        h.current().putLong(arr + 8L * idx, b);
      }));
    }
    return new Ops(ops, h -> {
      RootTable.Root r = h.roots().get("blocks");
      if (r == null) return "none";
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        long b = h.getLong(r.offset() + 8L * i);
        sb.append(b == 0 ? 0 : h.getLong(b + 8000)).append(' ');
      }
      return sb.toString();
    });
  }

  // ---------------------------------------------------------------- tests

  @Test
  void testLinkedList_undo() {
    enumerate("linked list (undo)", linkedList(Txn.Mode.UNDO), CrashEnumerator.Options.plain());
  }

  @Test
  void testLinkedList_redo() {
    enumerate("linked list (redo)", linkedList(Txn.Mode.REDO), CrashEnumerator.Options.plain());
  }

  @Test
  void testBankTransfer_sumInvariant() {
    enumerate("bank transfer (undo+redo)", bank(true), CrashEnumerator.Options.plain());
  }

  @Test
  void testBankTransfer_unfencedLinesReordered() {
    enumerate("bank transfer, pending-line subsets", bank(true),
        new CrashEnumerator.Options(CrashSimulator.Extra.PENDING, 3, false));
    enumerate("bank transfer, evicted dirty lines", bank(true),
        new CrashEnumerator.Options(CrashSimulator.Extra.DIRTY, 2, false));
  }

  @Test
  void testHashMap_insertWithResize() {
    enumerate("hash map insert with resize", hashMap(), CrashEnumerator.Options.plain());
  }

  @Test
  void testUnfencedLinesReordered_listAndMap() {
    enumerate("linked list (undo), evicted dirty lines", linkedList(Txn.Mode.UNDO),
        new CrashEnumerator.Options(CrashSimulator.Extra.DIRTY, 2, false));
    enumerate("linked list (redo), pending-line subsets", linkedList(Txn.Mode.REDO),
        new CrashEnumerator.Options(CrashSimulator.Extra.PENDING, 2, false));
    enumerate("hash map, pending-line subsets", hashMap(),
        new CrashEnumerator.Options(CrashSimulator.Extra.PENDING, 2, false));
  }

  @Test
  void testHeapGrowth() {
    CrashEnumerator.Result r = enumerate("heap growth", growth(), CrashEnumerator.Options.plain());
    assertTrue(r.crashPoints() > 50);
  }

  /**
   * Open without the recovery collection (DEFERRED): the heap holds a list and garbage from an
   * earlier run; the workload deletes and inserts (allocating only from fresh spans, the old ones
   * count as full), then its first collection sweeps the old spans; every crash point, including
   * each of that sweep's, must leave a committed prefix and a sound heap.
   */
  @Test
  void testDeferredRecoveryCollection() {
    MemoryMedia m = new MemoryMedia("old.pmem", List.of());
    List<byte[]> base;
    try (Heap h = Heap.create(m, TestHeaps.small())) {
      h.autoGc(false);
      h.roots().make("list", LIST);
      for (int v = 10; v < 40; v++) {
        long val = v;
        h.txn(Txn.Mode.UNDO, () -> listInsert(h, val));
      }
      for (int v = 10; v < 40; v += 3) {
        long val = v;
        h.txn(Txn.Mode.UNDO, () -> listDelete(h, val)); // garbage the next open finds
      }
      base = m.snapshot();
    }
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    for (int v : new int[] {11, 12, 14}) ops.add(h -> h.txn(Txn.Mode.UNDO, () -> listDelete(h, v)));
    ops.add(h -> h.txn(Txn.Mode.REDO, () -> listInsert(h, 7)));
    ops.add(h -> {
      assertTrue(h.recoveryGcPending());
      GcStats g = h.gc();
      assertTrue(g.freedBytes() > 0, g.toString());
      assertFalse(h.recoveryGcPending());
    });
    ops.add(h -> h.txn(Txn.Mode.UNDO, () -> listInsert(h, 8)));
    enumerate("linked list over an old heap, deferred recovery collection", base,
        new Ops(ops, CrashTest::listState), CrashEnumerator.Options.plain(),
        TestHeaps.small().withRecoveryGc(HeapOptions.RecoveryGc.DEFERRED));
  }

  /**
   * Objects allocated outside a transaction or in one that only allocates are not fenced at once
   * (PendingFlushes); a later transaction links them. Their contents must be durable whenever the
   * link is, also when unfenced lines reach the media in any order.
   */
  @Test
  void testAllocateNowLinkLater() {
    long[] made = new long[3];
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.roots().make("list", LIST));
    ops.add(h -> h.txn(Txn.Mode.UNDO, () -> {
      made[0] = h.alloc(h.registerType(TestHeaps.NODE), 1);
      h.current().putLong(made[0] + 16, 41);
    }));
    ops.add(h -> {
      made[1] = h.alloc(h.registerType(TestHeaps.NODE), 1);
      h.putLong(made[1] + 16, 42);
    });
    ops.add(h -> h.txn(Txn.Mode.REDO, () -> {
      made[2] = h.alloc(h.registerType(TestHeaps.NODE), 1);
      h.current().putLong(made[2] + 16, 43);
    }));
    for (int i = 0; i < 3; i++) {
      int k = i;
      ops.add(h -> h.txn(k == 1 ? Txn.Mode.REDO : Txn.Mode.UNDO, () -> {
        Txn tx = h.current();
        long l = h.roots().get("list").offset(), n = made[k], head = tx.getLong(l);
        tx.putLong(n, head);
        if (head != 0) tx.putLong(head + 8, n);
        tx.putLong(l, n);
        tx.putLong(l + 8, tx.getLong(l + 8) + 1);
      }));
    }
    Ops w = new Ops(ops, CrashTest::listState);
    enumerate("allocate now, link later", w, CrashEnumerator.Options.plain());
    enumerate("allocate now, link later, pending-line subsets", w,
        new CrashEnumerator.Options(CrashSimulator.Extra.PENDING, 3, false));
    enumerate("allocate now, link later, evicted dirty lines", w,
        new CrashEnumerator.Options(CrashSimulator.Extra.DIRTY, 2, false));
  }

  /** One transaction whose log outgrows its first 16 KiB chunk: the chain grows mid-transaction. */
  @Test
  void testLogSpanningChunks() {
    TypeDesc big = TypeDesc.scalar("main.Big", 24 * 1024);
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.roots().make("big", big));
    for (int round = 1; round <= 2; round++) {
      int r = round;
      ops.add(h -> h.txn(r == 1 ? Txn.Mode.UNDO : Txn.Mode.REDO, () -> {
        long o = h.roots().get("big").offset();
        byte[] b = new byte[1024];
        for (int k = 0; k < 24; k++) {
          java.util.Arrays.fill(b, (byte) (r * 32 + k));
          h.current().putBytes(o + 1024L * k, b, 0, b.length);
        }
      }));
    }
    Ops w = new Ops(ops, h -> {
      RootTable.Root root = h.roots().get("big");
      if (root == null) return "none";
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 24; k++) {
        byte first = h.getByte(root.offset() + 1024L * k);
        for (int i = 1; i < 1024; i++) if (h.getByte(root.offset() + 1024L * k + i) != first) return "TORN range " + k;
        sb.append(first).append(',');
      }
      return sb.toString();
    });
    enumerate("24 KiB transactions (log spans chunks)", w, CrashEnumerator.Options.plain());
    enumerate("24 KiB transactions, pending-line subsets", w, new CrashEnumerator.Options(CrashSimulator.Extra.PENDING, 2, false));
  }

  /**
   * The two-fence undo commit (docs/pmem.md): a commit record validated by a checksum of the data,
   * and an invalidation persisted lazily. Raw stores right after a commit must not let recovery
   * roll the committed transaction back (the raw-store barrier fences the invalidation first);
   * consecutive transactions whose logs outgrow their half of the first chunk must not overwrite
   * the previous log while its invalidation is pending.
   */
  @Test
  void testUndoCommitRecordAndLazyInvalidation() {
    TypeDesc blob = TypeDesc.scalar("main.Blob", 16 + 10 * 1024);
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.roots().make("b", blob));
    ops.add(h -> h.txn(Txn.Mode.UNDO, () -> h.current().putLong(h.roots().get("b").offset(), 1)));
    ops.add(h -> { // a raw store and persist right after a commit
      long o = h.roots().get("b").offset();
      h.putLong(o, 2);
      h.persist(o, 8);
    });
    for (int r = 3; r <= 5; r++) {
      int v = r;
      ops.add(h -> h.txn(Txn.Mode.UNDO, () -> {
        long o = h.roots().get("b").offset();
        Txn tx = h.current();
        tx.putLong(o, v);
        if (v >= 4) { // a 10 KiB log: more than half a chunk
          byte[] b = new byte[10 * 1024];
          java.util.Arrays.fill(b, (byte) v);
          tx.putBytes(o + 16, b, 0, b.length);
        }
        tx.putLong(o + 8, v);
      }));
    }
    ops.add(h -> h.txn(Txn.Mode.UNDO, () -> { // a new object linked in the same two-phase commit
      long o = h.roots().get("b").offset();
      long n = h.alloc(h.registerType(TestHeaps.NODE), 1);
      h.current().putLong(n + 16, 77);
      h.current().putLong(o + 8, n);
    }));
    ops.add(h -> {
      long o = h.roots().get("b").offset();
      h.putLong(o, 6);
      h.persist(o, 8);
    });
    Ops w = new Ops(ops, h -> {
      RootTable.Root root = h.roots().get("b");
      if (root == null) return "none";
      long o = root.offset();
      byte first = h.getByte(o + 16);
      for (int i = 1; i < 10 * 1024; i++) if (h.getByte(o + 16 + i) != first) return "TORN blob";
      long y = h.getLong(o + 8);
      String ys = y > 100 ? "node(" + h.getLong(y + 16) + ")" : Long.toString(y);
      return h.getLong(o) + "," + ys + "," + first;
    });
    enumerate("undo commit record, lazy invalidation", w, CrashEnumerator.Options.plain());
    enumerate("undo commit record, lazy invalidation, pending-line subsets", w,
        new CrashEnumerator.Options(CrashSimulator.Extra.PENDING, 3, false));
    enumerate("undo commit record, lazy invalidation, evicted dirty lines", w,
        new CrashEnumerator.Options(CrashSimulator.Extra.DIRTY, 2, false));
    enumerate("undo commit record, lazy invalidation, recovery crashed", w,
        new CrashEnumerator.Options(CrashSimulator.Extra.PENDING, 1, true));
  }

  @Test
  void testRecoveryItselfCrashing() {
    enumerate("bank transfer, recovery crashed", bank(true),
        new CrashEnumerator.Options(CrashSimulator.Extra.NONE, 1, true));
    enumerate("linked list (redo), recovery crashed", linkedList(Txn.Mode.REDO),
        new CrashEnumerator.Options(CrashSimulator.Extra.PENDING, 1, true));
  }
}
