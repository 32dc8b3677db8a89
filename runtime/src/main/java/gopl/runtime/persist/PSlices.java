package gopl.runtime.persist;

import gopl.runtime.GoPanic;
import gopl.runtime.LongSlice;
import gopl.runtime.ObjectSlice;
import gopl.runtime.Panics;
import gopl.runtime.pmem.PPtr;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Slices whose backing array lives in the persistent heap, and the element accessors generated code
 * uses for slice types that can reach persistent memory (docs/persistence.md). A persistent slice is
 * a subclass of the runtime slice class with an empty backing array, so {@code len}/{@code cap}
 * work unchanged; element access must come through here.
 *
 * <p>Element kinds: {@code "long"} (8-byte integers), {@code "ptr"} (an offset, loaded as a twin),
 * {@code "string"} ((offset, len)).
 */
public final class PSlices {
  private PSlices() {}

  /** A persistent []int-like slice. */
  public static final class PLong extends LongSlice implements PObject {
    final PPtr base;

    PLong(PPtr base, int len, int cap) {
      super(new long[0], 0, len, cap);
      this.base = base;
    }

    @Override
    public PPtr pptr() { return base; }
  }

  /** A persistent slice of pointers or strings. */
  public static final class PObj extends ObjectSlice implements PObject {
    final PPtr base;
    final String kind;
    final MethodHandle wrap;

    PObj(PPtr base, int len, int cap, String kind, MethodHandle wrap) {
      super(new Object[0], 0, len, cap);
      this.base = base;
      this.kind = kind;
      this.wrap = wrap;
    }

    @Override
    public PPtr pptr() { return base; }

    long elemSize() { return kind.equals("string") ? 16 : 8; }
  }

