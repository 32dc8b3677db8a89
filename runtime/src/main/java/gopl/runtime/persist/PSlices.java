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
import gopl.runtime.persist.PSliceTypes.*;
import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.PPtr;

/**
 * What generated code calls for slice types that can reach persistent memory (docs/persistence.md):
 * pmake, loading and storing slice fields of persistent objects, and every slice operation that
 * writes or must keep a slice persistent — element stores, {@code s[lo:hi:max]}, {@code append},
 * {@code copy}. Reads need nothing: a persistent slice's backing array is its {@link PBacking}'s
 * mirror. Each method takes volatile slices too and then behaves exactly as the runtime slice class.
 *
 * <p>Guarantees: {@code append} to a persistent slice writes in place (a logged store inside a
 * transaction) when the capacity allows and otherwise returns a slice over a NEW persistent array in
 * the same heap (as go-pmem), so {@code p.b = append(p.b, x...)} stays persistent; storing a volatile
 * slice into a persistent object stores a persistent copy of its elements (go-pmem would store a
 * pointer that dangles after a restart).
 */
public final class PSlices {
  private PSlices() {}

  // ---------------------------------------------------------------- pmake, fields

  /** pmake([]E, len, cap). */
  public static Object make(PKind k, long len, long cap) {
    if (len < 0) throw new GoPanic(gopl.runtime.RuntimeError.plain("makeslice: len out of range"));
    if (cap < len) throw new GoPanic(gopl.runtime.RuntimeError.plain("makeslice: cap out of range"));
    PBacking b = PBacking.alloc(k, cap);
    return PSliceTypes.make(b, 0, (int) len, (int) cap);
  }

  /** A slice field (offset, len, cap) of a persistent object: nil, or a persistent slice. */
  public static Object load(PPtr p, long fo, PKind k) {
    long at = PRt.getLong(p, fo);
    if (at == 0) return null;
    int len = (int) PRt.getLong(p, fo + 8), cap = (int) PRt.getLong(p, fo + 16);
    PBacking b = PBacking.ofInterior(p.heap, at, k);
    return PSliceTypes.make(b, (int) ((at - b.base) / k.size), len, cap);
  }

  /**
   * Counts the changes of non-nil slice headers in persistent memory that did not go through a
   * load: every {@link #store} over a header that was not nil (after its heap writes), every
   * rollback and every redo commit (which write headers in place). A twin's cached non-nil slice
   * field ({@link #loadCached}) is valid while this is unchanged since the cached value was read
   * from the heap (a sequence lock: the count is read before the heap, and bumped after the heap is
   * written). A store over a nil header (filling a new object: {@code n.next = pmake(...)}) does not
   * count, so it leaves every other cache valid; a cached nil is therefore always re-checked (one
   * word).
   */
  private static final java.util.concurrent.atomic.AtomicLong CHANGES = new java.util.concurrent.atomic.AtomicLong();

  /** The current count of slice-header changes (generated twin getters compare a cached slice's stamp with it). */
  public static long changes() {
    return CHANGES.get();
  }

  /** Slice headers changed without a store through {@link #store} (rollback, redo commit, heap change). */
  static void changed() {
    CHANGES.incrementAndGet();
  }

  /*
   * A twin caches each slice field in a persistent slice object of its own (never one that user
   * code passed in: storeCached copies the window), whose stamp is a change count read before heap
   * words that described it. The stamp is only ever set to such a count (a racing thread may set
   * an older one: a later load then re-reads the words), so a stamp equal to the current count
   * proves the slice current. The generated getter makes that comparison itself (no call, no
   * object between the twin and the slice) and calls loadCached only when it fails.
   */

