package gopl.runtime;

import java.util.LinkedHashMap;

/**
 * A Go map. A nil map is Java null; every static helper accepts it (spec: "A nil map is
 * equivalent to an empty map except that no elements may be added").
 *
 * <p>Keys and values are held in their typed representation, Java-boxed (an {@code int} key is a
 * Long, a struct key a private copy whose equals/hashCode are Go's ==, an interface key the
 * interface value). Keys are normalised by {@link #key}: float keys make {@code +0 == -0} and every
 * NaN a fresh key that is never found again, as in Go; array keys compare element-wise; an
 * interface key whose dynamic type is unhashable panics.
 *
 * <p>Iteration order is insertion order (Go leaves it unspecified). An {@link Iter} may run while
 * the loop body deletes or inserts: spec "If a map entry that has not yet been reached is removed
 * during iteration, the corresponding iteration value will not be produced. If a map entry is
 * created during iteration, that entry may be produced during the iteration or may be skipped."
 */
public final class GoMap {
  /** The entries; never null. */
  private final LinkedHashMap<Object, Object> m;

  /** How keys are normalised; see {@link KeyKind}. */
  private final KeyKind keyKind;

  /** Key type, used for interface/array keys (hashing rules); may be null for simple kinds. */
  private final RType keyType;

  /** Returned by {@link #lookup} when the key is absent. */
  public static final Object ABSENT = new Object();

  /** Key normalisation classes, chosen by the code generator from the key type. */
  public enum KeyKind {
    /** Integers, bools, strings, pointers, chans: Java equals is Go ==. */
    PLAIN,
    /** float32/float64: +0 == -0, NaN != NaN. */
    FLOAT,
    /** Interfaces, arrays, structs containing floats or interfaces: go through {@link Iface}. */
    GENERAL
  }

  public GoMap(KeyKind keyKind, RType keyType, int hint) {
    this.keyKind = keyKind;
    this.keyType = keyType;
    this.m = new LinkedHashMap<>(Math.max(16, (int) Math.min(hint * 4L / 3 + 1, 1 << 20)));
  }

  /** {@code make(map[K]V, hint)}. */
  public static GoMap make(KeyKind kind, RType keyType, long hint) {
    if (hint < 0) throw new GoPanic(RuntimeError.plain("makemap: size out of range"));
    return new GoMap(kind, keyType, (int) Math.min(hint, 1 << 20));
  }

  private Object key(Object k) {
    return switch (keyKind) {
      case PLAIN -> k;
      case FLOAT -> {
        double d = ((Number) k).doubleValue();
        if (d != d) yield new NaNKey();
        yield d == 0 ? (k instanceof Float ? (Object) 0.0f : (Object) 0.0) : k;
      }
      case GENERAL -> new GeneralKey(keyType, k);
    };
  }

  /**
   * The zero key as last assigned (+0 or -0) in a FLOAT map: +0 and -0 are one key, and Go's
   * mapassign overwrites the stored key, so the map then holds the last one's sign.
   */
  private Object zeroKey;

  private Object unkey(Object k) {
    if (zeroKey != null && k instanceof Number n && n.doubleValue() == 0) return zeroKey;
    if (k instanceof GeneralKey g) return g.v;
    if (k instanceof NaNKey) return Double.NaN;
    return k;
  }

  public static int len(GoMap m) {
    return m == null ? 0 : m.m.size();
  }

  /** {@code m[k]}: the value or {@link #ABSENT}. */
  public static Object lookup(GoMap m, Object k) {
    if (m == null) {
      if (k instanceof Boxed || k instanceof GoStruct) Iface.rawHash(Iface.typeOf(k), Iface.raw(k));
      return ABSENT;
    }
    Object v = m.m.getOrDefault(m.key(k), ABSENT);
    return v;
  }

  /** {@code m[k] = v}. */
  public static void put(GoMap m, Object k, Object v) {
    if (m == null) throw Panics.nilMapWrite();
    if (m.keyKind == KeyKind.FLOAT && ((Number) k).doubleValue() == 0) m.zeroKey = k;
    m.m.put(m.key(k), v);
  }

  /** {@code delete(m, k)}; no-op for a nil map or absent key. */
  public static void delete(GoMap m, Object k) {
    if (m == null) return;
    m.m.remove(m.key(k));
  }

  /** The entries in iteration order, for fmt (keys un-normalised). */
  public java.util.List<java.util.Map.Entry<Object, Object>> entries() {
    java.util.List<java.util.Map.Entry<Object, Object>> out = new java.util.ArrayList<>(m.size());
    for (var e : m.entrySet()) out.add(java.util.Map.entry(unkey(e.getKey()), e.getValue() == null ? NULL : e.getValue()));
    return out;
  }

  /** Stands for a null value in {@link #entries()} (Map.entry rejects nulls). */
  public static final Object NULL = new Object();

  /** Starts a range loop over m (nil: no iterations). */
  public static Iter iter(GoMap m) {
    return new Iter(m);
  }

  /** A range loop's cursor: call {@link #next()}, then read {@link #key} and {@link #value}. */
  public static final class Iter {
    private final GoMap map;
    private final Object[] keys;
    private int i;

    /** Current key (typed representation) after a successful {@link #next()}. */
    public Object key;

    /** Current value after a successful {@link #next()}. */
    public Object value;

    Iter(GoMap map) {
      this.map = map;
      this.keys = map == null ? new Object[0] : map.m.keySet().toArray();
    }

    /** Advances to the next entry still present; false at the end. */
    public boolean next() {
      while (i < keys.length) {
        Object k = keys[i++];
        Object v = map.m.getOrDefault(k, ABSENT);
        if (v == ABSENT) continue; // deleted during iteration
        key = map.unkey(k);
        value = v;
        return true;
      }
      return false;
    }
  }

  /** A NaN key: equal only to itself. */
  private static final class NaNKey {}

  /** A key compared by Go's == for its type. */
  private static final class GeneralKey {
    final RType t;
    final Object v;
    final int h;

    GeneralKey(RType t, Object v) {
      this.t = t;
      this.v = v;
      this.h = Iface.rawHash(t, v);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GeneralKey g && Iface.rawEquals(t, v, g.v);
    }

    @Override
    public int hashCode() {
      return h;
    }
  }
}
