package gopl.runtime;

/**
 * A Go slice whose element type is one of: float32. Representation (DESIGN.md §3): backing
 * array, offset, length, capacity; immutable (a slice value is copied by copying the reference);
 * a nil slice is Java {@code null} and every static helper accepts it.
 *
 * <p>Guarantees: indexes and bounds are checked with Go's panic messages; {@code append} grows by
 * Go 1.19's policy ({@link Growth}) and otherwise writes into the shared backing array exactly as Go
 * does.
 * Generated code may read {@link #a}, {@link #off}, {@link #len} directly.
 */
public class FloatSlice {
  /** Backing array; elements [off, off+cap) belong to this slice's window. Never null. */
  public final float[] a;

  /** Index in {@link #a} of element 0. */
  public final int off;

  /** Length, 0 <= len <= cap. */
  public final int len;

  /** Capacity, off + cap <= a.length. */
  public final int cap;

  public FloatSlice(float[] a, int off, int len, int cap) {
    this.a = a;
    this.off = off;
    this.len = len;
    this.cap = cap;
  }

  /** {@code make([]T, len, cap)}; spec: "a run-time panic occurs if len is negative or larger than cap". */
  public static FloatSlice make(long len, long cap) {
    Growth.checkMake(len, cap);
    return new FloatSlice(new float[(int) cap], 0, (int) len, (int) cap);
  }

  /** A slice literal over exactly these elements (the array becomes the backing array). */
  public static FloatSlice of(float[] elems) {
    return new FloatSlice(elems, 0, elems.length, elems.length);
  }

  public static int len(FloatSlice s) {
    return s == null ? 0 : s.len;
  }

  public static int cap(FloatSlice s) {
    return s == null ? 0 : s.cap;
  }

  /** {@code s[i]}. */
  public static float get(FloatSlice s, long i) {
    int n = s == null ? 0 : s.len;
    if (i < 0 || i >= n) throw Panics.index(i, n);
    return s.a[s.off + (int) i];
  }

  /** {@code s[i] = v}. */
  public static void set(FloatSlice s, long i, float v) {
    int n = s == null ? 0 : s.len;
    if (i < 0 || i >= n) throw Panics.index(i, n);
    s.a[s.off + (int) i] = v;
  }

  /**
   * {@code s[lo:hi:max]}; hi and max are -1 when omitted. Go checks max against cap, then hi
   * against max (or cap), then lo against hi.
   */
  public static FloatSlice slice(FloatSlice s, long lo, long hi, long max) {
    int c = s == null ? 0 : s.cap;
    if (max >= 0) {
      if (max > c) throw Panics.slice3MaxCap(max, c);
      if (hi < 0) hi = s == null ? 0 : s.len;
      if (hi > max) throw Panics.slice3HighMax(hi, max);
      if (lo < 0 || lo > hi) throw Panics.slice3LowHigh(lo, hi);
    } else {
      if (hi < 0) hi = s == null ? 0 : s.len;
      else if (hi > c) throw Panics.sliceHighCap(hi, c);
      if (lo < 0 || lo > hi) throw Panics.sliceLowHigh(lo, hi);
      max = c;
    }
    if (s == null) return null;
    return new FloatSlice(s.a, s.off + (int) lo, (int) (hi - lo), (int) (max - lo));
  }

  /** {@code a[lo:hi:max]} of an array (an addressable array value); -1 for omitted bounds. */
  public static FloatSlice ofArray(float[] arr, long lo, long hi, long max) {
    return slice(new FloatSlice(arr, 0, arr.length, arr.length), lo, hi, max);
  }

  /** {@code append(s, v)}. */
  public static FloatSlice append(FloatSlice s, float v) {
    if (s != null && s.len < s.cap) {
      s.a[s.off + s.len] = v;
      return new FloatSlice(s.a, s.off, s.len + 1, s.cap);
    }
    FloatSlice g = grow(s, 1);
    g.a[g.len - 1] = v;
    return g;
  }

  /** {@code append(s, t...)}; spec: works even when s and t share the backing array. */
  public static FloatSlice appendSlice(FloatSlice s, FloatSlice t) {
    int m = len(t);
    if (m == 0) return s;
    int n = len(s);
    FloatSlice r;
    if (s != null && n + m <= s.cap) {
      r = new FloatSlice(s.a, s.off, n + m, s.cap);
    } else {
      r = grow(s, m);
    }
    System.arraycopy(t.a, t.off, r.a, r.off + n, m);
    return r;
  }

  /** A new backing array holding s's elements and room for extra more; len = len(s) + extra. */
  private static FloatSlice grow(FloatSlice s, int extra) {
    int n = len(s);
    int needed = n + extra;
    int newCap = Growth.newCap(cap(s), needed, 4);
    if (s == null) {
      return new FloatSlice(new float[newCap], 0, needed, newCap);
    }
    float[] b = new float[newCap];
    System.arraycopy(s.a, s.off, b, 0, n);
    return new FloatSlice(b, 0, needed, newCap);
  }

  /** {@code copy(dst, src)}: min(len) elements, overlapping windows handled as memmove. */
  public static long copy(FloatSlice dst, FloatSlice src) {
    int n = Math.min(len(dst), len(src));
    if (n == 0) return 0;
    System.arraycopy(src.a, src.off, dst.a, dst.off, n);
    return n;
  }
}
