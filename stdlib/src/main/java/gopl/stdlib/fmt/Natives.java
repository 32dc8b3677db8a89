package gopl.stdlib.fmt;

import gopl.runtime.BoolPtr;
import gopl.runtime.BytePtr;
import gopl.runtime.ByteSlice;
import gopl.runtime.DoublePtr;
import gopl.runtime.FloatPtr;
import gopl.runtime.Iface;
import gopl.runtime.IntPtr;
import gopl.runtime.LongPtr;
import gopl.runtime.ObjectPtr;
import gopl.runtime.ObjectSlice;
import gopl.runtime.Ptr;
import gopl.runtime.RType;
import gopl.runtime.ShortPtr;
import gopl.runtime.fmt.Kind;
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

  // ---------------------------------------------------------------- scanning (scan.gop)

  // Kinds as scan.gop numbers them.
  private static final long NOT_POINTER = 0, BOOL = 1, INT = 2, UINT = 3, FLOAT = 4, STRING = 5, BYTES = 6, OTHER = 7;

  /** The kind, bit size and type text of what a scan operand points to (reflect's part). */
  public static Object[] argKind(Object arg) {
    if (arg == null) return new Object[] {NOT_POINTER, 0L, "<nil>"};
    RType t = Iface.typeOf(arg);
    String text = t.string();
    if (t.kind() != Kind.POINTER || !(Iface.raw(arg) instanceof Ptr)) {
      return new Object[] {t.kind() == Kind.POINTER ? OTHER : NOT_POINTER, 0L, text};
    }
    RType e = t.elem();
    Kind k = e.kind();
    long kind = OTHER;
    long bits = switch (k) {
      case INT8, UINT8 -> 8;
      case INT16, UINT16 -> 16;
      case INT32, UINT32, FLOAT32 -> 32;
      default -> 64;
    };
    if (k == Kind.BOOL) kind = BOOL;
    else if (k.isSigned()) kind = INT;
    else if (k.isUnsigned()) kind = UINT;
    else if (k.isFloat()) kind = FLOAT;
    else if (k == Kind.STRING) kind = STRING;
    else if (k == Kind.SLICE && e.elem().kind() == Kind.UINT8) kind = BYTES;
    return new Object[] {kind, bits, text};
  }

  private static Ptr ptr(Object arg) {
    return (Ptr) Iface.raw(arg);
  }

  public static void setBool(Object arg, boolean v) {
    ((BoolPtr) ptr(arg)).set(v);
  }

  /** Stores an integer through a pointer to any integer kind (already range-checked). */
  public static void setInt(Object arg, long v) {
    switch (ptr(arg)) {
      case LongPtr p -> p.set(v);
      case IntPtr p -> p.set((int) v);
      case ShortPtr p -> p.set((short) v);
      case BytePtr p -> p.set((byte) v);
      default -> throw new IllegalStateException("fmt: not an integer pointer: " + ptr(arg).getClass());
    }
  }

  public static void setUint(Object arg, long v) {
    setInt(arg, v);
  }

  public static void setFloat(Object arg, double v) {
    switch (ptr(arg)) {
      case DoublePtr p -> p.set(v);
      case FloatPtr p -> p.set((float) v);
      default -> throw new IllegalStateException("fmt: not a float pointer: " + ptr(arg).getClass());
    }
  }

  public static void setString(Object arg, String v) {
    ((ObjectPtr) ptr(arg)).set(v);
  }

  public static void setBytes(Object arg, ByteSlice v) {
    ((ObjectPtr) ptr(arg)).set(v);
  }
}
