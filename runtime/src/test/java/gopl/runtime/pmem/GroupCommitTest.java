package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import gopl.runtime.pmem.sim.CrashEnumerator;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Group commit: concurrent commits share fences, each returns durable, crash images stay consistent. */
class GroupCommitTest {
  /** A domain whose fence takes 50 us, like a slow device: commits overlap and form groups. */
  static PersistenceDomain slowFence() {
    return new PersistenceDomain() {
      @Override public String name() { return "slow"; }
      @Override public String describe() { return "slow fences (test)"; }
      @Override protected void doFlush(int a, MemorySegment s, long off, long len) {}
      @Override protected void doFence() { LockSupport.parkNanos(50_000); }
    };
  }

  @Test
  void testConcurrentCommitsShareFences() throws Exception {
    int threads = 4, per = 300;
    PersistenceDomain d = slowFence();
    try (Heap h = Heap.create(new MemoryMedia("g.pmem", List.of()), TestHeaps.small().withDomain(d))) {
      h.autoGc(false);
      long counters = h.roots().make("counters", TestHeaps.INT64, threads);
      int node = h.registerType(TestHeaps.NODE);
      h.groupCommit(true);
      long fences0 = d.fences();
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long at = counters + 8L * t;
        ts.add(Thread.ofPlatform().start(() -> {
          for (int i = 0; i < per; i++) {
            Txn tx = h.begin(Txn.Mode.UNDO);
            long n = h.alloc(node, 1);
            tx.putLong(n + 16, i);
            tx.putLong(at, tx.getLong(at) + 1);
            tx.commit();
            assertTrue(tx.done());
          }
        }));
      }
      for (Thread t : ts) t.join();
      long fences = d.fences() - fences0;
      long txns = (long) threads * per;
      for (int t = 0; t < threads; t++) assertEquals(per, h.getLong(counters + 8L * t));
      for (long l : h.laneStates()) assertEquals(0, l, "every log invalidated");
      // alone, each transaction fences three times (log, data, generation); grouped, the data
      // and generation fences are shared
      System.out.println("group commit: " + txns + " transactions, " + fences + " fences");
      assertTrue(fences < 2.7 * txns, fences + " fences for " + txns + " transactions");
    }
  }

  @Test
  void testCrashEnumeration_groupCommitOn() {
    CrashTest.Ops bank = CrashTest.bank(false);
    List<CrashEnumerator.Workload> ops = new ArrayList<>();
    ops.add(h -> h.groupCommit(true));
    ops.addAll(bank.ops());
    CrashTest.enumerate("bank transfer, group commit", new CrashTest.Ops(ops, bank.state()),
        CrashEnumerator.Options.plain());
  }
}
