package gopl.runtime.pmem;

/** What one collection found and freed, and how long mutators were held back. */
public record GcStats(long liveObjects, long liveBytes, long freedBytes, int spansFreed, long pauseNanos) {
  @Override
  public String toString() {
    return liveObjects + " live objects (" + liveBytes + " bytes), freed " + freedBytes + " bytes, "
        + spansFreed + " spans returned, pause " + (pauseNanos / 1000) + " us";
  }
}