  /**
   * {@link #load} for a twin whose cached slice for the field ({@code cached}: its previous result
   * or null) is not proved current: reads the field's words and returns the cache re-stamped when
   * they still describe it, else a new stamped slice (reusing the cached slice's backing when it
   * holds the field's array: no mirror lookup), or null for a nil field.
   */
  public static Object loadCached(PPtr p, long fo, PKind k, Object cached) {
    long stamp = CHANGES.get();
    long at = PRt.getLong(p, fo);
    if (at == 0) return null;
    int len = (int) PRt.getLong(p, fo + 8), cap = (int) PRt.getLong(p, fo + 16);
    if (cached instanceof PSlice ps) {
      PBacking b = ps.back();
      long d = at - b.base;
      if (b.heap == p.heap && b.kind == k && d >= 0 && d % k.size == 0 && d / k.size < b.count) {
        if (d / k.size == ps.offset() && ps.length() == len && ps.capacity() == cap) {
          PSliceTypes.stamp(ps, stamp);
          return ps;
        }
        return stamped(PSliceTypes.make(b, (int) (d / k.size), len, cap), stamp);
      }
    }
    PBacking b = PBacking.ofInterior(p.heap, at, k);
    return stamped(PSliceTypes.make(b, (int) ((at - b.base) / k.size), len, cap), stamp);
  }

  private static Object stamped(Object s, long stamp) {
    PSliceTypes.stamp(s, stamp);
    return s;
  }

  /**
   * Stores slice s into a field of a persistent object: a persistent slice of the same heap by
   * reference; a volatile one (or one of another heap) as a new persistent copy of its elements.
   */
  public static void store(PPtr p, long fo, Object s, PKind k) {
    storeCached(p, fo, s, k);
  }

  /**
   * {@link #store}, returning what the storing twin caches: a new slice object over the window now
   * in the field, stamped with the change count read before the store (valid until any later
   * change), or null for nil.
   */
  public static Object storeCached(PPtr p, long fo, Object s, PKind k) {
    long stamp = CHANGES.get();
    long at = 0, len = 0, cap = 0;
    PSlice ps = null;
    if (s != null) {
      ps = s instanceof PSlice x && x.back().heap == p.heap ? x : null;
      if (ps != null && ps.back().region) {
        throw new gopl.runtime.GoPanic("pmem: not supported in GoPL yet: storing a slice of an array that is in persistent memory into persistent memory");
      }
      if (ps == null) ps = (PSlice) copyOf(s, k);
      len = lenOf(s);
      cap = ps == s ? capOf(s) : len;
      at = cap == 0 ? ps.back().base : ps.back().at(ps.offset());
    }
    boolean wasNil = PRt.getLong(p, fo) == 0; // (as this thread's transaction sees it)
    PRt.putLong(p, fo, at);
    PRt.putLong(p, fo + 8, len);
    PRt.putLong(p, fo + 16, cap);
    if (!wasNil) changed(); // a nil header was cached by nobody as non-nil: no cache to invalidate
    if (ps == null) return null;
    // the twin's own object (ps may be the caller's, or another field's cache)
    return stamped(PSliceTypes.make(ps.back(), ps.offset(), (int) len, (int) cap), stamp);
  }

  /** A persistent copy of the elements of volatile slice s (len == cap). */
  static Object copyOf(Object s, PKind k) {
    int n = lenOf(s);
    Object arr = switch (s) {
      case ByteSlice x -> java.util.Arrays.copyOfRange(x.a, x.off, x.off + n);
      case ShortSlice x -> java.util.Arrays.copyOfRange(x.a, x.off, x.off + n);
      case IntSlice x -> java.util.Arrays.copyOfRange(x.a, x.off, x.off + n);
      case LongSlice x -> java.util.Arrays.copyOfRange(x.a, x.off, x.off + n);
      case FloatSlice x -> java.util.Arrays.copyOfRange(x.a, x.off, x.off + n);
      case DoubleSlice x -> java.util.Arrays.copyOfRange(x.a, x.off, x.off + n);
      case BoolSlice x -> java.util.Arrays.copyOfRange(x.a, x.off, x.off + n);
      case ObjectSlice x -> java.util.Arrays.copyOfRange(x.a, x.off, x.off + n);
      default -> throw new IllegalStateException("not a slice: " + s.getClass());
    };
    return PSliceTypes.make(PBacking.adopt(k, arr, n), 0, n, n);
  }

