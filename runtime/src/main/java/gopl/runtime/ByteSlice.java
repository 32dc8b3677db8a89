package gopl.runtime;

/**
 * A Go slice whose element type is one of: int8, uint8 (byte). Representation (DESIGN.md §3): backing
 * array, offset, length, capacity; immutable (a slice value is copied by copying the reference);
 * a nil slice is Java {@code null} and every static helper accepts it.
 *
 * <p>Guarantees: indexes and bounds are checked with Go's panic messages; {@code append} grows by
 * Go 1.19's policy ({@link Growth}) and otherwise writes into the shared backing array exactly as Go
 * does.
 * Generated code may read {@link #a}, {@link #off}, {@link #len} directly.
 */
public class ByteSlice {
  /** Backing array; elements [off, off+cap) belong to this slice's window. Never null. */
  public final byte[] a;

  /** Index in {@link #a} of element 0. */
  public final int off;

  /** Length, 0 <= len <= cap. */
  public final int len;

  /** Capacity, off + cap <= a.length. */
  public final int cap;

  public ByteSlice(byte[] a, int off, int len, int cap) {
    this.a = a;
    this.off = off;
    this.len = len;
    this.cap = cap;
  }

  /** {@code make([]T, len, cap)}; spec: "a run-time panic occurs if len is negative or larger than cap". */
  public static ByteSlice make(long len, long cap) {
    Growth.checkMake(len, cap);
    return new ByteSlice(new byte[(int) cap], 0, (int) len, (int) cap);
  }

  /** A slice literal over exactly these elements (the array becomes the backing array). */
  public static ByteSlice of(byte[] elems) {
    return new ByteSlice(elems, 0, elems.length, elems.length);
  }

  public static int len(ByteSlice s) {
    return s == null ? 0 : s.len;
  }

  public static int cap(ByteSlice s) {
    return s == null ? 0 : s.cap;
  }

  /** {@code s[i]}. */
  public static byte get(ByteSlice s, long i) {
    int n = s == null ? 0 : s.len;
    if (i < 0 || i >= n) throw Panics.index(i, n);
    return s.a[s.off + (int) i];
  }

  /** {@code s[i] = v}. */
  public static void set(ByteSlice s, long i, byte v) {
    int n = s == null ? 0 : s.len;
    if (i < 0 || i >= n) throw Panics.index(i, n);
    s.a[s.off + (int) i] = v;
  }

  /**
   * {@code s[lo:hi:max]}; hi and max are -1 when omitted. Go checks max against cap, then hi
   * against max (or cap), then lo against hi.
   */
  public static ByteSlice slice(ByteSlice s, long lo, long hi, long max) {
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
    return new ByteSlice(s.a, s.off + (int) lo, (int) (hi - lo), (int) (max - lo));
  }

  /** {@code a[lo:hi:max]} of an array (an addressable array value); -1 for omitted bounds. */
  public static ByteSlice ofArray(byte[] arr, long lo, long hi, long max) {
    return slice(new ByteSlice(arr, 0, arr.length, arr.length), lo, hi, max);
  }

  /** {@code append(s, v)}. */
  public static ByteSlice append(ByteSlice s, byte v) {
    if (s != null && s.len < s.cap) {
      s.a[s.off + s.len] = v;
      return new ByteSlice(s.a, s.off, s.len + 1, s.cap);
    }
    ByteSlice g = grow(s, 1);
    g.a[g.len - 1] = v;
    return g;
  }

  /** {@code append(s, t...)}; spec: works even when s and t share the backing array. */
  public static ByteSlice appendSlice(ByteSlice s, ByteSlice t) {
    int m = len(t);
    if (m == 0) return s;
    ByteSlice r = extend(s, m);
    System.arraycopy(t.a, t.off, r.a, r.off + r.len - m, m);
    return r;
  }

  /** s with its length grown by m (m > 0): in place when the capacity allows, else a new array. */
  private static ByteSlice extend(ByteSlice s, int m) {
    int n = len(s);
    return s != null && n + m <= s.cap ? new ByteSlice(s.a, s.off, n + m, s.cap) : grow(s, m);
  }

  /** A new backing array holding s's elements and room for extra more; len = len(s) + extra. */
  private static ByteSlice grow(ByteSlice s, int extra) {
    int n = len(s);
    int needed = n + extra;
    int newCap = Growth.newCap(cap(s), needed, 1);
    if (s == null) {
      return new ByteSlice(new byte[newCap], 0, needed, newCap);
    }
    byte[] b = new byte[newCap];
    System.arraycopy(s.a, s.off, b, 0, n);
    return new ByteSlice(b, 0, needed, newCap);
  }

  /** {@code copy(dst, src)}: min(len) elements, overlapping windows handled as memmove. */
  public static long copy(ByteSlice dst, ByteSlice src) {
    int n = Math.min(len(dst), len(src));
    if (n == 0) return 0;
    System.arraycopy(src.a, src.off, dst.a, dst.off, n);
    return n;
  }

  /** {@code []byte(str)}: a fresh backing array with Go's rounded capacity. */
  public static ByteSlice fromString(String str) {
    int n = str.length();
    if (n == 0) return new ByteSlice(new byte[0], 0, 0, 0);
    int c = (int) Growth.roundUpSize(n);
    byte[] b = new byte[c];
    str.getBytes(0, n, b, 0);
    return new ByteSlice(b, 0, n, c);
  }

  /** {@code string(s)}. */
  public static String toGoString(ByteSlice s) {
    return s == null ? "" : GoStrings.fromBytes(s.a, s.off, s.len);
  }

  /** {@code append(s, str...)}. */
  public static ByteSlice appendString(ByteSlice s, String str) {
    int m = str.length();
    if (m == 0) return s;
    ByteSlice r = extend(s, m);
    str.getBytes(0, m, r.a, r.off + r.len - m); // chars are bytes 0-255: copied straight in, no temporary array
    return r;
  }

  /**
   * Writes the bytes of str (chars 0-255) into a from index at; the caller has checked the room.
   * For generated code appending in place ({@code s = append(s, str...)} on a slice kept in parts):
   * a plain loop for the short strings this is mostly called with, a bulk copy for longer ones.
   */
  public static void putString(String str, byte[] a, int at) {
    int m = str.length();
    if (m > 16) {
      str.getBytes(0, m, a, at);
      return;
    }
    for (int i = 0; i < m; i++) a[at + i] = (byte) str.charAt(i);
  }

  /** {@code copy(dst, str)}. */
  public static long copyString(ByteSlice dst, String src) {
    int n = Math.min(len(dst), src.length());
    for (int i = 0; i < n; i++) dst.a[dst.off + i] = (byte) src.charAt(i);
    return n;
  }
}
