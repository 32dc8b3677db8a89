package gopl.stdlib.time;

/** Java intrinsics of package time. */
public final class Natives {
  private Natives() {}

  /** time.Sleep: parks the goroutine (a virtual thread) for d nanoseconds; d <= 0 returns at once. */
  public static void Sleep(long d) {
    if (d <= 0) return;
    try {
      Thread.sleep(d / 1_000_000, (int) (d % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Wall-clock time in Unix nanoseconds. */
  public static long now() {
    java.time.Instant i = java.time.Instant.now();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
