package gopl.runtime;

import gopl.runtime.fmt.FmtMethod;
import gopl.runtime.fmt.GoMethodPanic;
import gopl.runtime.fmt.GoValue;
import gopl.runtime.fmt.State;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fmt engine's view ({@link GoValue}) of a value of this runtime: a type descriptor plus the
 * value in its typed JVM representation, Java-boxed. {@link #ofIface(Object)} views an interface
 * value (its dynamic type and value).
 *
 * <p>Guarantees: integer values are normalised as GoValue requires (unsigned kinds never
 * sign-extended below 64 bits); method calls go through the type's method table, and a Go panic
 * inside them surfaces as {@link GoMethodPanic}.
 */
public final class View implements GoValue {
  private final RType t;
  private final Object raw;

  private View(RType t, Object raw) {
    this.t = t;
    this.raw = raw;
  }

  /** The view of a value of static type t (for an interface type: of the interface slot). */
  public static GoValue of(RType t, Object raw) {
    return new View(t, raw);
  }

  /** The view of an interface value's dynamic value, or null for a nil interface. */
  public static GoValue ofIface(Object v) {
    if (v == null) return null;
    if (v instanceof GoValue g) return g;
    return new View(Iface.typeOf(v), Iface.raw(v));
  }

  /** Views of interface values, for the variadic fmt entry points. */
  public static Object[] ofIfaces(ObjectSlice args) {
    int n = ObjectSlice.len(args);
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) out[i] = ofIface(args.a[args.off + i]);
    return out;
  }

  @Override
  public RType type() {
    return t;
  }

  @Override
  public boolean boolValue() {
    return (Boolean) raw;
  }

  @Override
  public long longValue() {
    long v = ((Number) raw).longValue();
    return switch (t.kind()) {
      case UINT8 -> v & 0xFF;
      case UINT16 -> v & 0xFFFF;
      case UINT32 -> v & 0xFFFFFFFFL;
      case INT8 -> (byte) v;
      case INT16 -> (short) v;
      case INT32 -> (int) v;
      default -> v;
    };
  }

  @Override
  public double doubleValue() {
    return ((Number) raw).doubleValue();
  }

  @Override
  public String stringValue() {
    return (String) raw;
  }

  @Override
  public boolean isNil() {
    return raw == null;
  }

  @Override
  public int len() {
    return switch (t.kind()) {
      case MAP -> GoMap.len((GoMap) raw);
      case ARRAY -> java.lang.reflect.Array.getLength(raw);
      default -> SliceView.len(raw);
    };
  }

  @Override
  public GoValue index(int i) {
    Object e = t.kind() == gopl.runtime.fmt.Kind.ARRAY ? java.lang.reflect.Array.get(raw, i) : SliceView.get(raw, i);
    return new View(t.elem(), e);
  }

  @Override
  public GoValue field(int i) {
    return new View(t.fieldType(i), ((GoStruct) raw).field(i));
  }

  @Override
  public List<Map.Entry<GoValue, GoValue>> mapEntries() {
    List<Map.Entry<GoValue, GoValue>> out = new ArrayList<>();
    if (raw == null) return out;
    for (var e : ((GoMap) raw).entries()) {
      Object v = e.getValue() == GoMap.NULL ? null : e.getValue();
      out.add(Map.entry(new View(t.key(), e.getKey()), new View(t.elem(), v)));
    }
    return out;
  }

  @Override
  public GoValue elem() {
    if (t.kind() == gopl.runtime.fmt.Kind.INTERFACE) return ofIface(raw);
    if (raw instanceof GoStruct s) return new View(t.elem(), s);
    if (raw instanceof Ptr p) return new View(t.elem(), p.load());
    return new View(t.elem(), raw); // *[N]T is the array itself (docs/codegen.md "Values")
  }

  @Override
  public long address() {
    if (t.kind() == gopl.runtime.fmt.Kind.SLICE) return RuntimePrint.address(SliceView.array(raw));
    return RuntimePrint.address(raw);
  }

  /**
   * Whether the method set has m with fmt's signature: {@code Format} taking an interface and a
   * rune (the JVM signature of {@code Format(fmt.State, rune)}, so time.Time's
   * {@code Format(string) string} is not a Formatter), the others {@code func() string}.
   */
  @Override
  public boolean hasMethod(FmtMethod m) {
    MethodHandle mh = t.method(m.goName);
    if (mh == null) return false;
    MethodType mt = mh.type();
    if (m == FmtMethod.FORMAT) {
      return mt.parameterCount() == 3 && mt.parameterType(1) == Object.class && mt.parameterType(2) == int.class
          && mt.returnType() == void.class;
    }
    return mt.parameterCount() == 1 && mt.returnType() == String.class;
  }

  @Override
  public String call(FmtMethod m) {
    try {
      return Methods.callString(t, raw, m.goName);
    } catch (GoPanic | NullPointerException | ArithmeticException e) {
      throw methodPanic(e);
    }
  }

  /** Calls {@code Format(f fmt.State, verb rune)} with f a {@code *fmt.pp} over the engine's state. */
  @Override
  public void format(State state, int verb) {
    try {
      t.method("Format").invoke(raw, (Object) new FmtState(state), verb);
    } catch (GoPanic | NullPointerException | ArithmeticException e) {
      throw methodPanic(e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static GoMethodPanic methodPanic(RuntimeException e) {
    GoPanic p = e instanceof GoPanic gp ? gp : GoPanic.of(e);
    return new GoMethodPanic(ofIface(p.value), p);
  }

  @Override
  public String toString() {
    return t.string() + ":" + raw;
  }
}
