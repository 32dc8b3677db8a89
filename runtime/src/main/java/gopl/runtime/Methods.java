package gopl.runtime;

import java.lang.invoke.MethodHandle;

/**
 * Generic (non-call-site) invocation of methods through a type's method table: used by fmt and
 * the crash printer to call {@code Error()} and {@code String()}.
 */
public final class Methods {
  private Methods() {}

  /** Calls the {@code func() string} method {@code name} of a value of type t (raw receiver). */
  public static String callString(RType t, Object raw, String name) {
    if (raw instanceof RuntimeError re && name.equals("Error")) return re.Error();
    MethodHandle mh = t.method(name);
    if (mh == null) throw new IllegalStateException(t.string() + " has no method " + name);
    try {
      return (String) mh.invoke(raw);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code Error()} or else {@code String()} text of interface value v, or null if it has neither. */
  public static String errorOrString(Object v) {
    if (v instanceof RuntimeError re) return re.Error();
    RType t = Iface.typeOf(v);
    if (t == null) return null;
    if (t.hasMethod("Error")) return callString(t, Iface.raw(v), "Error");
    if (t.hasMethod("String")) return callString(t, Iface.raw(v), "String");
    return null;
  }
}
