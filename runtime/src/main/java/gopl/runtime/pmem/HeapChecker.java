package gopl.runtime.pmem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies an open heap without writing to it (PMDK's pmempool check): the structures {@code open}
 * already checked (superblock and arena checksums, page tables, tables, log chunks), then every
 * pointer reachable from the roots must lead into an allocated object of a known type.
 */
public final class HeapChecker {
  private HeapChecker() {}

  /** The outcome: problems (empty if sound), live objects and bytes by type name. */
  public record Report(List<String> problems, long liveObjects, long liveBytes, Map<String, long[]> byType) {
    public boolean ok() { return problems.isEmpty(); }
  }

  /** Checks {@code heap}; call with no transaction running. */
  public static Report check(Heap heap) {
    Collector c = heap.collector;
    synchronized (c) {
      c.census = new java.util.HashMap<>();
      try {
        List<String> problems = new ArrayList<>(c.mark(false));
        Map<String, long[]> byType = new TreeMap<>();
        long objs = 0, bytes = 0;
        for (Map.Entry<Integer, long[]> e : c.census.entrySet()) {
          byType.put(typeName(heap, e.getKey()), e.getValue());
          objs += e.getValue()[0];
          bytes += e.getValue()[1];
        }
        for (Lane l : heap.lanes.lanes()) {
          if (!l.scan().isEmpty()) problems.add("lane " + l.index + " holds an unrecovered log");
        }
        return new Report(problems, objs, bytes, byType);
      } finally {
        c.census = null;
      }
    }
  }

  static String typeName(Heap heap, int id) {
    return switch (id) {
      case Layout.T_BYTES -> "(bytes)";
      case Layout.T_WORDS -> "(words)";
      case Layout.T_ROOT_TABLE -> "(root table)";
      case Layout.T_TYPE_TABLE -> "(type table)";
      case Layout.T_LANE_DIR -> "(lane directory)";
      case Layout.T_LOG_CHUNK -> "(log chunk)";
      default -> heap.typeDesc(id).name();
    };
  }
}