  static int lenOf(Object s) {
    return switch (s) {
      case ByteSlice x -> x.len;
      case ShortSlice x -> x.len;
      case IntSlice x -> x.len;
      case LongSlice x -> x.len;
      case FloatSlice x -> x.len;
      case DoubleSlice x -> x.len;
      case BoolSlice x -> x.len;
      case ObjectSlice x -> x.len;
      default -> 0;
    };
  }

  static int capOf(Object s) {
    return switch (s) {
      case ByteSlice x -> x.cap;
      case ShortSlice x -> x.cap;
      case IntSlice x -> x.cap;
      case LongSlice x -> x.cap;
      case FloatSlice x -> x.cap;
      case DoubleSlice x -> x.cap;
      case BoolSlice x -> x.cap;
      case ObjectSlice x -> x.cap;
      default -> 0;
    };
  }

  /** The named root array of pmem.Make as a persistent slice of count elements. */
  static Object root(Heap h, long off, PKind k, int count) {
    PBacking b = PBacking.of(h, off, k);
    return PSliceTypes.make(b, 0, count, count);
  }

  /**
   * The result r (array ra, window roff/rlen/rcap) of a runtime append to persistent slice p of
   * length n: in place, the new elements are written through; grown, ra becomes the mirror of a new
   * persistent array.
   */
  private static Object appended(PSlice p, int n, Object ra, int roff, int rlen, int rcap) {
    PBacking b = p.back();
    if (ra == b.mirror) {
      b.inPlace(roff + n, rlen - n);
      return PSliceTypes.make(b, roff, rlen, rcap);
    }
    return PSliceTypes.make(PBacking.adopt(b.kind, ra, rlen), roff, rlen, rcap);
  }

  // ---------------------------------------------------------------- byte

  public static void setB(byte v, ByteSlice s, long i) {
    ByteSlice.set(s, i, v);
    if (s instanceof PByte p) p.back.wrote(p.off + (int) i, 1);
  }

  public static ByteSlice slice(ByteSlice s, long lo, long hi, long max) {
    ByteSlice r = ByteSlice.slice(s, lo, hi, max);
    return s instanceof PByte p ? new PByte(p.back, r.off, r.len, r.cap) : r;
  }

