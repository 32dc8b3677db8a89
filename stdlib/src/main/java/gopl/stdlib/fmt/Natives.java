package gopl.stdlib.fmt;

import gopl.runtime.ObjectSlice;
import gopl.runtime.Sys;
import gopl.runtime.View;
import gopl.runtime.fmt.GoFmt;

/**
 * Java intrinsics of package fmt (the bodyless functions of fmt/print.gop), with the JVM
 * signatures the code generator's value mapping gives them: {@code ...interface{}} is an
 * ObjectSlice of interface values, {@code (n int, err error)} an Object[] {Long, error}.
 * Formatting is gopl.runtime.fmt's engine over gopl.runtime.View.
 */
public final class Natives {
  private Natives() {}

  private static Object[] written(String s) {
    Sys.write(Sys.out, s);
    return new Object[] {(long) s.length(), null};
  }

  public static Object[] Print(ObjectSlice a) {
    return written(GoFmt.sprint(View.ofIfaces(a)));
  }

  public static Object[] Println(ObjectSlice a) {
    return written(GoFmt.sprintln(View.ofIfaces(a)));
  }

  public static Object[] Printf(String format, ObjectSlice a) {
    return written(GoFmt.sprintf(format, View.ofIfaces(a)));
  }

  public static String Sprint(ObjectSlice a) {
    return GoFmt.sprint(View.ofIfaces(a));
  }

  public static String Sprintln(ObjectSlice a) {
    return GoFmt.sprintln(View.ofIfaces(a));
  }

  public static String Sprintf(String format, ObjectSlice a) {
    return GoFmt.sprintf(format, View.ofIfaces(a));
  }

  /**
   * The formatting half of Go's {@code fmt.Errorf}: {message, the interface value that a valid
   * {@code %w} wrapped (an error) or null}; Errorf in print.gop builds the error value.
   */
  public static Object[] errorf(String format, ObjectSlice a) {
    Object[] views = View.ofIfaces(a);
    GoFmt.Errorf r = GoFmt.errorf(format, views);
    Object wrapped = null;
    if (r.wrapped() != null) {
      for (int i = 0; i < views.length; i++) {
        if (views[i] == r.wrapped()) {
          wrapped = a.a[a.off + i];
          break;
        }
      }
    }
    return new Object[] {r.message(), wrapped};
  }
}
