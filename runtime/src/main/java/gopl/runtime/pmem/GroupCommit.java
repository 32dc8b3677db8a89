package gopl.runtime.pmem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit (Heap.groupCommit): transactions of several threads that commit at the same time
 * share the commit's two fences. A committing thread queues its transaction; whichever thread
 * takes the leader lock flushes the data and new objects of every queued transaction, fences
 * once, stores each lane's generation + 1, flushes them, fences once, and wakes the others.
 *
 * <p>Crash safety is the single commit's: each transaction's data is durable before its log is
 * invalidated (two ordered phases), and every committer blocks until its own invalidation is
 * durable, so its locks, its lane and its results are released only then — a transaction never
 * depends on one that a crash could still roll back. The leader flushes the other transactions'
 * lines itself: a fence orders only the flushes of the thread that issues it.
 */
final class GroupCommit {
  private final Heap heap;
  private final ReentrantLock leader = new ReentrantLock();
  private final ConcurrentLinkedQueue<Txn> queue = new ConcurrentLinkedQueue<>();

  GroupCommit(Heap heap) { this.heap = heap; }

  /** Commits {@code tx} (UNDO or NULL mode) with whatever else is committing; returns once durable. */
  void commit(Txn tx) {
    tx.waiter = Thread.currentThread();
    queue.add(tx);
    while (!tx.durable) {
      if (leader.tryLock()) {
        try {
          if (!tx.durable) lead();
        } finally {
          leader.unlock();
        }
        Txn next = queue.peek(); // queued while this batch was made durable: its thread leads next
        if (next != null) LockSupport.unpark(next.waiter);
      } else {
        LockSupport.parkNanos(this, 50_000);
      }
    }
  }

  private void lead() {
    List<Txn> batch = new ArrayList<>();
    for (Txn t; (t = queue.poll()) != null; ) batch.add(t);
    if (batch.isEmpty()) return;
    boolean any = false;
    for (Txn t : batch) {
      if (t.lane != null) t.lane.flushAppended();
      any |= t.flushWrites();
    }
    if (any) fence(batch);
    boolean inv = false;
    for (Txn t : batch) {
      if (t.mode() == Txn.Mode.UNDO && t.laneUsed()) {
        t.lane.invalidate();
        inv = true;
      }
    }
    if (inv) fence(batch);
    for (Txn t : batch) {
      t.durable = true;
      if (t.waiter != Thread.currentThread()) LockSupport.unpark(t.waiter);
    }
  }

  private void fence(List<Txn> batch) {
    heap.fence();
    for (Txn t : batch) t.sharedFence();
  }
}
