package gopl.runtime.pmem;

/**
 * What log recovery did at open: lanes scanned, undo logs rolled back, committed redo logs
 * re-applied, redo logs discarded for want of a valid commit record, and entries applied.
 */
public record RecoveryReport(int lanes, int rolledBack, int reapplied, int discarded, long entries) {
  public static final RecoveryReport NONE = new RecoveryReport(0, 0, 0, 0, 0);

  @Override
  public String toString() {
    return lanes + " lanes: " + rolledBack + " undo logs rolled back, " + reapplied + " redo logs re-applied, "
        + discarded + " uncommitted redo logs discarded (" + entries + " entries)";
  }
}
