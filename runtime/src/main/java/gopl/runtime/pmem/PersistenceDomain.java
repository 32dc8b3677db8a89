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
  private final LongAdder flushes = new LongAdder();
  private final LongAdder fences = new LongAdder();

  /** The domain's name as users select it: none, msync, pmem, sim. */
  public abstract String name();

  /** A line saying how this domain persists (reported by {@code open} and the heap tool). */
  public abstract String describe();

  /** Starts the write-back of {@code len} bytes at {@code off} of arena {@code arena}. */
  public final void flush(int arena, MemorySegment seg, long off, long len) {
    flushes.increment();
    doFlush(arena, seg, off, len);
  }

  /** Orders: every range flushed before is persistent when this returns. */
  public final void fence() {
    fences.increment();
    doFence();
  }

  protected abstract void doFlush(int arena, MemorySegment seg, long off, long len);

  protected abstract void doFence();

  /** Called when the heap maps arena {@code arena} (including at open). */
  public void arenaMapped(int arena, MemorySegment seg) {}

  /** Flush calls so far. */
  public long flushes() { return flushes.sum(); }

  /** Fence calls so far. */
  public long fences() { return fences.sum(); }
}
