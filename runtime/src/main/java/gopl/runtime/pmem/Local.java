package gopl.runtime.pmem;

/**
 * One thread's state in one heap (Go's mcache and more), found with a single ThreadLocal lookup
 * per operation: the running transaction, the free-slot cache per size class, bytes allocated
 * but not yet counted by the collector, this thread's buffer of raw allocation offsets (roots of
 * the current handle epoch, {@link Handles.RawBuf}) and of new objects awaiting a flush
 * ({@link PendingFlushes.Buf}). Only its thread touches it, except the collector, which reads and
 * resets the buffers while the gate is closed (every mutator outside), and other threads' fences,
 * which only read the new-object buffer.
 */
final class Local {
  /** The running (outermost) transaction of this thread, or null. */
  Txn tx;
  /** Range sets reused by this thread's transactions (Txn: logged ranges, new objects). */
  final RangeSet loggedSet = new RangeSet(), freshSet = new RangeSet();
  /** Lane headers this thread's current fence flushed, and their generations (LanePool). */
  Lane[] invLanes;
  long[] invGens;
  /** Free slots per size class (Allocator). */
  final long[][] slots = new long[SizeClasses.COUNT][Allocator.BATCH];
  final int[] n = new int[SizeClasses.COUNT];
  /** Allocator generation the cached slots belong to. */
  int gen;
  /** Bytes allocated and not yet reported to the collector. */
  long allocated;
  /** Raw allocation offsets of the current handle epoch (null until the first). */
  Handles.RawBuf raw;
  /** New objects of allocation-only transactions, flushed by the next fence (null until the first). */
  PendingFlushes.Buf fresh;

  long pop(int c) {
    int k = n[c];
    if (k == 0) return -1;
    n[c] = k - 1;
    return slots[c][k - 1];
  }

  void reset(int g) {
    java.util.Arrays.fill(n, 0);
    gen = g;
  }
}
