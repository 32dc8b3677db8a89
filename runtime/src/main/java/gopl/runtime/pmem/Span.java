package gopl.runtime.pmem;

/**
 * A span: a run of pages that holds equal slots of one size class, or one large object (class 0,
 * one slot). Persistently only its page-table entry exists; which slots are live is volatile
 * ({@link #alloc}) and is rebuilt by marking (See package-info for overview).
 *
 * <p>{@link #alloc} and {@link #free} are guarded by the owning {@link Allocator.Central} (or by
 * the collector while transactions are held back); {@link #mark} only by the collector.
 */
final class Span {
  /** Heap offset of the first page. */
  final long base;
  /** Pages in the span. */
  final int pages;
  /** Size class, 0 for a large object. */
  final int sizeClass;
  /** Bytes per slot (the whole run for a large object). */
  final long slot;
  /** Slots in the span. */
  final int slots;
  /** Bit per slot: allocated (handed out or live at the last collection). */
  final long[] alloc;
  /** Bit per slot: reached by the current mark. */
  final long[] mark;
  /** Slots not allocated. */
  int free;
  /**
   * Whether a free slot may hold non-zero bytes: false only for a span made of never-used pages
   * of a new arena, until the collector frees one of its slots (PageHeap's dirty pages). Written
   * by PageHeap.create and the collector (mutators held back), read under the central's lock.
   */
  boolean needZero;
  /** Whether the span is on its central's partial list. */
  boolean listed;
  /**
   * Whether the span was found at open and has not been swept since: all its slots count as
   * allocated (nothing is allocated from it) until the recovery collection sweeps it.
   */
  volatile boolean old;

  Span(long base, int pages, int sizeClass) {
    this.base = base;
    this.pages = pages;
    this.sizeClass = sizeClass;
    this.slot = sizeClass == 0 ? (long) pages * Layout.PAGE_SIZE : SizeClasses.SLOT[sizeClass];
    this.slots = (int) ((long) pages * Layout.PAGE_SIZE / slot);
    this.alloc = new long[(slots + 63) >>> 6];
    this.mark = new long[alloc.length];
    this.free = slots;
  }

  /** Marks every slot allocated and the span old (a span loaded at open, before any sweep). */
  void fillAll() {
    java.util.Arrays.fill(alloc, -1L);
    if ((slots & 63) != 0) alloc[alloc.length - 1] = (1L << (slots & 63)) - 1;
    free = 0;
    old = true;
  }

  /** Index of the slot containing heap offset {@code off}, which must lie in the span. */
  int slotIndex(long off) { return (int) ((off - base) / slot); }

  /** Heap offset of slot {@code i} (its header word). */
  long slotOffset(int i) { return base + i * slot; }

  boolean allocated(int i) { return (alloc[i >>> 6] & (1L << i)) != 0; }

  void setAllocated(int i) {
    alloc[i >>> 6] |= 1L << i;
    free--;
  }

  boolean marked(int i) { return (mark[i >>> 6] & (1L << i)) != 0; }

  /** Sets the mark bit; returns false if it was already set. */
  boolean setMarked(int i) {
    long b = 1L << i;
    if ((mark[i >>> 6] & b) != 0) return false;
    mark[i >>> 6] |= b;
    return true;
  }

  /** Bytes of the span. */
  long bytes() { return (long) pages * Layout.PAGE_SIZE; }
}
