package gopl.stdlib.time;

import gopl.runtime.conc.Timer;

/**
 * Java intrinsics of package time: the wall clock, Sleep, and the runtime timers that time.gop's
 * Timer/Ticker/After/AfterFunc wrap (a {@link Timer} travels through GoPL code as an opaque
 * interface{} value).
 */
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

  /** A new, stopped timer running f on the timer thread when it fires. */
  public static Object rtNew(Runnable f) {
    return new Timer(f);
  }

  /** Schedules t after delay (then every period if positive); whether it was pending. */
  public static boolean rtReset(Object t, long delay, long period) {
    return ((Timer) t).reset(delay, period);
  }

  /** Stops t; whether it was pending. */
  public static boolean rtStop(Object t) {
    return ((Timer) t).stop();
  }
}
