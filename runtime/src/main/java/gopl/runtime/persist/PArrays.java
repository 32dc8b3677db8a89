package gopl.runtime.persist;

import gopl.runtime.BoolSlice;
import gopl.runtime.ByteSlice;
import gopl.runtime.DoubleSlice;
import gopl.runtime.Elem;
import gopl.runtime.FloatSlice;
import gopl.runtime.GoPanic;
import gopl.runtime.IntSlice;
import gopl.runtime.LongSlice;
import gopl.runtime.ObjectSlice;
import gopl.runtime.ShortSlice;
import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.PPtr;
import java.lang.ref.SoftReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Go arrays in persistent memory (docs/persistence.md). A Go array is a JVM array (DESIGN.md §3),
 * which cannot be subclassed, so a persistent array — an array field of a persistent struct, an
 * element of a persistent array, {@code pnew([N]T)} — is a JVM <em>mirror</em> array: one per
 * heap location (a cache keyed by offset and element kind, soft references), loaded once from the
 * heap, and remembered in a weak identity table that maps the mirror to its location. Generated
 * code reads mirrors like any array; every write that generated code makes to an array type that
 * can reach persistent memory comes here ({@link #set}, {@link #assign}, {@link #elem}, {@link
 * #slice}), updates the mirror and, for a mirror, writes the heap through the thread's transaction
 * ({@link PBacking#wrote}: logged, rolled back with the mirror reloaded).
 *
 * <p>Guarantees: two loads of one persistent array give the same JVM array while either is
 * reachable (so {@code &p.a} and {@code p.a} alias, as in Go); after a write returns, the heap (or
 * the running transaction) holds the written elements; volatile arrays of the same types are
 * written in place as before, after one table lookup once any persistent array exists.
 */
public final class PArrays {
  private PArrays() {}

  /** Where a mirror lives: the array's first byte, its length and its element kind. */
  private record Region(PPtr p, int count, PKind kind) {}

  private record Key(long off, int code, int size, int count) {}

  /** mirror -> region (arrays hash by identity; the region does not refer to the mirror). */
  private static final Map<Object, Region> REGIONS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final ConcurrentHashMap<Key, SoftReference<Object>> CACHE = new ConcurrentHashMap<>();
  private static volatile Heap cacheHeap;
  /** Set once a mirror exists: until then array writes skip the table. */
  private static volatile boolean any;

  private static int count(PKind array) {
    return array.size / array.elem.size;
  }

  /** The mirror of the persistent array of kind {@code array} at p + fo (a field of a twin, an element). */
  public static Object load(PPtr p, long fo, PKind array) {
    Heap h = p.heap;
    if (cacheHeap != h) {
      synchronized (PArrays.class) {
        if (cacheHeap != h) {
          CACHE.clear();
          cacheHeap = h;
        }
      }
    }
    PKind ek = array.elem;
    int n = count(array);
    Key key = new Key(p.off + fo, ek.code, ek.size, n);
    SoftReference<Object> r = CACHE.get(key);
    Object m = r == null ? null : r.get();
    if (m != null) return m;
    synchronized (PArrays.class) {
      r = CACHE.get(key);
      m = r == null ? null : r.get();
      if (m != null) return m;
      PPtr at = fo == 0 ? p : p.derive(fo);
      m = PBacking.newMirror(ek, n);
      switch (ek.code) {
        case PKind.STRUCT -> {
          Object[] a = (Object[]) m;
          for (int i = 0; i < n; i++) a[i] = ek.wrap(at.derive((long) i * ek.size));
        }
        case PKind.ARRAY -> {
          Object[] a = (Object[]) m;
          for (int i = 0; i < n; i++) a[i] = load(at, (long) i * ek.size, ek);
        }
        default -> new PBacking(at, n, ek, m).reload(0, n);
      }
      REGIONS.put(m, new Region(at, n, ek));
      any = true;
      CACHE.put(key, new SoftReference<>(m));
      return m;
    }
  }

  /** pnew([N]T): a zeroed persistent array, as its mirror. */
  public static Object pnew(PKind array) {
    return load(PRt.alloc(array.desc), 0, array);
  }

  /** The mirror last written and its backing (loops write one array many times: no table lookup then). */
  private record Last(Object mirror, PBacking back) {}

  private static volatile Last last;

  /** The persistent location of a mirror, or null for a volatile array. */
  private static PBacking backing(Object a) {
    if (!any) return null;
    Last l = last;
    if (l != null && l.mirror == a) return l.back;
    Region r = REGIONS.get(a);
    if (r == null) return null;
    PBacking b = new PBacking(r.p, r.count, r.kind, a);
    last = new Last(a, b);
    return b;
  }

  /** Whether a is the mirror of a persistent array. */
  public static boolean isPersistent(Object a) {
    return any && REGIONS.get(a) != null;
  }

  private static void wrote(Object a, int i) {
    PBacking b = backing(a);
    if (b != null) b.wrote(i, 1);
  }

  // ---------------------------------------------------------------- a[i] = v

  public static void set(long[] a, int i, long v) {
    a[i] = v;
    if (any) wrote(a, i);
  }

  public static void set(int[] a, int i, int v) {
    a[i] = v;
    if (any) wrote(a, i);
  }

  public static void set(short[] a, int i, short v) {
    a[i] = v;
    if (any) wrote(a, i);
  }

  public static void set(byte[] a, int i, byte v) {
    a[i] = v;
    if (any) wrote(a, i);
  }

  public static void set(double[] a, int i, double v) {
    a[i] = v;
    if (any) wrote(a, i);
  }

  public static void set(float[] a, int i, float v) {
    a[i] = v;
    if (any) wrote(a, i);
  }

  public static void set(boolean[] a, int i, boolean v) {
    a[i] = v;
    if (any) wrote(a, i);
  }

  public static void set(Object[] a, int i, Object v) {
    PBacking b = backing(a);
    if (b == null) {
      a[i] = v;
      return;
    }
    Object old = a[i];
    a[i] = v;
    try {
      b.wrote(i, 1);
    } catch (RuntimeException e) {
      a[i] = old;
      throw e;
    }
  }

  // ---------------------------------------------------------------- dst = src (whole arrays)

  /** Array assignment into dst (Arrays.assign), written through when dst is persistent. */
  public static void assign(Object dst, Object src, Elem elem) {
    PBacking b = backing(dst);
    if (b == null) {
      gopl.runtime.Arrays.assign(dst, src, elem);
      return;
    }
    if (dst == src) return;
    int n = b.count;
    switch (b.kind.code) {
      case PKind.STRUCT -> {
        Object[] d = (Object[]) dst, s = (Object[]) src;
        for (int i = 0; i < n; i++) b.kind.assign(d[i], s[i]);
      }
      case PKind.ARRAY -> {
        Object[] d = (Object[]) dst, s = (Object[]) src;
        for (int i = 0; i < n; i++) assign(d[i], s[i], null);
      }
      default -> {
        System.arraycopy(src, 0, dst, 0, n);
        b.wrote(0, n);
      }
    }
  }

  /** A volatile deep copy of mirror a of kind {@code array} (an array value leaving persistent memory). */
  static Object copyOut(Object a, PKind array) {
    PKind ek = array.elem;
    return switch (ek.code) {
      case PKind.STRUCT -> {
        Object[] s = (Object[]) a, c = new Object[s.length];
        for (int i = 0; i < s.length; i++) c[i] = ((gopl.runtime.GoStruct) s[i]).copy();
        yield c;
      }
      case PKind.ARRAY -> {
        Object[] s = (Object[]) a, c = new Object[s.length];
        for (int i = 0; i < s.length; i++) c[i] = copyOut(s[i], ek);
        yield c;
      }
      default -> gopl.runtime.Arrays.copyDeep(a, null); // scalars, strings, pointers, slices, interfaces: shallow
    };
  }

  // ---------------------------------------------------------------- &a[i], a[lo:hi:max]

  /** {@code &a[i]} (i already bounds-checked): a persistent element pointer for a mirror. */
  public static Object elem(Object a, int i) {
    PBacking b = backing(a);
    if (b != null) return PElems.at(b, i);
    return switch (a) {
      case long[] x -> gopl.runtime.LongPtr.elem(x, i);
      case int[] x -> gopl.runtime.IntPtr.elem(x, i);
      case short[] x -> gopl.runtime.ShortPtr.elem(x, i);
      case byte[] x -> gopl.runtime.BytePtr.elem(x, i);
      case double[] x -> gopl.runtime.DoublePtr.elem(x, i);
      case float[] x -> gopl.runtime.FloatPtr.elem(x, i);
      case boolean[] x -> gopl.runtime.BoolPtr.elem(x, i);
      case Object[] x -> gopl.runtime.ObjectPtr.elem(x, i);
      default -> throw new IllegalArgumentException(String.valueOf(a));
    };
  }

  /** {@code a[lo:hi:max]} of an array: a persistent slice over a mirror (writes reach the heap). */
  public static Object slice(Object a, long lo, long hi, long max) {
    Object s = switch (a) {
      case long[] x -> LongSlice.ofArray(x, lo, hi, max);
      case int[] x -> IntSlice.ofArray(x, lo, hi, max);
      case short[] x -> ShortSlice.ofArray(x, lo, hi, max);
      case byte[] x -> ByteSlice.ofArray(x, lo, hi, max);
      case double[] x -> DoubleSlice.ofArray(x, lo, hi, max);
      case float[] x -> FloatSlice.ofArray(x, lo, hi, max);
      case boolean[] x -> BoolSlice.ofArray(x, lo, hi, max);
      case Object[] x -> ObjectSlice.ofArray(x, lo, hi, max);
      default -> throw new IllegalArgumentException(String.valueOf(a));
    };
    PBacking b = backing(a);
    if (b == null) return s;
    int len = PSlices.lenOf(s), cap = PSlices.capOf(s);
    return PSliceTypes.make(b, (int) lo, len, cap);
  }

  // ---------------------------------------------------------------- *[N]T in persistent memory

  /** A {@code *[N]T} field: the mirror of the array it points to, or nil. */
  public static Object loadPtr(PPtr p, long fo, PKind array) {
    long off = PRt.getLong(p, fo);
    return off == 0 ? null : load(p.heap.handle(off), 0, array);
  }

  /** Stores a {@code *[N]T}: a mirror of the same heap by offset; a volatile array panics. */
  public static void putPtr(PPtr p, long fo, Object a) {
    long off = 0;
    if (a != null) {
      Region r = any ? REGIONS.get(a) : null;
      if (r == null) {
        throw new GoPanic("pmem: cannot store a volatile pointer to an array into persistent memory (it would dangle after a restart; allocate it with pnew)");
      }
      if (r.p.heap != p.heap) throw new GoPanic("pmem: cannot store a pointer into another persistent heap");
      off = r.p.off;
    }
    PRt.putLong(p, fo, off);
  }

  /** The persistent offset of a mirror (uintptr(unsafe.Pointer(pa))), or -1 for a volatile array. */
  static long offsetOf(Object a) {
    Region r = any ? REGIONS.get(a) : null;
    return r == null ? -1 : r.p.off;
  }

  /** Forgets every mirror (a heap was closed or replaced). */
  static void reset() {
    last = null;
    CACHE.clear();
    REGIONS.clear();
    cacheHeap = null;
  }
}
