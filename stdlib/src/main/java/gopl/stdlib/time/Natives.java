package gopl.stdlib.time;

/** Java intrinsics of package time. */
public final class Natives {
  private Natives() {}

  /** time.Sleep (not counted as blocked by deadlock detection). */
  public static void Sleep(long d) {
    gopl.runtime.conc.Timers.sleep(d);
  }

  /** Wall-clock time in Unix nanoseconds. */
  public static long now() {
    java.time.Instant i = java.time.Instant.now();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
