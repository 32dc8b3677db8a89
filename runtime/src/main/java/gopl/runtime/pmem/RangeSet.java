package gopl.runtime.pmem;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A set of disjoint, coalesced byte ranges [start, end) of the heap: the ranges a transaction has
 * logged (so a range logged twice is copied once) or allocated. The last range added is checked
 * first, so repeated stores to one object cost no tree search.
 */
final class RangeSet {
  private final TreeMap<Long, Long> ranges = new TreeMap<>();
  private long lastStart = -1, lastEnd = -1;

  boolean isEmpty() { return ranges.isEmpty(); }

  /** Whether [s, e) is covered entirely. */
  boolean covers(long s, long e) {
    if (s >= lastStart && e <= lastEnd) return true;
    Map.Entry<Long, Long> f = ranges.floorEntry(s);
    if (f != null && e <= f.getValue()) {
      lastStart = f.getKey();
      lastEnd = f.getValue();
      return true;
    }
    return false;
  }

  /** Calls {@code gap} for every part of [s, e) not yet covered. */
  void gaps(long s, long e, BiConsumer<Long, Long> gap) {
    long at = s;
    Map.Entry<Long, Long> f = ranges.floorEntry(s);
    if (f != null && f.getValue() > at) at = f.getValue();
    while (at < e) {
      Map.Entry<Long, Long> next = ranges.ceilingEntry(at);
      long stop = next == null ? e : Math.min(e, next.getKey());
      if (stop > at) gap.accept(at, stop);
      if (next == null || next.getKey() >= e) break;
      at = Math.max(at, next.getValue());
    }
  }

  /** Adds [s, e), merging with overlapping or adjacent ranges. */
  void add(long s, long e) {
    if (s >= lastStart && e <= lastEnd) return;
    Map.Entry<Long, Long> f = ranges.floorEntry(s);
    if (f != null && f.getValue() >= s) {
      s = f.getKey();
      e = Math.max(e, f.getValue());
    }
    Map.Entry<Long, Long> n = ranges.ceilingEntry(s);
    while (n != null && n.getKey() <= e) {
      e = Math.max(e, n.getValue());
      ranges.remove(n.getKey());
      n = ranges.ceilingEntry(s);
    }
    ranges.put(s, e);
    lastStart = s;
    lastEnd = e;
  }

  /** Calls {@code r} for every range in order. */
  void forEach(BiConsumer<Long, Long> r) {
    for (Map.Entry<Long, Long> x : ranges.entrySet()) r.accept(x.getKey(), x.getValue());
  }

  int size() { return ranges.size(); }
}
