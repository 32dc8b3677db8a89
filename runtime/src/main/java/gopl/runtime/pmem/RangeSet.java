package gopl.runtime.pmem;

/**
 * A set of disjoint, coalesced byte ranges [start, end) of the heap: the ranges a transaction has
 * logged (so a range logged twice is copied once) or allocated. Kept as two sorted arrays (a
 * transaction touches few ranges); the last range found is checked first, so repeated stores to
 * one object cost no search. No boxing on any path.
 */
final class RangeSet {
  /** Receives one range. */
  interface Consumer {
    void accept(long start, long end);
  }

  private static final long[] NONE = {};
  private long[] starts = NONE; // allocated at the first add: most transactions have no new objects
  private long[] ends = NONE;
  private int n;
  private long lastStart = -1, lastEnd = -1;

  boolean isEmpty() { return n == 0; }

  /** Empties the set, keeping its arrays (a thread reuses its sets for each transaction); returns it. */
  RangeSet clear() {
    n = 0;
    lastStart = lastEnd = -1;
    return this;
  }

  /** Start of the {@code i}-th range in order. */
  long start(int i) { return starts[i]; }

  /** End of the {@code i}-th range in order. */
  long end(int i) { return ends[i]; }

  int size() { return n; }

  /** Index of the last range whose start is &le; {@code s}, or -1. */
  private int floor(long s) {
    int lo = 0, hi = n - 1, r = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= s) {
        r = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return r;
  }

  /** Whether [s, e) is covered entirely. */
  boolean covers(long s, long e) {
    if (s >= lastStart && e <= lastEnd) return true;
    int f = floor(s);
    if (f >= 0 && e <= ends[f]) {
      lastStart = starts[f];
      lastEnd = ends[f];
      return true;
    }
    return false;
  }

  /** Calls {@code gap} for every part of [s, e) not yet covered, in order. */
  void gaps(long s, long e, Consumer gap) {
    long at = s;
    int i = floor(s);
    if (i >= 0 && ends[i] > at) at = ends[i];
    i++;
    while (at < e) {
      long stop = i < n ? Math.min(e, starts[i]) : e;
      if (stop > at) gap.accept(at, stop);
      if (i >= n || starts[i] >= e) break;
      at = Math.max(at, ends[i]);
      i++;
    }
  }

  /** Adds [s, e), merging with overlapping or adjacent ranges. */
  void add(long s, long e) {
    if (s >= lastStart && e <= lastEnd) return;
    int f = floor(s);
    int first = f >= 0 && ends[f] >= s ? f : f + 1; // first range merged with [s, e)
    int last = first;
    while (last < n && starts[last] <= e) last++; // ranges [first, last) overlap or touch
    if (last > first) {
      s = Math.min(s, starts[first]);
      e = Math.max(e, ends[last - 1]);
    }
    int removed = last - first;
    if (removed == 0) {
      if (n == starts.length) {
        starts = java.util.Arrays.copyOf(starts, Math.max(4, n * 2));
        ends = java.util.Arrays.copyOf(ends, Math.max(4, n * 2));
      }
      System.arraycopy(starts, first, starts, first + 1, n - first);
      System.arraycopy(ends, first, ends, first + 1, n - first);
      n++;
    } else if (removed > 1) {
      System.arraycopy(starts, last, starts, first + 1, n - last);
      System.arraycopy(ends, last, ends, first + 1, n - last);
      n -= removed - 1;
    }
    starts[first] = s;
    ends[first] = e;
    lastStart = s;
    lastEnd = e;
  }

  /** The ranges as {start, end} pairs, in order. */
  long[] toPairs() {
    long[] out = new long[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = starts[i];
      out[2 * i + 1] = ends[i];
    }
    return out;
  }

  /** Calls {@code r} for every range in order. */
  void forEach(Consumer r) {
    for (int i = 0; i < n; i++) r.accept(starts[i], ends[i]);
  }
}
