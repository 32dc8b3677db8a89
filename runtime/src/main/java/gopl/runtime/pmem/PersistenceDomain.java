package gopl.runtime.pmem;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.LongAdder;

/**
 * How stores reach persistence (DESIGN.md §4): {@code flush} starts writing back a range,
 * {@code fence} waits until every range flushed before it by this thread is persistent. A store is
 * persistent only after a flush of its range followed by a fence. Implementations: {@link
 * Domains#none}, {@link Domains#msync}, {@link Domains#pmem}, {@link Domains#dax} and the crash
 * simulator ({@code gopl.runtime.pmem.sim.CrashSimulator}).
 */
public abstract class PersistenceDomain {
  /**
   * Flush calls, counted with plain (opaque) stores, not an atomic increment: x86 orders CLWB and
   * CLFLUSHOPT before a later locked read-modify-write, so a locked increment between two flushes
   * waits for the first one's write-back as a fence would (measured: 8 lines flushed by 8 calls
   * then one fence took 1.5-1.8 µs with a LongAdder here, 0.25 µs as one call). Exact from one
   * thread; threads flushing at once may lose counts.
   */
  @SuppressWarnings("unused") // accessed through FLUSHES
  private long flushes;
  private static final java.lang.invoke.VarHandle FLUSHES;

  static {
    try {
      FLUSHES = java.lang.invoke.MethodHandles.lookup().findVarHandle(PersistenceDomain.class, "flushes", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Fence calls (an atomic increment after the fence costs nothing more: the write-backs are done). */
  private final LongAdder fences = new LongAdder();

  /** The domain's name as users select it: none, msync, pmem, sim. */
  public abstract String name();

  /** A line saying how this domain persists (reported by {@code open} and the heap tool). */
  public abstract String describe();

  /** Starts the write-back of {@code len} bytes at {@code off} of arena {@code arena}. */
  public final void flush(int arena, MemorySegment seg, long off, long len) {
    FLUSHES.setOpaque(this, (long) FLUSHES.getOpaque(this) + 1);
    doFlush(arena, seg, off, len);
  }

  /** Orders: every range flushed before is persistent when this returns. */
  public final void fence() {
    doFence();
    fences.increment();
  }

  protected abstract void doFlush(int arena, MemorySegment seg, long off, long len);

  protected abstract void doFence();

  /** Called when the heap maps arena {@code arena} (including at open). */
  public void arenaMapped(int arena, MemorySegment seg) {}

  /** Flush calls so far. */
  public long flushes() { return (long) FLUSHES.getOpaque(this); }

  /** Fence calls so far. */
  public long fences() { return fences.sum(); }
}
