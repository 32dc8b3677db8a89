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

  /** The JVM default zone's abbreviation and offset (seconds east of UTC) at Unix second sec. */
  public static Object[] localZone(long sec) {
    return zoneAt(java.time.ZoneId.systemDefault(), sec);
  }

  /** An IANA zone's abbreviation and offset at Unix second sec, and whether the zone exists. */
  public static Object[] zoneByName(String name, long sec) {
    try {
      Object[] z = zoneAt(java.time.ZoneId.of(name), sec);
      return new Object[] {z[0], z[1], true};
    } catch (java.time.DateTimeException e) {
      return new Object[] {"", 0L, false};
    }
  }

  private static final java.time.format.DateTimeFormatter ABBREV =
      java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.US);

  private static Object[] zoneAt(java.time.ZoneId zone, long sec) {
    java.time.Instant i = java.time.Instant.ofEpochSecond(sec);
    long off = zone.getRules().getOffset(i).getTotalSeconds();
    String abbrev = ABBREV.format(i.atZone(zone));
    if (abbrev.startsWith("GMT") && abbrev.length() > 3) { // no letters: tzdata's "-03", "+0530"
      String h = abbrev.substring(3, 6), m = abbrev.length() >= 9 ? abbrev.substring(7, 9) : "00";
      abbrev = m.equals("00") ? h : h + m;
    }
    if (abbrev.equals("GMT") && zone.normalized().equals(java.time.ZoneOffset.UTC)) abbrev = "UTC";
    return new Object[] {abbrev, off};
  }
}
