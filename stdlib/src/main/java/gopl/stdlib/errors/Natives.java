package gopl.stdlib.errors;

import gopl.runtime.Boxed;
import gopl.runtime.GoStruct;
import gopl.runtime.Iface;
import gopl.runtime.ObjectPtr;
import gopl.runtime.Ptr;
import gopl.runtime.RType;
import gopl.runtime.fmt.Kind;
import java.lang.reflect.Method;

/**
 * Java intrinsics of package errors (errors.gop): the reflection that Go's errors.Is and
 * errors.As do through internal/reflectlite — whether a dynamic type is comparable, whether As's
 * target is valid, and the assignment {@code *target = err}.
 */
public final class Natives {
  private Natives() {}

  /** reflect's Type.Comparable for v's dynamic type (true for nil). */
  public static boolean comparable(Object v) {
    return v == null || comparable(Iface.typeOf(v));
  }

  private static boolean comparable(RType t) {
    return switch (t.kind()) {
      case SLICE, MAP, FUNC -> false;
      case ARRAY -> comparable(t.elem());
      case STRUCT -> {
        for (int i = 0; i < t.numFields(); i++) if (!comparable(t.fieldType(i))) yield false;
        yield true;
      }
      default -> true;
    };
  }

  /** 0: target is a non-nil pointer to an interface or to an error type; 1: not a non-nil pointer; 2: neither. */
  public static long asTarget(Object target) {
    RType t = Iface.typeOf(target);
    if (t.kind() != Kind.POINTER || Iface.raw(target) == null) return 1;
    RType elem = t.elem();
    if (elem.kind() == Kind.INTERFACE || elem.hasMethod("Error")) return 0;
    return 2;
  }

  /** {@code *target = err} if err's dynamic type is assignable to target's element type. */
  public static boolean assignTo(Object err, Object target) {
    RType elem = Iface.typeOf(target).elem();
    RType et = Iface.typeOf(err);
    Object p = Iface.raw(target);
    if (elem.kind() == Kind.INTERFACE) {
      // a dynamic type is assignable to an interface type when it implements it
      for (String m : methodNames(elem)) if (!et.hasMethod(m)) return false;
      ((ObjectPtr) p).set(err);
      return true;
    }
    if (et != elem) return false;
    Object raw = Iface.raw(err);
    if (elem.kind() == Kind.STRUCT) {
      assignStruct((GoStruct) p, raw);
    } else if (p instanceof ObjectPtr op) {
      op.set(raw);
    } else {
      store((Ptr) p, raw);
    }
    return true;
  }

  /** The method names of an interface type, from reflect's spelling {@code interface { A() int; B() }}. */
  private static String[] methodNames(RType iface) {
    if (iface == RType.ERROR) return new String[] {"Error"};
    String s = iface.underlying().string();
    if (s.equals("interface {}")) return new String[0];
    String[] parts = s.substring("interface { ".length(), s.length() - 2).split("; ");
    for (int i = 0; i < parts.length; i++) {
      String m = parts[i].substring(0, parts[i].indexOf('('));
      parts[i] = m.substring(m.lastIndexOf('.') + 1);
    }
    return parts;
  }

  /** Copies struct value src into the struct variable dst (the generated class's {@code $set}). */
  private static void assignStruct(GoStruct dst, Object src) {
    try {
      for (Method m : dst.getClass().getMethods()) {
        if (m.getName().equals("$set") && m.getParameterCount() == 1) {
          m.invoke(dst, src);
          return;
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no $set on " + dst.getClass().getName());
  }

  /** {@code *p = v} for a pointer to a non-struct, non-object location (v Java-boxed). */
  private static void store(Ptr p, Object v) {
    switch (p) {
      case gopl.runtime.LongPtr q -> q.set(((Number) v).longValue());
      case gopl.runtime.IntPtr q -> q.set(((Number) v).intValue());
      case gopl.runtime.ShortPtr q -> q.set(((Number) v).shortValue());
      case gopl.runtime.BytePtr q -> q.set(((Number) v).byteValue());
      case gopl.runtime.DoublePtr q -> q.set(((Number) v).doubleValue());
      case gopl.runtime.FloatPtr q -> q.set(((Number) v).floatValue());
      case gopl.runtime.BoolPtr q -> q.set((Boolean) v);
      default -> throw new IllegalStateException("unsupported pointer " + p.getClass().getName());
    }
  }
}
