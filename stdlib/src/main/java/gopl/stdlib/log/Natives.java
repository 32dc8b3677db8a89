package gopl.stdlib.log;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Java intrinsics of package log (log/log.gop): the date/time header. */
public final class Natives {
  private Natives() {}

  private static final long LDATE = 1, LTIME = 2, LMICRO = 4, LUTC = 32;

  /** "2009/01/23 01:23:23.123123 " per Go's Ldate, Ltime, Lmicroseconds and LUTC flags. */
  public static String timestamp(long flag) {
    LocalDateTime t = (flag & LUTC) != 0 ? LocalDateTime.now(ZoneOffset.UTC) : LocalDateTime.now();
    StringBuilder sb = new StringBuilder();
    if ((flag & LDATE) != 0) {
      sb.append(String.format("%04d/%02d/%02d ", t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
    }
    if ((flag & (LTIME | LMICRO)) != 0) {
      sb.append(String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
      if ((flag & LMICRO) != 0) sb.append(String.format(".%06d", t.getNano() / 1000));
      sb.append(' ');
    }
    return sb.toString();
  }
}
