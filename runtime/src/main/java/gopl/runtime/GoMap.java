package gopl.runtime;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

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
 * <p>The table is a compact hash map: entries are appended to parallel arrays (key, hash, value),
 * and an open-addressing index (linear probing, at most half full) maps a hash to an entry.
 * Deleting an entry leaves a tombstone that growth compacts away. A map made for {@code int}-like
 * 64-bit values ({@link #makeLong}) keeps them unboxed in a {@code long[]}; {@link #lookupLong} and
 * {@link #putLong} use it without boxing (the generic methods box on the fly, so both kinds work
 * everywhere). {@code m[k] op= v} looks the key up once: {@link #put} first tries the entry of the
 * last lookup ({@link #lastIdx}, checked against the key, so a stale index is harmless).
 *
 * <p>Iteration order is unspecified in Go and randomised by its runtime, so that programs do not
 * depend on it: each {@link Iter} starts at a random entry and wraps around. An Iter may run while
 * the loop body deletes or inserts: spec "If a map entry that has not yet been reached is removed
 * during iteration, the corresponding iteration value will not be produced. If a map entry is
 * created during iteration, that entry may be produced during the iteration or may be skipped."
 */
public final class GoMap {
  private static final Object TOMB = new Object();

  /** How keys are normalised; see {@link KeyKind}. */
  private final KeyKind keyKind;

  /** Key type, used for interface/array keys (hashing rules); may be null for simple kinds. */
  private final RType keyType;

  /** Normalised keys by entry index; {@link #TOMB} for a deleted entry; null past {@link #used}. */
  private Object[] keys;

  /** The key hashes by entry index. */
  private int[] hashes;

  /** Values by entry index (null when {@link #lvals} holds them). */
  private Object[] vals;

  /** Values of a map made by {@link #makeLong}. */
  private long[] lvals;

  /** Open-addressing index: entry index + 1, 0 for an empty slot; length a power of two. */
  private int[] table;

  private int shift;
  private int used;
  private int size;

  /** The entry index of the last successful lookup, or -1 (a hint for the next put). */
  private int lastIdx = -1;

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
    this(keyKind, keyType, hint, false);
  }

  private GoMap(KeyKind keyKind, RType keyType, int hint, boolean longValues) {
    this.keyKind = keyKind;
    this.keyType = keyType;
    int cap = 8;
    while (cap < hint && cap < (1 << 20)) cap <<= 1;
    keys = new Object[cap];
    hashes = new int[cap];
    if (longValues) lvals = new long[cap];
    else vals = new Object[cap];
    setTable(cap * 2);
  }

  /** {@code make(map[K]V, hint)}. */
  public static GoMap make(KeyKind kind, RType keyType, long hint) {
    if (hint < 0) throw new GoPanic(RuntimeError.plain("makemap: size out of range"));
    return new GoMap(kind, keyType, (int) Math.min(hint, 1 << 20), false);
  }

  /** {@code make(map[K]V, hint)} for V stored as a Java long (int, int64, uint, uint64, uintptr). */
  public static GoMap makeLong(KeyKind kind, RType keyType, long hint) {
    if (hint < 0) throw new GoPanic(RuntimeError.plain("makemap: size out of range"));
    return new GoMap(kind, keyType, (int) Math.min(hint, 1 << 20), true);
  }

  private void setTable(int n) {
    table = new int[n];
    shift = 32 - Integer.numberOfTrailingZeros(n);
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

  /** The entry index of normalised key nk with hash h, or -1. */
  private int find(Object nk, int h) {
    int[] t = table;
    int mask = t.length - 1;
    for (int p = (h * 0x9E3779B9) >>> shift; ; p = (p + 1) & mask) {
      int e = t[p] - 1;
      if (e < 0) return -1;
      if (hashes[e] == h) {
        Object k = keys[e];
        if (k == nk || nk.equals(k)) return e;
      }
    }
  }

  /** The entry index of typed key k (normalising it), or -1; remembered for the next put. */
  private int indexOf(Object k) {
    Object nk = key(k);
    int i = find(nk, nk.hashCode());
    lastIdx = i;
    return i;
  }

  /** Whether entry i holds typed key k (for the lookup-then-store of {@code m[k] op= v}). */
  private boolean holds(int i, Object k) {
    if (i < 0 || i >= used) return false;
    Object e = keys[i];
    if (e == k) return true;
    return switch (keyKind) {
      case PLAIN -> k.equals(e);
      case FLOAT -> false;
      case GENERAL -> e instanceof GeneralKey g && g.v == k;
    };
  }

  public static int len(GoMap m) {
    return m == null ? 0 : m.size;
  }

  /** The panic of hashing an unhashable interface key in a nil map (Go hashes before looking). */
  private static void checkNilKey(Object k) {
    if (k instanceof Boxed || k instanceof GoStruct) Iface.rawHash(Iface.typeOf(k), Iface.raw(k));
  }

  /** {@code m[k]}: the value or {@link #ABSENT}. */
  public static Object lookup(GoMap m, Object k) {
    if (m == null) {
      checkNilKey(k);
      return ABSENT;
    }
    int i = m.indexOf(k);
    if (i < 0) return ABSENT;
    return m.lvals != null ? (Object) m.lvals[i] : m.vals[i];
  }

  /** {@code m[k]} for a value stored as a long: the value or 0 when absent. */
  public static long lookupLong(GoMap m, Object k) {
    if (m == null) {
      checkNilKey(k);
      return 0;
    }
    int i = m.indexOf(k);
    if (i < 0) return 0;
    return m.lvals != null ? m.lvals[i] : (Long) m.vals[i];
  }

  /** {@code m[k] = v}. */
  public static void put(GoMap m, Object k, Object v) {
    if (m == null) throw Panics.nilMapWrite();
    int i = m.lastIdx;
    if (!m.holds(i, k)) i = m.insert(k);
    if (m.lvals != null) m.lvals[i] = (Long) v;
    else m.vals[i] = v;
  }

  /** {@code m[k] = v} for a value stored as a long. */
  public static void putLong(GoMap m, Object k, long v) {
    if (m == null) throw Panics.nilMapWrite();
    int i = m.lastIdx;
    if (!m.holds(i, k)) i = m.insert(k);
    if (m.lvals != null) m.lvals[i] = v;
    else m.vals[i] = v;
  }

  /**
   * {@code m[k] += delta} (also {@code m[k]++}, {@code m[k] -= v}) for a value stored as a long:
   * one lookup; 64-bit wrap-around as Go's int64/uint64 addition.
   */
  public static void addLong(GoMap m, Object k, long delta) {
    if (m == null) throw Panics.nilMapWrite();
    int i = m.insert(k);
    if (m.lvals != null) m.lvals[i] += delta;
    else m.vals[i] = (m.vals[i] == null ? 0L : (Long) m.vals[i]) + delta;
  }

  // ---------------------------------------------------------------- keys that are substrings

  /*
   * m[s[lo:hi]] with a string key: the generator passes s and the bounds instead of the substring,
   * and the map hashes and compares the key in place, making the substring only when it inserts a
   * new key (a word count makes one String per distinct word, not one per word). The hash is
   * String.hashCode's (s's chars are bytes), so these entries are the ones the String-keyed
   * methods find.
   */

  /** Checks s[lo:hi] as {@link GoStrings#slice} does; returns hi with an omitted (-1) hi resolved. */
  private static int subHigh(String s, long lo, long hi) {
    int n = s.length();
    if (hi < 0) hi = n;
    else if (hi > n) throw Panics.sliceHighLen(hi, n);
    if (lo < 0 || lo > hi) throw Panics.sliceLowHigh(lo, hi);
    return (int) hi;
  }

  private static int hashSub(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) h = 31 * h + s.charAt(i);
    return h;
  }

  /** The entry index of key s[from:to], or -1 (a PLAIN map of string keys). */
  private int findSub(String s, int from, int to, int h) {
    int[] t = table;
    int mask = t.length - 1;
    int len = to - from;
    for (int p = (h * 0x9E3779B9) >>> shift; ; p = (p + 1) & mask) {
      int e = t[p] - 1;
      if (e < 0) return -1;
      if (hashes[e] == h && keys[e] instanceof String k && k.length() == len && s.regionMatches(from, k, 0, len)) return e;
    }
  }

  /** {@code m[s[lo:hi]]} (a string-keyed map): the value or {@link #ABSENT}. */
  public static Object lookupSub(GoMap m, String s, long lo, long hi) {
    int to = subHigh(s, lo, hi);
    if (m == null) return ABSENT;
    if (m.keyKind != KeyKind.PLAIN) return lookup(m, s.substring((int) lo, to));
    int i = m.findSub(s, (int) lo, to, hashSub(s, (int) lo, to));
    m.lastIdx = i;
    if (i < 0) return ABSENT;
    return m.lvals != null ? (Object) m.lvals[i] : m.vals[i];
  }

  /** {@code m[s[lo:hi]]} (a string-keyed map) for a value stored as a long: the value or 0. */
  public static long lookupLongSub(GoMap m, String s, long lo, long hi) {
    int to = subHigh(s, lo, hi);
    if (m == null) return 0;
    if (m.keyKind != KeyKind.PLAIN) return lookupLong(m, s.substring((int) lo, to));
    int i = m.findSub(s, (int) lo, to, hashSub(s, (int) lo, to));
    m.lastIdx = i;
    if (i < 0) return 0;
    return m.lvals != null ? m.lvals[i] : (Long) m.vals[i];
  }

  /** {@code m[s[lo:hi]] += delta} (also {@code ++}, {@code --}, {@code -=}); see {@link #addLong}. */
  public static void addLongSub(GoMap m, String s, long lo, long hi, long delta) {
    int to = subHigh(s, lo, hi);
    if (m == null) throw Panics.nilMapWrite();
    int from = (int) lo;
    int i;
    if (m.keyKind != KeyKind.PLAIN) {
      i = m.insert(s.substring(from, to));
    } else {
      int h = hashSub(s, from, to);
      i = m.findSub(s, from, to, h);
      if (i < 0) i = m.append(s.substring(from, to), h);
      m.lastIdx = i;
    }
    if (m.lvals != null) m.lvals[i] += delta;
    else m.vals[i] = (m.vals[i] == null ? 0L : (Long) m.vals[i]) + delta;
  }

  /** The entry index for typed key k, appending an entry (zero value) when absent. */
  private int insert(Object k) {
    if (keyKind == KeyKind.FLOAT && ((Number) k).doubleValue() == 0) zeroKey = k;
    Object nk = key(k);
    int h = nk.hashCode();
    int i = find(nk, h);
    if (i >= 0) return lastIdx = i;
    return lastIdx = append(nk, h);
  }

  /** Appends a new entry for normalised key nk with hash h (zero value); returns its index. */
  private int append(Object nk, int h) {
    if (used == keys.length) grow();
    int i = used++;
    keys[i] = nk;
    hashes[i] = h;
    size++;
    index(i, h);
    return i;
  }

  private void index(int e, int h) {
    int[] t = table;
    int mask = t.length - 1;
    int p = (h * 0x9E3779B9) >>> shift;
    while (t[p] != 0) p = (p + 1) & mask;
    t[p] = e + 1;
  }

  /**
   * Makes room for one more entry: compacts the tombstones away if they are at least a quarter of
   * the entries, else doubles. New arrays every time: a running {@link Iter} keeps the old ones.
   */
  private void grow() {
    int cap = keys.length;
    int n = size >= cap - (cap >> 2) ? cap * 2 : cap;
    Object[] nkeys = new Object[n];
    int[] nhashes = new int[n];
    Object[] nvals = vals == null ? null : new Object[n];
    long[] nlvals = lvals == null ? null : new long[n];
    int j = 0;
    for (int i = 0; i < used; i++) {
      if (keys[i] == TOMB) continue;
      nkeys[j] = keys[i];
      nhashes[j] = hashes[i];
      if (nvals != null) nvals[j] = vals[i];
      else nlvals[j] = lvals[i];
      j++;
    }
    keys = nkeys;
    hashes = nhashes;
    vals = nvals;
    lvals = nlvals;
    used = j;
    lastIdx = -1;
    setTable(n * 2);
    for (int i = 0; i < used; i++) index(i, hashes[i]);
  }

  /** {@code delete(m, k)}; no-op for a nil map or absent key. */
  public static void delete(GoMap m, Object k) {
    if (m == null) {
      checkNilKey(k);
      return;
    }
    int i = m.indexOf(k);
    if (i < 0) return;
    m.keys[i] = TOMB;
    if (m.vals != null) m.vals[i] = null;
    m.size--;
    m.lastIdx = -1;
  }

  /** The entries in insertion order, for fmt (keys un-normalised; fmt sorts them). */
  public java.util.List<java.util.Map.Entry<Object, Object>> entries() {
    java.util.List<java.util.Map.Entry<Object, Object>> out = new java.util.ArrayList<>(size);
    for (int i = 0; i < used; i++) {
      if (keys[i] == TOMB) continue;
      Object v = lvals != null ? (Object) lvals[i] : vals[i];
      out.add(java.util.Map.entry(unkey(keys[i]), v == null ? NULL : v));
    }
    return out;
  }

  /** Stands for a null value in {@link #entries()} (Map.entry rejects nulls). */
  public static final Object NULL = new Object();

  /** Starts a range loop over m (nil: no iterations). */
  public static Iter iter(GoMap m) {
    return new Iter(m);
  }

  /**
   * A range loop's cursor: call {@link #next()}, then read {@link #key} and {@link #value}. It
   * visits the entries that existed when the loop started, from a random one, wrapping around.
   */
  public static final class Iter {
    private final GoMap map;
    private final Object[] keys;
    private final int n;
    private int start;
    private int j;

    /** Current key (typed representation) after a successful {@link #next()}. */
    public Object key;

    /** Current value after a successful {@link #next()}. */
    public Object value;

    Iter(GoMap map) {
      this.map = map;
      this.keys = map == null ? null : map.keys;
      this.n = map == null ? 0 : map.used;
      this.start = n <= 1 ? 0 : ThreadLocalRandom.current().nextInt(n);
    }

    /** Advances to the next entry still present; false at the end. */
    public boolean next() {
      while (j < n) {
        int i = start + j++;
        if (i >= n) i -= n;
        Object k = keys[i];
        if (k == TOMB) continue;
        int e = i;
        if (map.keys != keys) {
          // the map grew meanwhile: this array is a frozen snapshot; look the key up live
          e = map.find(k, k.hashCode());
          if (e < 0) continue; // deleted during iteration
        }
        key = map.unkey(k);
        value = map.lvals != null ? (Object) map.lvals[e] : map.vals[e];
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
