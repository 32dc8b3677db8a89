package gopl.runtime.persist;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The element kind of a persistent slice (docs/persistence.md): how one element is laid out in the
 * persistent heap (Go's amd64 size) and which JVM slice class mirrors it. Generated code obtains one
 * per slice type through a constant-dynamic {@link #bootstrap} (resolved once per site).
 *
 * <p>Kinds: {@code Byte Short Int Long Float Double Bool} (the runtime slice storage classes, raw
 * little-endian bits of 1, 2, 4, 8, 4, 8, 1 bytes), {@code String} ((offset, len), 16 bytes),
 * {@code Ptr} (an offset; loaded as the twin of {@link #twin}) and {@code Struct} (the element in
 * place; the mirror holds twins at each element's offset), {@code Array} (a Go array in place, of
 * {@link #elem} elements: {@link PArrays}).
 */
public final class PKind {
  public static final int BYTE = 0, SHORT = 1, INT = 2, LONG = 3, FLOAT = 4, DOUBLE = 5, BOOL = 6, STRING = 7, PTR = 8, STRUCT = 9,
      SLICE = 10, IFACE = 11, ARRAY = 12;
  private static final String[] NAMES = {"Byte", "Short", "Int", "Long", "Float", "Double", "Bool", "String", "Ptr", "Struct", "Slice", "Iface", "Array"};

  /** One of the constants above. */
  public final int code;
  /** Go's size of one element in bytes. */
  public final int size;
  /** The heap type descriptor of one element (PRt.parse). */
  public final String desc;
  /** The twin class for Ptr and Struct kinds, else null. */
  final Class<?> twin;
  /** twin's (PPtr) constructor, for Ptr and Struct. */
  final MethodHandle ctor;
  /** For Struct: the struct class's {@code $set(T)} (assignment into an element in place). */
  final MethodHandle set;
  /** For Slice and Array: the element kind; for Ptr to a non-struct: the pointee kind; else null. */
  final PKind elem;

  private static final Map<String, PKind> CACHE = new ConcurrentHashMap<>();

  private PKind(int code, String desc, Class<?> twin, PKind elem) {
    this.code = code;
    this.elem = elem;
    this.desc = desc;
    this.size = Math.max(1, (int) Long.parseLong(desc.split(";", -1)[1]));
    this.twin = twin;
    MethodHandle c = null, s = null;
    if (twin != null) {
      try {
        // typed (PPtr)Object so that wrap's invokeExact needs no per-call adaptation
        c = MethodHandles.publicLookup().findConstructor(twin, MethodType.methodType(void.class, gopl.runtime.pmem.PPtr.class))
            .asType(MethodType.methodType(Object.class, gopl.runtime.pmem.PPtr.class));
        if (code == STRUCT) {
          Class<?> base = twin.getSuperclass();
          s = MethodHandles.publicLookup().findVirtual(base, "$set", MethodType.methodType(void.class, base));
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("twin class " + twin.getName() + " lacks its accessors", e);
      }
    }
    this.ctor = c;
    this.set = s;
  }

  /** The kind named {@code name} (see the class comment) with element layout desc; twin may be null. */
  public static PKind of(String name, String desc, Class<?> twin) {
    return of(name, desc, twin, null);
  }

  /** As {@link #of(String, String, Class)} with the element or pointee kind of Slice and Ptr kinds. */
  public static PKind of(String name, String desc, Class<?> twin, PKind elem) {
    String key = name + "|" + desc + "|" + (twin == null ? "" : twin.getName()) + "|" + (elem == null ? "" : elem.key());
    PKind k = CACHE.get(key);
    if (k != null && k.twin == twin && (elem == null || k.elem == elem)) return k;
    int code = java.util.Arrays.asList(NAMES).indexOf(name);
    if (code < 0) throw new IllegalArgumentException("unknown persistent element kind " + name);
    k = new PKind(code, desc, twin, elem);
    CACHE.put(key, k);
    return k;
  }

  private String key() {
    return code + desc + (twin == null ? "" : twin.getName()) + (elem == null ? "" : "<" + elem.key());
  }

  /** Constant-dynamic bootstrap: {@code twin == Object.class} means none; elem is a PKind or not one (none). */
  public static PKind bootstrap(MethodHandles.Lookup l, String name, Class<?> type, String kind, String desc, Class<?> twin, Object elem) {
    return of(kind, desc, twin == Object.class ? null : twin, elem instanceof PKind e ? e : null);
  }

  boolean isObject() {
    return code >= STRING;
  }

  /** A twin over the persistent value at p (Ptr, Struct); for a Ptr to a non-struct, a persistent pointer. */
  Object wrap(gopl.runtime.pmem.PPtr p) {
    if (ctor == null) return PPtrs.make(p, 0, elem);
    try {
      return (Object) ctor.invokeExact(p);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Assigns struct value v to the element twin e in place (Struct kind). */
  void assign(Object e, Object v) {
    try {
      set.invoke(e, v);
    } catch (RuntimeException | Error x) {
      throw x;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  @Override
  public String toString() {
    return NAMES[code] + "(" + desc + ")";
  }
}
