package gopl.runtime.pmem;

import java.util.ArrayDeque;

/**
 * The allocator front (Go's mcache/mcentral): per-thread caches of free slots per size class,
 * refilled in batches from a central list of partial spans per class; large objects get a page
 * run each. The fast path (a cache hit) takes no lock and writes no log: it writes the object
 * header and zeroes the payload (See package-info for overview).
 *
 * <p>Lock ordering: Central, then PageHeap. The collector rebuilds the centrals while
 * transactions and allocations are held back, and bumps {@link #generation} so that every cache
 * drops its now-stale slots.
 */
final class Allocator {
  static final int BATCH = 32;
  /** Bit 0 of a cached slot offset (slots are 16-byte aligned): the slot may hold non-zero bytes. */
  static final long NEED_ZERO = 1;

  private final Heap heap;
  private final PageHeap pages;
  final Central[] centrals = new Central[SizeClasses.COUNT];
  volatile int generation;

  Allocator(Heap heap, PageHeap pages) {
    this.heap = heap;
    this.pages = pages;
    for (int c = 1; c < SizeClasses.COUNT; c++) centrals[c] = new Central(c);
  }

  /** Allocates a zeroed object of {@code bytes} payload bytes; returns the header's offset. */
  long allocate(long bytes) { return allocate(bytes, heap.local()); }

  /** {@link #allocate(long)} with the calling thread's state already found. */
  long allocate(long bytes, Local cache) {
    long total = bytes + Layout.OBJ_HEADER;
    int c = SizeClasses.classOf(total);
    if (c == 0) {
      int n = (int) ((total + Layout.PAGE_SIZE - 1) >>> Layout.PAGE_SHIFT);
      Span s = pages.create(0, n);
      s.setAllocated(0); // not yet visible to any other thread
      if (s.needZero) heap.zero(s.base, total);
      return s.base;
    }
    if (cache.gen != generation) cache.reset(generation);
    long slot = cache.pop(c);
    if (slot < 0) {
      centrals[c].refill(cache);
      slot = cache.pop(c);
    }
    if ((slot & NEED_ZERO) != 0) {
      slot ^= NEED_ZERO;
      heap.zero(slot, total);
    }
    return slot;
  }

  /** Free slots of small spans and bytes of all spans: {free, spanBytes}. */
  long[] usage() {
    long free = 0, spanBytes = 0;
    for (Span s : pages.allSpans()) {
      spanBytes += s.bytes();
      if (s.sizeClass > 0) free += (long) s.free * s.slot;
    }
    return new long[] {free, spanBytes};
  }

  /** Spans of one class with free slots (Go's mcentral). */
  final class Central {
    final int sizeClass;
    final ArrayDeque<Span> partial = new ArrayDeque<>();

    Central(int sizeClass) { this.sizeClass = sizeClass; }

    synchronized void refill(Local cache) {
      int got = cache.n[sizeClass];
      while (got < BATCH) {
        Span s = partial.peekFirst();
        if (s == null) {
          s = pages.create(sizeClass, SizeClasses.spanPages(sizeClass));
          s.listed = true;
          partial.addFirst(s);
        }
        for (int i = 0; i < s.slots && got < BATCH && s.free > 0; i++) {
          if (!s.allocated(i)) {
            s.setAllocated(i);
            cache.slots[sizeClass][got++] = s.slotOffset(i) | (s.needZero ? NEED_ZERO : 0);
          }
        }
        if (s.free == 0) {
          partial.pollFirst();
          s.listed = false;
        }
        if (got > 0) break;
      }
      cache.n[sizeClass] = got;
    }

    /** Called by the collector: the span has free slots again. */
    synchronized void offer(Span s) {
      if (!s.listed) {
        s.listed = true;
        partial.addLast(s);
      }
    }

    synchronized void clear() {
      for (Span s : partial) s.listed = false;
      partial.clear();
    }
  }
}
