package gopl.runtime;

import gopl.runtime.fmt.Kind;

/**
 * Interface values (docs/codegen.md "Interface values"): conversion of typed values to the
 * interface representation, dynamic type, Go's {@code ==} on interfaces and on map keys, and the
 * panics for uncomparable and unhashable dynamic types.
 *
 * <p>Representation: nil is Java null; {@code int} -> Long, {@code int32} -> Integer, {@code
 * float64} -> Double, {@code bool} -> Boolean, {@code string} -> String, a non-nil pointer to a
 * struct -> the struct object ({@link GoStruct}); everything else -> {@link Boxed}(type, raw).
 */
public final class Iface {
  private Iface() {}

  // ---------------------------------------------------------------- boxing

  /** A value of a type without its own Java class: {@link Boxed} unless the rule above applies. */
  public static Object box(RType t, Object raw) {
    if (t == RType.STRING) return raw;
    return new Boxed(t, raw);
  }

  public static Object boxLong(RType t, long v) {
    return t == RType.INT ? Long.valueOf(v) : new Boxed(t, v);
  }

  public static Object boxInt(RType t, int v) {
    return t == RType.INT32 ? Integer.valueOf(v) : new Boxed(t, v);
  }

  public static Object boxDouble(RType t, double v) {
    return t == RType.FLOAT64 ? Double.valueOf(v) : new Boxed(t, v);
  }

  public static Object boxFloat(RType t, float v) {
    return new Boxed(t, v);
  }

  public static Object boxBool(RType t, boolean v) {
    return t == RType.BOOL ? Boolean.valueOf(v) : new Boxed(t, v);
  }

  public static Object boxShort(RType t, short v) {
    return new Boxed(t, (int) v);
  }

  public static Object boxByte(RType t, byte v) {
    return new Boxed(t, t.kind() == Kind.UINT8 ? (v & 0xFF) : (int) v);
  }

  /** A {@code *T} (T a struct) into an interface: the object itself, or a typed nil. */
  public static Object boxStructPtr(RType ptrType, Object p) {
    // a struct object whose class is shared with another struct type (pointer conversion) is
    // boxed with the static pointer type, which is then its dynamic type
    if (p == null || p instanceof GoStruct s && s.goType() != ptrType) return new Boxed(ptrType, p);
    return p;
  }

  // ---------------------------------------------------------------- dynamic type and value

  /** The dynamic type of interface value v, or null for a nil interface. */
  public static RType typeOf(Object v) {
    // instanceof tests, not a pattern switch: that bootstraps (spins a class) in every program's
    // start-up, and a plain chain is what the JIT handles best
    if (v instanceof Typed t) return t.goType();
    if (v == null) return null;
    if (v instanceof Long) return RType.INT;
    if (v instanceof String) return RType.STRING;
    if (v instanceof Integer) return RType.INT32;
    if (v instanceof Double) return RType.FLOAT64;
    if (v instanceof Boolean) return RType.BOOL;
    throw new IllegalStateException("not a Go interface value: " + v.getClass().getName());
  }

  /** The typed value inside interface value v (the struct object for a *T; Boxed's raw). */
  public static Object raw(Object v) {
    return v instanceof Boxed b ? b.raw : v;
  }

  /** The %T text of an interface value ({@code <nil>} for nil). */
  public static String typeString(Object v) {
    RType t = typeOf(v);
    return t == null ? "<nil>" : t.string();
  }

  // ---------------------------------------------------------------- equality

  /** spec: "Interface values are comparable. Two interface values are equal if they have identical dynamic types and equal dynamic values or if both have value nil." */
  public static boolean eq(Object a, Object b) {
    if (a == null || b == null) return a == b;
    RType ta = typeOf(a);
    if (ta != typeOf(b)) return false;
    return rawEquals(ta, raw(a), raw(b));
  }

