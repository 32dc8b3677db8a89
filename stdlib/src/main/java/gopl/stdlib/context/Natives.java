package gopl.stdlib.context;

import gopl.runtime.Iface;
import gopl.runtime.RType;

/**
 * Java intrinsics of package context (context/context.gop): what Go's context takes from
 * internal/reflectlite. {@link #typeString} is the dynamic type's name exactly as fmt's %T
 * prints it ({@code <nil>} for a nil interface); {@link #comparable} says whether the dynamic
 * type is comparable in the sense of the spec's "Comparison operators" (a nil interface is).
 */
public final class Natives {
  private Natives() {}

  public static String typeString(Object v) {
    return Iface.typeString(v);
  }

  public static boolean comparable(Object v) {
    RType t = Iface.typeOf(v);
    return t == null || t.comparable();
  }
}