  public static ByteSlice append(ByteSlice s, byte v) {
    ByteSlice r = ByteSlice.append(s, v);
    return s instanceof PByte p ? (ByteSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static ByteSlice appendSlice(ByteSlice s, ByteSlice t) {
    ByteSlice r = ByteSlice.appendSlice(s, t);
    return r != s && s instanceof PByte p ? (ByteSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copy(ByteSlice d, ByteSlice s) {
    long n = ByteSlice.copy(d, s);
    if (d instanceof PByte p) p.back.wrote(p.off, (int) n);
    return n;
  }

  // ---------------------------------------------------------------- short

  public static void setS(short v, ShortSlice s, long i) {
    ShortSlice.set(s, i, v);
    if (s instanceof PShort p) p.back.wrote(p.off + (int) i, 1);
  }

  public static ShortSlice slice(ShortSlice s, long lo, long hi, long max) {
    ShortSlice r = ShortSlice.slice(s, lo, hi, max);
    return s instanceof PShort p ? new PShort(p.back, r.off, r.len, r.cap) : r;
  }

  public static ShortSlice append(ShortSlice s, short v) {
    ShortSlice r = ShortSlice.append(s, v);
    return s instanceof PShort p ? (ShortSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static ShortSlice appendSlice(ShortSlice s, ShortSlice t) {
    ShortSlice r = ShortSlice.appendSlice(s, t);
    return r != s && s instanceof PShort p ? (ShortSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copy(ShortSlice d, ShortSlice s) {
    long n = ShortSlice.copy(d, s);
    if (d instanceof PShort p) p.back.wrote(p.off, (int) n);
    return n;
  }

  // ---------------------------------------------------------------- int

  public static void setI(int v, IntSlice s, long i) {
    IntSlice.set(s, i, v);
    if (s instanceof PInt p) p.back.wrote(p.off + (int) i, 1);
  }

  public static IntSlice slice(IntSlice s, long lo, long hi, long max) {
    IntSlice r = IntSlice.slice(s, lo, hi, max);
    return s instanceof PInt p ? new PInt(p.back, r.off, r.len, r.cap) : r;
  }

  public static IntSlice append(IntSlice s, int v) {
    IntSlice r = IntSlice.append(s, v);
    return s instanceof PInt p ? (IntSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static IntSlice appendSlice(IntSlice s, IntSlice t) {
    IntSlice r = IntSlice.appendSlice(s, t);
    return r != s && s instanceof PInt p ? (IntSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copy(IntSlice d, IntSlice s) {
    long n = IntSlice.copy(d, s);
    if (d instanceof PInt p) p.back.wrote(p.off, (int) n);
    return n;
  }

  // ---------------------------------------------------------------- long

  public static void setJ(long v, LongSlice s, long i) {
    LongSlice.set(s, i, v);
    if (s instanceof PLong p) p.back.wrote(p.off + (int) i, 1);
  }

  public static LongSlice slice(LongSlice s, long lo, long hi, long max) {
    LongSlice r = LongSlice.slice(s, lo, hi, max);
    return s instanceof PLong p ? new PLong(p.back, r.off, r.len, r.cap) : r;
  }

  public static LongSlice append(LongSlice s, long v) {
    LongSlice r = LongSlice.append(s, v);
    return s instanceof PLong p ? (LongSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static LongSlice appendSlice(LongSlice s, LongSlice t) {
    LongSlice r = LongSlice.appendSlice(s, t);
    return r != s && s instanceof PLong p ? (LongSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copy(LongSlice d, LongSlice s) {
    long n = LongSlice.copy(d, s);
    if (d instanceof PLong p) p.back.wrote(p.off, (int) n);
    return n;
  }

  // ---------------------------------------------------------------- float

  public static void setF(float v, FloatSlice s, long i) {
    FloatSlice.set(s, i, v);
    if (s instanceof PFloat p) p.back.wrote(p.off + (int) i, 1);
  }

  public static FloatSlice slice(FloatSlice s, long lo, long hi, long max) {
    FloatSlice r = FloatSlice.slice(s, lo, hi, max);
    return s instanceof PFloat p ? new PFloat(p.back, r.off, r.len, r.cap) : r;
  }

  public static FloatSlice append(FloatSlice s, float v) {
    FloatSlice r = FloatSlice.append(s, v);
    return s instanceof PFloat p ? (FloatSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static FloatSlice appendSlice(FloatSlice s, FloatSlice t) {
    FloatSlice r = FloatSlice.appendSlice(s, t);
    return r != s && s instanceof PFloat p ? (FloatSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copy(FloatSlice d, FloatSlice s) {
    long n = FloatSlice.copy(d, s);
    if (d instanceof PFloat p) p.back.wrote(p.off, (int) n);
    return n;
  }

  // ---------------------------------------------------------------- double

  public static void setD(double v, DoubleSlice s, long i) {
    DoubleSlice.set(s, i, v);
    if (s instanceof PDouble p) p.back.wrote(p.off + (int) i, 1);
  }

  public static DoubleSlice slice(DoubleSlice s, long lo, long hi, long max) {
    DoubleSlice r = DoubleSlice.slice(s, lo, hi, max);
    return s instanceof PDouble p ? new PDouble(p.back, r.off, r.len, r.cap) : r;
  }

  public static DoubleSlice append(DoubleSlice s, double v) {
    DoubleSlice r = DoubleSlice.append(s, v);
    return s instanceof PDouble p ? (DoubleSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static DoubleSlice appendSlice(DoubleSlice s, DoubleSlice t) {
    DoubleSlice r = DoubleSlice.appendSlice(s, t);
    return r != s && s instanceof PDouble p ? (DoubleSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copy(DoubleSlice d, DoubleSlice s) {
    long n = DoubleSlice.copy(d, s);
    if (d instanceof PDouble p) p.back.wrote(p.off, (int) n);
    return n;
  }

  // ---------------------------------------------------------------- boolean

  public static void setZ(boolean v, BoolSlice s, long i) {
    BoolSlice.set(s, i, v);
    if (s instanceof PBool p) p.back.wrote(p.off + (int) i, 1);
  }

  public static BoolSlice slice(BoolSlice s, long lo, long hi, long max) {
    BoolSlice r = BoolSlice.slice(s, lo, hi, max);
    return s instanceof PBool p ? new PBool(p.back, r.off, r.len, r.cap) : r;
  }

  public static BoolSlice append(BoolSlice s, boolean v) {
    BoolSlice r = BoolSlice.append(s, v);
    return s instanceof PBool p ? (BoolSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static BoolSlice appendSlice(BoolSlice s, BoolSlice t) {
    BoolSlice r = BoolSlice.appendSlice(s, t);
    return r != s && s instanceof PBool p ? (BoolSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copy(BoolSlice d, BoolSlice s) {
    long n = BoolSlice.copy(d, s);
    if (d instanceof PBool p) p.back.wrote(p.off, (int) n);
    return n;
  }

  public static ByteSlice appendString(ByteSlice s, String t) {
    ByteSlice r = ByteSlice.appendString(s, t);
    return r != s && s instanceof PByte p ? (ByteSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copyString(ByteSlice d, String s) {
    long n = ByteSlice.copyString(d, s);
    if (d instanceof PByte p) p.back.wrote(p.off, (int) n);
    return n;
  }

  // ---------------------------------------------------------------- Object (strings, pointers, structs)

  public static void setL(Object v, ObjectSlice s, long i) {
    if (s instanceof PObj p && (p.back.kind.code == PKind.STRUCT || p.back.kind.code == PKind.ARRAY)) {
      int n = p.len;
      if (i < 0 || i >= n) throw gopl.runtime.Panics.index(i, n);
      p.back.assignElement(p.a[p.off + (int) i], v); // in place: the element's twin or mirror writes the heap
      return;
    }
    ObjectSlice.set(s, i, v);
    if (s instanceof PObj p) p.back.wrote(p.off + (int) i, 1);
  }

  public static ObjectSlice slice(ObjectSlice s, long lo, long hi, long max) {
    ObjectSlice r = ObjectSlice.slice(s, lo, hi, max);
    return s instanceof PObj p ? new PObj(p.back, r.off, r.len, r.cap) : r;
  }

  public static ObjectSlice append(ObjectSlice s, Object v, Elem e) {
    ObjectSlice r = ObjectSlice.append(s, v, e);
    return s instanceof PObj p ? (ObjectSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static ObjectSlice appendSlice(ObjectSlice s, ObjectSlice t, Elem e) {
    ObjectSlice r = ObjectSlice.appendSlice(s, t, e);
    return r != s && s instanceof PObj p ? (ObjectSlice) appended(p, p.len, r.a, r.off, r.len, r.cap) : r;
  }

  public static long copy(ObjectSlice d, ObjectSlice s, Elem e) {
    if (d instanceof PObj p && (p.back.kind.code == PKind.STRUCT || p.back.kind.code == PKind.ARRAY)) {
      int n = Math.min(p.len, s == null ? 0 : s.len);
      Object[] tmp = new Object[n]; // copies first: source and destination may overlap
      for (int i = 0; i < n; i++) tmp[i] = e.copy(s.a[s.off + i]);
      for (int i = 0; i < n; i++) p.back.assignElement(p.a[p.off + i], tmp[i]);
      return n;
    }
    long n = ObjectSlice.copy(d, s, e);
    if (d instanceof PObj p) p.back.wrote(p.off, (int) n);
    return n;
  }
}