  /** Go's == on two values of type t in their typed (Java-boxed) representation. */
  public static boolean rawEquals(RType t, Object a, Object b) {
    switch (t.kind()) {
      case FLOAT32, FLOAT64:
        return ((Number) a).doubleValue() == ((Number) b).doubleValue();
      case SLICE, MAP, FUNC:
        throw new GoPanic(RuntimeError.plain("comparing uncomparable type " + t.string()));
      case INTERFACE:
        return eq(a, b);
      case POINTER, CHAN, UNSAFE_POINTER:
        return a == b || (a != null && a.equals(b));
      case ARRAY:
        if (!t.comparable()) throw new GoPanic(RuntimeError.plain("comparing uncomparable type " + t.string()));
        return arrayEquals(t, a, b);
      case STRUCT:
        if (!t.comparable()) throw new GoPanic(RuntimeError.plain("comparing uncomparable type " + t.string()));
        // runtime error values (RuntimeError) compare by their Go fields, as equals does
        return a instanceof GoStruct s ? s.goEquals(b) : a.equals(b);
      default:
        return a.equals(b);
    }
  }

  private static boolean arrayEquals(RType t, Object a, Object b) {
    int n = java.lang.reflect.Array.getLength(a);
    for (int i = 0; i < n; i++) {
      if (!rawEquals(t.elem(), java.lang.reflect.Array.get(a, i), java.lang.reflect.Array.get(b, i))) return false;
    }
    return true;
  }

  /** A hash consistent with {@link #rawEquals}; panics for unhashable types as Go's map does. */
  public static int rawHash(RType t, Object v) {
    switch (t.kind()) {
      case FLOAT32, FLOAT64: {
        double d = ((Number) v).doubleValue();
        return d == 0 ? 0 : Double.hashCode(d);
      }
      case SLICE, MAP, FUNC:
        throw new GoPanic(RuntimeError.plain("hash of unhashable type " + t.string()));
      case INTERFACE:
        return v == null ? 0 : rawHash(typeOf(v), raw(v));
      case POINTER, CHAN, UNSAFE_POINTER:
        return v == null ? 0 : v.hashCode();
      case ARRAY: {
        if (!t.comparable()) throw new GoPanic(RuntimeError.plain("hash of unhashable type " + t.string()));
        int h = 1;
        int n = java.lang.reflect.Array.getLength(v);
        for (int i = 0; i < n; i++) h = h * 31 + rawHash(t.elem(), java.lang.reflect.Array.get(v, i));
        return h;
      }
      case STRUCT:
        if (!t.comparable()) throw new GoPanic(RuntimeError.plain("hash of unhashable type " + t.string()));
        return v instanceof GoStruct s ? s.goHash() : v.hashCode();
      default:
        return v == null ? 0 : v.hashCode();
    }
  }

  // ---------------------------------------------------------------- type assertions

  /** Whether v's dynamic type is exactly t (false for nil). */
  public static boolean is(Object v, RType t) {
    return v != null && typeOf(v) == t;
  }

  /** Whether v is non-nil and its dynamic type has every named method. */
  public static boolean implementsAll(Object v, String[] methods) {
    if (v == null) return false;
    RType t = typeOf(v);
    for (String m : methods) if (!t.hasMethod(m)) return false;
    return true;
  }

  /** {@code v.(T)} for a concrete T: the raw value, or Go's panic. */
  public static Object assertType(Object v, RType t, String ifaceString) {
    if (v != null && typeOf(v) == t) return raw(v);
    throw Panics.typeAssert(ifaceString, v == null ? null : typeOf(v).string(), t.string());
  }

  /** {@code v.(I)} for an interface type I with the given (sorted) methods. */
  public static Object assertIface(Object v, String[] methods, String ifaceString, String wanted) {
    // Go's assertE2I/assertI2I report a nil operand without its static type: "interface is nil"
    if (v == null) throw Panics.typeAssert("interface", null, wanted);
    RType t = typeOf(v);
    for (String m : methods) {
      if (!t.hasMethod(m)) throw Panics.typeAssertMissing(t.string(), wanted, m);
    }
    return v;
  }
}
