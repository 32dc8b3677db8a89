package gopl.runtime.pmem;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The page level of the allocator (Go's mheap): finds runs of free pages, creates spans by
 * persisting their page-table entry, frees them, and maps any heap offset to its span. Grows the
 * heap by an arena when no run fits (See package-info for overview).
 *
 * <p>Lock ordering: Allocator.Central before PageHeap; PageHeap before Heap's growth lock.
 */
final class PageHeap {
  private final Heap heap;
  private final int pagesPerArena;
  private final int firstData;
  private final List<BitSet> used = new ArrayList<>();
  /**
   * Per arena, the data pages that may hold non-zero bytes (Go's needzero): every page of an
   * arena found at open, and every page a span has covered. A span made only of other pages (an
   * arena grown past the old end of the file) hands out slots that need no zeroing until the
   * collector frees one of them (Span.needZero). Volatile knowledge: at open every page is dirty.
   */
  private final List<BitSet> dirty = new ArrayList<>();
  private volatile Span[][] spans = new Span[0][];
  private int hint;

  PageHeap(Heap heap) {
    this.heap = heap;
    this.pagesPerArena = (int) (heap.arenaSize() >>> Layout.PAGE_SHIFT);
    this.firstData = Layout.firstDataPage(heap.arenaShift());
  }

  /** Loads arena {@code a}'s page table; throws HeapException on a damaged or overlapping entry. */
  synchronized void loadArena(int a) {
    BitSet u = new BitSet(pagesPerArena);
    Span[] s = new Span[pagesPerArena];
    u.set(0, firstData);
    long base = (long) a << heap.arenaShift();
    for (int p = firstData; p < pagesPerArena; p++) {
      long at = base + Layout.PT_OFFSET + p * 8L;
      long v = Checksums.checkedValue(heap.getLong(at), at);
      if (v < 0) throw heap.damaged("arena " + a + ": damaged page-table entry for page " + p);
      if (v == 0) continue;
      int kind = Layout.ptKind(v), cls = Layout.ptClass(v), n = Layout.ptPages(v);
      boolean ok = n >= 1 && p + n <= pagesPerArena
          && (kind == Layout.KIND_LARGE && cls == 0
              || kind == Layout.KIND_SMALL && cls > 0 && cls < SizeClasses.COUNT && n == SizeClasses.spanPages(cls));
      if (!ok || u.nextSetBit(p) >= 0 && u.nextSetBit(p) < p + n)
        throw heap.damaged("arena " + a + ": bad page-table entry for page " + p);
      Span sp = new Span(base + (long) p * Layout.PAGE_SIZE, n, cls);
      sp.needZero = true;
      sp.fillAll(); // live slots are unknown until the recovery collection marks
      for (int i = p; i < p + n; i++) s[i] = sp;
      u.set(p, p + n);
      p += n - 1;
    }
    addArena(a, u, s, false);
  }

  /** Registers a freshly grown (empty) arena. */
  synchronized void addFreshArena(int a) {
    BitSet u = new BitSet(pagesPerArena);
    u.set(0, firstData);
    addArena(a, u, new Span[pagesPerArena], heap.grownZeroed(a));
  }

  /** Arena {@code a} was just created in a new file: its data pages read as zeros. */
  synchronized void dataZeroed(int a) {
    if (used.get(a).nextSetBit(firstData) < 0) dirty.get(a).clear();
  }

  private void addArena(int a, BitSet u, Span[] s, boolean zeroed) {
    while (used.size() <= a) used.add(null);
    while (dirty.size() <= a) dirty.add(null);
    used.set(a, u);
    BitSet d = new BitSet(pagesPerArena);
    if (!zeroed) d.set(0, pagesPerArena);
    dirty.set(a, d);
    Span[][] n = java.util.Arrays.copyOf(spans, Math.max(spans.length, a + 1));
    n[a] = s;
    spans = n;
  }

  /** The span containing heap offset {@code off}, or null. */
  Span spanOf(long off) {
    int a = (int) (off >>> heap.arenaShift());
    Span[][] all = spans;
    if (off < 0 || a >= all.length || all[a] == null) return null;
    return all[a][(int) ((off & heap.arenaMask()) >>> Layout.PAGE_SHIFT)];
  }

  /** Every span, in heap order. */
  synchronized List<Span> allSpans() {
    List<Span> out = new ArrayList<>();
    for (Span[] arena : spans) {
      Span last = null;
      for (Span s : arena) {
        if (s != null && s != last) out.add(s);
        last = s;
      }
    }
    return out;
  }

  /**
   * Creates a span of {@code pages} pages; its page-table entry is persisted by the next fence
   * (before anything can durably point into the span), growing the heap if no run fits. Throws
   * HeapFullException at the size limit.
   */
  synchronized Span create(int sizeClass, int pages) {
    if (pages > pagesPerArena - firstData)
      throw new HeapFullException(heap.name() + ": object of " + pages + " pages exceeds an arena ("
          + (pagesPerArena - firstData) + " data pages)");
    long page = findRun(pages);
    while (page < 0) {
      int a = heap.grow();
      addFreshArena(a);
      page = findRun(pages);
    }
    int a = (int) (page / pagesPerArena);
    int p = (int) (page % pagesPerArena);
    long base = (long) a << heap.arenaShift();
    long at = base + Layout.PT_OFFSET + p * 8L;
    int kind = sizeClass == 0 ? Layout.KIND_LARGE : Layout.KIND_SMALL;
    heap.storeLong(at, Checksums.checkedWord(Layout.ptValue(kind, sizeClass, pages), at));
    // durable by the next fence of any thread (PendingFlushes), which precedes any durable
    // pointer into the span: an allocation outside a transaction persists at once, a commit fences
    heap.deferPersist(at, 8);
    Span s = new Span(base + (long) p * Layout.PAGE_SIZE, pages, sizeClass);
    BitSet d = dirty.get(a);
    int q = d.nextSetBit(p);
    s.needZero = q >= 0 && q < p + pages;
    d.set(p, p + pages);
    used.get(a).set(p, p + pages);
    Span[] arena = spans[a];
    for (int i = p; i < p + pages; i++) arena[i] = s;
    return s;
  }

  /** Returns the pages of {@code s}: clears its page-table entry and flushes it (caller fences). */
  synchronized void release(Span s) {
    int a = (int) (s.base >>> heap.arenaShift());
    int p = (int) ((s.base & heap.arenaMask()) >>> Layout.PAGE_SHIFT);
    long at = ((long) a << heap.arenaShift()) + Layout.PT_OFFSET + p * 8L;
    heap.storeLong(at, 0);
    heap.flush(at, 8);
    used.get(a).clear(p, p + s.pages);
    Span[] arena = spans[a];
    for (int i = p; i < p + s.pages; i++) arena[i] = null;
  }

  /** Global page number of the first free run of {@code n} pages, or -1. */
  private long findRun(int n) {
    int arenas = used.size();
    for (int k = 0; k < arenas; k++) {
      int a = (hint + k) % arenas;
      BitSet u = used.get(a);
      int p = u.nextClearBit(firstData);
      while (p + n <= pagesPerArena) {
        int q = u.nextSetBit(p);
        if (q < 0 || q >= p + n) {
          hint = a;
          return (long) a * pagesPerArena + p;
        }
        p = u.nextClearBit(q);
      }
    }
    return -1;
  }

  /** Free data pages in all arenas. */
  synchronized long freePages() {
    long n = 0;
    for (BitSet u : used) n += pagesPerArena - u.cardinality();
    return n;
  }

  /** Number of free runs (a fragmentation measure). */
  synchronized long freeRuns() {
    long runs = 0;
    for (BitSet u : used) {
      int p = u.nextClearBit(firstData);
      while (p < pagesPerArena) {
        runs++;
        int q = u.nextSetBit(p);
        if (q < 0) break;
        p = u.nextClearBit(q);
      }
    }
    return runs;
  }
}
