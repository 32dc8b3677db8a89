package gopl.runtime;

import gopl.runtime.fmt.GoType;
import gopl.runtime.fmt.Kind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run-time descriptor of a Go type: what an interface value's dynamic type is (docs/codegen.md
 * "Interface values"), what {@code %T} prints, what type switches compare, and the method table
 * that interface method calls dispatch through.
 *
 * <p>Guarantees: descriptors are canonical per program — the factories intern them, so two
 * identical Go types have the same descriptor and type identity is reference equality. A named
 * type is created first and completed with {@link #setUnderlying} (recursive types). {@link
 * #string()} is exactly reflect.Type.String().
 */
public final class RType implements GoType {
  private static final Map<String, RType> INTERN = new ConcurrentHashMap<>();

  /** Kind of the underlying type. Set once (for named types by {@link #setUnderlying}). */
  private Kind kind;

  /** reflect's spelling. */
  private final String string;

  /** For named types: the underlying type's descriptor (null until set); else null. */
  private RType underlying;

  /** Element (pointer, slice, array, map value, chan) or null. */
  private RType elem;

  /** Map key or null. */
  private RType key;

  /** Array length. */
  private long len;

  /** Struct fields: names as reflect reports them, their types, embedded flags. */
  private String[] fieldNames = new String[0];

  private RType[] fieldTypes = new RType[0];

  /** True for named types. */
  public final boolean named;

  /**
   * Methods of this type's method set, by Go name: a MethodHandle taking the raw receiver first,
   * or an {@link Unresolved} one that {@link #method} resolves at its first use.
   */
  private final Map<String, Object> methods = new ConcurrentHashMap<>();

  private RType(Kind kind, String string, boolean named) {
    this.kind = kind;
    this.string = string;
    this.named = named;
  }

  // ---------------------------------------------------------------- predeclared

  public static final RType BOOL = basic(Kind.BOOL, "bool");
  public static final RType INT = basic(Kind.INT, "int");
  public static final RType INT8 = basic(Kind.INT8, "int8");
  public static final RType INT16 = basic(Kind.INT16, "int16");
  public static final RType INT32 = basic(Kind.INT32, "int32");
  public static final RType INT64 = basic(Kind.INT64, "int64");
  public static final RType UINT = basic(Kind.UINT, "uint");
  public static final RType UINT8 = basic(Kind.UINT8, "uint8");
  public static final RType UINT16 = basic(Kind.UINT16, "uint16");
  public static final RType UINT32 = basic(Kind.UINT32, "uint32");
  public static final RType UINT64 = basic(Kind.UINT64, "uint64");
  public static final RType UINTPTR = basic(Kind.UINTPTR, "uintptr");
  public static final RType FLOAT32 = basic(Kind.FLOAT32, "float32");
  public static final RType FLOAT64 = basic(Kind.FLOAT64, "float64");
  public static final RType STRING = basic(Kind.STRING, "string");
  public static final RType UNSAFE_POINTER = basic(Kind.UNSAFE_POINTER, "unsafe.Pointer");

  private static RType basic(Kind k, String name) {
    return intern("basic:" + name, new RType(k, name, false));
  }

  /*
   * The factories look a descriptor up before making one, and make it without lambdas: this class
   * initialises in every program's start-up path, where each lambda or string-concatenation call
   * site would cost a bootstrap (class spinning) on first use.
   */
  private static RType interned(String id) {
    return INTERN.get(id);
  }

  private static RType intern(String id, RType n) {
    RType prev = INTERN.putIfAbsent(id, n);
    return prev != null ? prev : n;
  }

  // ---------------------------------------------------------------- factories

  /**
   * The named type {@code qualified} ({@code main.Celsius}) declared in package {@code pkgPath};
   * {@code uniq} tells apart local types of the same name (0 for package-level types).
   */
  public static RType named(String pkgPath, String qualified, int uniq) {
    String id = "named:" + pkgPath + ":" + qualified + ":" + uniq;
    RType t = interned(id);
    return t != null ? t : intern(id, new RType(null, qualified, true));
  }

  /** The predeclared {@code error} interface. */
  public static final RType ERROR = intern("named:error", new RType(Kind.INTERFACE, "error", true));

  /** Completes a named type; idempotent. */
  public RType setUnderlying(RType u) {
    if (underlying == null) {
      underlying = u;
      kind = u.kind;
      elem = u.elem;
      key = u.key;
      len = u.len;
      fieldNames = u.fieldNames;
      fieldTypes = u.fieldTypes;
    }
    return this;
  }

  public static RType pointer(RType elem) {
    String id = "*" + id(elem);
    RType t = interned(id);
    if (t != null) return t;
    t = new RType(Kind.POINTER, "*" + elem.string, false);
    t.elem = elem;
    return intern(id, t);
  }

  public static RType slice(RType elem) {
    String id = "[]" + id(elem);
    RType t = interned(id);
    if (t != null) return t;
    t = new RType(Kind.SLICE, "[]" + elem.string, false);
    t.elem = elem;
    return intern(id, t);
  }

  public static RType array(long len, RType elem) {
    String id = "[" + len + "]" + id(elem);
    RType t = interned(id);
    if (t != null) return t;
    t = new RType(Kind.ARRAY, "[" + len + "]" + elem.string, false);
    t.elem = elem;
    t.len = len;
    return intern(id, t);
  }

  public static RType map(RType key, RType elem) {
    String id = "map[" + id(key) + "]" + id(elem);
    RType t = interned(id);
    if (t != null) return t;
    t = new RType(Kind.MAP, "map[" + key.string + "]" + elem.string, false);
    t.key = key;
    t.elem = elem;
    return intern(id, t);
  }

  /** {@code chan T}, {@code chan<- T} (dir 1), {@code <-chan T} (dir 2). */
  public static RType chan(int dir, RType elem) {
    String prefix = dir == 1 ? "chan<- " : dir == 2 ? "<-chan " : "chan ";
    String id = prefix + id(elem);
    RType t = interned(id);
    if (t != null) return t;
    t = new RType(Kind.CHAN, prefix + elem.string, false);
    t.elem = elem;
    return intern(id, t);
  }

  /** A struct type; embedded fields are named after their type as reflect names them. */
  public static RType struct(String[] names, RType[] types, boolean[] embedded) {
    StringBuilder sb = new StringBuilder("struct {");
    StringBuilder id = new StringBuilder("struct{");
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? " " : "; ");
      if (embedded[i]) sb.append(types[i].string);
      else sb.append(names[i]).append(' ').append(types[i].string);
      id.append(embedded[i] ? "!" : "").append(names[i]).append(' ').append(id(types[i])).append(';');
    }
    sb.append(names.length == 0 ? "}" : " }");
    String s = sb.toString();
    RType t = interned(id.toString());
    if (t != null) return t;
    t = new RType(Kind.STRUCT, s, false);
    t.fieldNames = names.clone();
    t.fieldTypes = types.clone();
    return intern(id.toString(), t);
  }

  /** A func type; {@code variadic} makes the last parameter print as {@code ...T}. */
  public static RType func(RType[] params, RType[] results, boolean variadic) {
    StringBuilder sb = new StringBuilder("func(");
    StringBuilder id = new StringBuilder("func(");
    for (int i = 0; i < params.length; i++) {
      if (i > 0) sb.append(", ");
      if (variadic && i == params.length - 1) sb.append("...").append(params[i].elem.string);
      else sb.append(params[i].string);
      id.append(id(params[i])).append(',');
    }
    sb.append(')');
    id.append(variadic ? "...)" : ")");
    if (results.length == 1) sb.append(' ').append(results[0].string);
    else if (results.length > 1) {
      sb.append(" (");
      for (int i = 0; i < results.length; i++) sb.append(i > 0 ? ", " : "").append(results[i].string);
      sb.append(')');
    }
    for (RType r : results) id.append(id(r)).append(',');
    String s = sb.toString();
    RType t = interned(id.toString());
    return t != null ? t : intern(id.toString(), new RType(Kind.FUNC, s, false));
  }

  /** An unnamed interface type with the given method spellings ({@code M(int) string}), sorted. */
  public static RType iface(String[] methodSpellings) {
    String s = methodSpellings.length == 0 ? "interface {}" : "interface { " + String.join("; ", methodSpellings) + " }";
    RType t = interned("iface:" + s);
    return t != null ? t : intern("iface:" + s, new RType(Kind.INTERFACE, s, false));
  }

  private static String id(RType t) {
    // Named types may share a spelling across packages; the identity hash tells them apart.
    return t.named ? t.string + "#" + System.identityHashCode(t) : t.string;
  }

  // ---------------------------------------------------------------- methods

  /** Registers method {@code name} of this type's method set (generated code, at class init). */
  public RType addMethod(String name, MethodHandle impl) {
    methods.put(name, impl);
    return this;
  }

  /**
   * Registers method {@code name} by its JVM coordinates, resolved when first used (generated
   * code, at class init). Resolving a method handle constant costs a DirectMethodHandle and often
   * a freshly spun LambdaForm class: done eagerly for every method of every type a program links
   * (the std packages' included), that was most of a small program's start-up.
   */
  public RType addMethod(String name, Class<?> owner, String jvmName, String desc, boolean virtual) {
    methods.put(name, new Unresolved(owner, jvmName, desc, virtual));
    return this;
  }

  /** The method {@code name} of this type's method set, or null. */
  public MethodHandle method(String name) {
    Object m = methods.get(name);
    if (m instanceof Unresolved u) {
      MethodHandle mh = u.resolve();
      methods.replace(name, u, mh);
      return mh;
    }
    return (MethodHandle) m;
  }

  /** A public method of {@code owner} not yet looked up: static, or virtual on the receiver. */
  private record Unresolved(Class<?> owner, String jvmName, String desc, boolean virtual) {
    MethodHandle resolve() {
      try {
        MethodType mt = MethodType.fromMethodDescriptorString(desc, owner.getClassLoader());
        MethodHandles.Lookup l = MethodHandles.lookup();
        return virtual ? l.findVirtual(owner, jvmName, mt) : l.findStatic(owner, jvmName, mt);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot link method " + owner.getName() + "." + jvmName + desc, e);
      }
    }
  }

  public boolean hasMethod(String name) {
    return methods.containsKey(name);
  }

  // ---------------------------------------------------------------- GoType

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public String string() {
    return string;
  }

  @Override
  public RType elem() {
    if (elem == null) throw new UnsupportedOperationException("elem of " + string);
    return elem;
  }

  @Override
  public RType key() {
    if (key == null) throw new UnsupportedOperationException("key of " + string);
    return key;
  }

  @Override
  public int numFields() {
    return fieldNames.length;
  }

  @Override
  public String fieldName(int i) {
    return fieldNames[i];
  }

  public RType fieldType(int i) {
    return fieldTypes[i];
  }

  public long len() {
    return len;
  }

  private byte comparable; // 0 not computed yet, 1 comparable, 2 not

  /**
   * spec "Comparison operators": slice, map and func values are not comparable; "Struct values are
   * comparable if all their fields are comparable"; "Array values are comparable if values of the
   * array element type are comparable". Everything else is.
   */
  public boolean comparable() {
    if (comparable == 0) {
      RType u = underlying();
      boolean c = switch (u.kind) {
        case SLICE, MAP, FUNC -> false;
        case ARRAY -> u.elem().comparable();
        case STRUCT -> {
          boolean all = true;
          for (int i = 0; i < u.numFields() && all; i++) all = u.fieldType(i).comparable();
          yield all;
        }
        default -> true;
      };
      comparable = (byte) (c ? 1 : 2);
    }
    return comparable == 1;
  }

  /** The underlying type (itself for unnamed types). */
  public RType underlying() {
    return underlying == null ? this : underlying;
  }

  @Override
  public String toString() {
    return string;
  }
}