  private static final ClassValue<MethodHandle> CTORS = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> c) {
      try {
        return MethodHandles.publicLookup().findConstructor(c, MethodType.methodType(void.class, PPtr.class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  };

  static Object wrapSlice(PPtr base, int len, int cap, String kind, String desc, MethodHandle wrap) {
    if (kind.equals("long")) return new PLong(base, len, cap);
    return new PObj(base, len, cap, kind, wrap);
  }

  // ---------------------------------------------------------------- pmake

  /** pmake([]E, len, cap) for 8-byte integer elements. */
  public static LongSlice makeLong(String elemDesc, long len, long cap) {
    PPtr p = PRt.allocArray(elemDesc, len, cap);
    return new PLong(p, (int) len, (int) cap);
  }

  /** pmake([]E, len, cap) for pointer ({@code twin} = the element's twin class) or string elements (twin null). */
  public static ObjectSlice makeObject(String elemDesc, long len, long cap, Class<?> twin) {
    PPtr p = PRt.allocArray(elemDesc, len, cap);
    return new PObj(p, (int) len, (int) cap, twin == null ? "string" : "ptr", twin == null ? null : CTORS.get(twin));
  }

  // ---------------------------------------------------------------- elements

  private static void check(long i, int n) {
    if (i < 0 || i >= n) throw Panics.index(i, n);
  }

  public static long getLong(LongSlice s, long i) {
    if (s instanceof PLong p) {
      check(i, p.len);
      return PRt.getLong(p.base, i * 8);
    }
    return LongSlice.get(s, i);
  }

  public static void setLong(LongSlice s, long i, long v) {
    if (s instanceof PLong p) {
      check(i, p.len);
      PRt.putLong(p.base, i * 8, v);
      return;
    }
    LongSlice.set(s, i, v);
  }

  public static Object getObject(ObjectSlice s, long i) {
    if (s instanceof PObj p) {
      check(i, p.len);
      if (p.kind.equals("string")) return PRt.getString(p.base, i * 16);
      PPtr q = PRt.getPtr(p.base, i * 8);
      return q == null ? null : PRt.wrap(p.wrap, q);
    }
    int n = s == null ? 0 : s.len;
    check(i, n);
    return s.a[s.off + (int) i];
  }

  public static void setObject(ObjectSlice s, long i, Object v) {
    if (s instanceof PObj p) {
      check(i, p.len);
      if (p.kind.equals("string")) PRt.putString(p.base, i * 16, (String) v);
      else PRt.putPtr(p.base, i * 8, v);
      return;
    }
    int n = s == null ? 0 : s.len;
    check(i, n);
    s.a[s.off + (int) i] = v;
  }

  /** setLong with the value first (generated stores evaluate the value before the element). */
  public static void setLongV(long v, LongSlice s, long i) {
    setLong(s, i, v);
  }

  public static void setObjectV(Object v, ObjectSlice s, long i) {
    setObject(s, i, v);
  }

  /** A range loop's view: a persistent slice is read once into a volatile copy (values of the elements at loop start). */
  public static LongSlice plainLong(LongSlice s) {
    if (!(s instanceof PLong p)) return s;
    long[] a = new long[p.len];
    for (int i = 0; i < a.length; i++) a[i] = PRt.getLong(p.base, i * 8L);
    return new LongSlice(a, 0, a.length, a.length);
  }

  public static ObjectSlice plainObject(ObjectSlice s) {
    if (!(s instanceof PObj p)) return s;
    Object[] a = new Object[p.len];
    for (int i = 0; i < a.length; i++) a[i] = getObject(p, i);
    return new ObjectSlice(a, 0, a.length, a.length);
  }

  /** s[lo:hi:max] of a persistent slice stays persistent (same backing array). */
  public static LongSlice sliceLong(LongSlice s, long lo, long hi, long max) {
    if (!(s instanceof PLong p)) return LongSlice.slice(s, lo, hi, max);
    int[] b = bounds(p.len, p.cap, lo, hi, max);
    return new PLong(p.base.derive(b[0] * 8L), b[1] - b[0], b[2] - b[0]);
  }

  public static ObjectSlice sliceObject(ObjectSlice s, long lo, long hi, long max) {
    if (!(s instanceof PObj p)) return ObjectSlice.slice(s, lo, hi, max);
    int[] b = bounds(p.len, p.cap, lo, hi, max);
    return new PObj(p.base.derive(b[0] * p.elemSize()), b[1] - b[0], b[2] - b[0], p.kind, p.wrap);
  }

  private static int[] bounds(int len, int cap, long lo, long hi, long max) {
    // reuse the plain slice's checks and messages on a stand-in of the same len/cap
    LongSlice t = LongSlice.slice(new LongSlice(new long[cap], 0, len, cap), lo, hi, max);
    return new int[] {t.off, t.off + t.len, t.off + t.cap};
  }

  // ---------------------------------------------------------------- slice fields

  /** Loads a []int-like field (offset, len, cap) of a persistent object. */
  public static LongSlice getLongSlice(PPtr p, long fo) {
    long at = PRt.getLong(p, fo);
    if (at == 0) return null;
    return new PLong(p.heap.handle(at), (int) PRt.getLong(p, fo + 8), (int) PRt.getLong(p, fo + 16));
  }

  /** Loads a slice-of-pointers ({@code twin} non-null) or slice-of-strings field. */
  public static ObjectSlice getObjectSlice(PPtr p, long fo, Class<?> twin) {
    long at = PRt.getLong(p, fo);
    if (at == 0) return null;
    return new PObj(p.heap.handle(at), (int) PRt.getLong(p, fo + 8), (int) PRt.getLong(p, fo + 16),
        twin == null ? "string" : "ptr", twin == null ? null : CTORS.get(twin));
  }

  /** Stores a slice header into a persistent object: the slice must be persistent (or nil). */
  public static void putSlice(PPtr p, long fo, Object s) {
    long at = 0, len = 0, cap = 0;
    if (s != null) {
      if (s instanceof PLong l) {
        len = l.len;
        cap = l.cap;
      } else if (s instanceof PObj o) {
        len = o.len;
        cap = o.cap;
      } else {
        throw new GoPanic("pmem: cannot store a volatile slice into persistent memory (it would dangle after a restart; allocate it with pmake)");
      }
      at = PRt.offsetOf(s, p.heap, "slice");
    }
    PRt.putLong(p, fo, at);
    PRt.putLong(p, fo + 8, len);
    PRt.putLong(p, fo + 16, cap);
  }

  /** The twin constructor for a class (used by generated twins for pointer fields). */
  public static Object wrap(Class<?> twin, PPtr p) {
    return p == null ? null : PRt.wrap(CTORS.get(twin), p);
  }
}
