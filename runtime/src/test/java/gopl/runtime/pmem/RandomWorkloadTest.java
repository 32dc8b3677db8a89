package gopl.runtime.pmem;

import gopl.runtime.pmem.sim.CrashEnumerator;
import gopl.runtime.pmem.sim.CrashSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test: random workloads (allocate, link, unlink, update, abort, in undo, redo and null
 * transactions, with online collections between them) are crashed at every persistence event;
 * every surviving image must recover to a committed prefix and pass the checker.
 */
class RandomWorkloadTest {
  static final int SLOTS = 8;

  static CrashTest.Ops randomOps(long seed) {
    Random r = new Random(seed);
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.roots().make("slots", TestHeaps.NODE_PTR, SLOTS));
    for (int i = 0; i < 14; i++) {
      int kind = r.nextInt(5), a = r.nextInt(SLOTS), b = r.nextInt(SLOTS);
      long v = r.nextInt(1000);
      Txn.Mode mode = r.nextInt(3) == 0 ? Txn.Mode.REDO : Txn.Mode.UNDO;
      ops.add(h -> {
        if (kind == 4) {
          h.gc(); // online collection between transactions
          return;
        }
        try {
          h.txn(mode, () -> {
            Txn tx = h.current();
            long slots = h.roots().get("slots").offset();
            int node = h.registerType(TestHeaps.NODE);
            switch (kind) {
              case 0 -> { // allocate and link: slot a = new node -> slot b's node
                long n = h.alloc(node, 1);
                tx.putLong(n + 16, v);
                tx.putLong(n, tx.getLong(slots + 8L * b));
                tx.putLong(slots + 8L * a, n);
              }
              case 1 -> tx.putLong(slots + 8L * a, 0); // unlink
              case 2 -> { // update
                long n = tx.getLong(slots + 8L * a);
                if (n != 0) tx.putLong(n + 16, tx.getLong(n + 16) + v);
              }
              default -> { // update then abort
                long n = tx.getLong(slots + 8L * a);
                tx.putLong(slots + 8L * b, n);
                throw new IllegalStateException("abort");
              }
            }
          });
        } catch (IllegalStateException expected) {
          // the transaction rolled back
        }
      });
    }
    return new CrashTest.Ops(ops, RandomWorkloadTest::state);
  }

  static String state(Heap h) {
    RootTable.Root root = h.roots().get("slots");
    if (root == null) return "none";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < SLOTS; i++) {
      int hops = 0;
      for (long n = h.getLong(root.offset() + 8L * i); n != 0 && hops < 20; n = h.getLong(n), hops++)
        sb.append(h.getLong(n + 16)).append(',');
      sb.append('|');
    }
    return sb.toString();
  }

  @Test
  void testRandomWorkloads_recoverToACommittedPrefix() {
    for (long seed = 1; seed <= 3; seed++) {
      CrashTest.enumerate("random workload seed " + seed, randomOps(seed),
          new CrashEnumerator.Options(seed % 2 == 0 ? CrashSimulator.Extra.PENDING : CrashSimulator.Extra.DIRTY, 2, false));
    }
  }
}
