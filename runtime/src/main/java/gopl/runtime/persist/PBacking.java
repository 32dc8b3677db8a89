package gopl.runtime.persist;

import gopl.runtime.pmem.Heap;
import gopl.runtime.pmem.PPtr;
import gopl.runtime.pmem.Txn;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.SoftReference;
import java.nio.ByteOrder;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backing array of persistent slices (docs/persistence.md): one persistent array object plus a
 * volatile <em>mirror</em> — a JVM array of the runtime slice's storage type holding the same
 * elements. Every slice over the object shares the one mirror (a per-heap cache keyed by the
 * object's offset), so generated code and every std function read persistent slices exactly like
 * volatile ones; every write made by generated code goes to the mirror and then, through {@link
 * #wrote}, to the heap (logged when the thread is in a transaction).
 *
 * <p>Guarantees: after {@link #wrote}{@code (i, n)} the heap holds mirror elements [i, i+n) (or the
 * running transaction does; outside a transaction they are persisted before it returns); when a
 * transaction rolls back, the ranges it wrote are reloaded from
 * the (restored) heap, so mirrors never show rolled-back values. Writes that bypass generated code
 * (a Java std function filling a persistent []byte) reach only the mirror.
 */
final class PBacking {
  final Heap heap;
  /** Handle of the object's payload (keeps it alive across online collections). */
  final PPtr obj;
  final long base;
  /** Elements in the object. */
  final int count;
  final PKind kind;
  /** byte[], short[], int[], long[], float[], double[], boolean[] or Object[] of length count. */
  final Object mirror;
  /** An array inside a persistent object (PArrays), not an array object of its own. */
  final boolean region;

  private static final ConcurrentHashMap<Long, SoftReference<PBacking>> CACHE = new ConcurrentHashMap<>();
  private static volatile Heap cacheHeap;
  private static final ThreadLocal<Touched> TOUCHED = ThreadLocal.withInitial(Touched::new);

  /** The mirror ranges this thread's transaction wrote (reloaded on rollback): no boxing per write. */
  private static final class Touched {
    PBacking[] backs = new PBacking[16];
    long[] ranges = new long[16];
    int n;

    void add(PBacking b, int from, int len) {
      if (n > 0 && backs[n - 1] == b && ranges[n - 1] == (((long) from << 32) | len)) return; // same element again
      if (n == backs.length) {
        backs = java.util.Arrays.copyOf(backs, n * 2);
        ranges = java.util.Arrays.copyOf(ranges, n * 2);
      }
      backs[n] = b;
      ranges[n++] = ((long) from << 32) | len;
    }

    void clear() {
      if (n == 0) return;
      java.util.Arrays.fill(backs, 0, n, null);
      n = 0;
    }
  }

  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private PBacking(Heap heap, long base, int count, PKind kind, Object mirror) {
    this(heap, heap.handle(base), base, count, kind, mirror, false);
  }

  /** A Go array at p (inside a persistent object) of count elements, mirrored by mirror (PArrays). */
  PBacking(PPtr p, int count, PKind kind, Object mirror) {
    this(p.heap, p, p.off, count, kind, mirror, true);
  }

  private PBacking(Heap heap, PPtr obj, long base, int count, PKind kind, Object mirror, boolean region) {
    this.heap = heap;
    this.obj = obj;
    this.base = base;
    this.count = count;
    this.kind = kind;
    this.mirror = mirror;
    this.region = region;
  }

  private static void checkHeap(Heap h) {
    if (cacheHeap != h) {
      synchronized (PBacking.class) {
        if (cacheHeap != h) {
          CACHE.clear();
          cacheHeap = h;
        }
      }
    }
  }

  /** The backing of the persistent array object at base (its payload offset), loading its mirror once. */
  static PBacking of(Heap h, long base, PKind k) {
    checkHeap(h);
    SoftReference<PBacking> r = CACHE.get(base);
    PBacking b = r == null ? null : r.get();
    if (b != null && b.kind.code == k.code && b.kind.size == k.size) return b;
    synchronized (PBacking.class) { // one mirror per object, even when goroutines load it at once
      r = CACHE.get(base);
      b = r == null ? null : r.get();
      if (b != null && b.kind.code == k.code && b.kind.size == k.size) return b;
      int count = (int) h.countOf(base);
      b = new PBacking(h, base, count, k, newMirror(k, count));
      b.reload(0, count);
      CACHE.put(base, new SoftReference<>(b));
      return b;
    }
  }

  /** The backing holding heap offset at (an element of a persistent array: a slice header's pointer). */
  static PBacking ofInterior(Heap h, long at, PKind k) {
    checkHeap(h);
    SoftReference<PBacking> r = CACHE.get(at);
    PBacking b = r == null ? null : r.get();
    if (b != null && b.kind.code == k.code && b.kind.size == k.size) return b;
    long base = h.objectAt(at);
    if (base == 0) throw new gopl.runtime.GoPanic("pmem: slice pointer " + at + " is not inside a persistent object (damaged heap?)");
    return of(h, base, k);
  }

  /** Mirror elements [from, from+n) were just set by a runtime append in place: write them through. */
  void inPlace(int from, int n) {
    if (kind.code == PKind.STRUCT || kind.code == PKind.ARRAY) {
      Object[] a = (Object[]) mirror;
      for (int i = from; i < from + n; i++) {
        Object v = a[i];
        a[i] = element(i);
        assignElement(a[i], v);
      }
      return;
    }
    wrote(from, n);
  }

  /** A new zeroed persistent array of n elements. */
  static PBacking alloc(PKind k, long n) {
    Heap h = PRt.heap();
    checkHeap(h);
    int count = (int) Math.max(1, n);
    long base = h.alloc(PRt.typeId(k.desc), count);
    Object m = newMirror(k, count);
    PBacking b = new PBacking(h, base, count, k, m);
    if (k.code == PKind.STRUCT || k.code == PKind.ARRAY) {
      Object[] a = (Object[]) m;
      for (int i = 0; i < count; i++) a[i] = b.element(i);
    }
    CACHE.put(base, new SoftReference<>(b));
    return b;
  }

  /**
   * A new persistent array adopting the volatile array {@code arr} (a freshly grown backing nobody
   * else holds) as its mirror; elements [0, len) are written to the heap.
   */
  static PBacking adopt(PKind k, Object arr, int len) {
    Heap h = PRt.heap();
    checkHeap(h);
    int count = java.lang.reflect.Array.getLength(arr);
    long base = h.alloc(PRt.typeId(k.desc), Math.max(1, count));
    PBacking b = new PBacking(h, base, Math.max(1, count), k, count == 0 ? newMirror(k, 1) : arr);
    CACHE.put(base, new SoftReference<>(b));
    if (k.code == PKind.STRUCT || k.code == PKind.ARRAY) {
      Object[] a = (Object[]) b.mirror;
      for (int i = 0; i < a.length; i++) {
        Object v = a[i];
        a[i] = b.element(i);
        if (i < len && v != null) b.assignElement(a[i], v);
      }
    } else {
      b.wrote(0, len);
    }
    if (h.current() == null && len > 0) h.persist(base, (long) len * k.size);
    return b;
  }

  /**
   * The mirror element standing for element i in place (Struct: a twin at its offset; Array: the
   * array's own mirror, PArrays), whose writes reach the heap by themselves.
   */
  Object element(int i) {
    return kind.code == PKind.ARRAY ? PArrays.load(obj, (long) i * kind.size, kind) : kind.wrap(obj.derive((long) i * kind.size));
  }

  /** Assigns value v to the in-place element e ({@link #element}): a struct's $set, an array's elements. */
  void assignElement(Object e, Object v) {
    if (kind.code == PKind.ARRAY) PArrays.assign(e, v, null);
    else kind.assign(e, v);
  }

  static Object newMirror(PKind k, int n) {
    return switch (k.code) {
      case PKind.BYTE -> new byte[n];
      case PKind.SHORT -> new short[n];
      case PKind.INT -> new int[n];
      case PKind.LONG -> new long[n];
      case PKind.FLOAT -> new float[n];
      case PKind.DOUBLE -> new double[n];
      case PKind.BOOL -> new boolean[n];
      default -> new Object[n];
    };
  }

  /** Heap offset of element i. */
  long at(int i) {
    return base + (long) i * kind.size;
  }

  // ---------------------------------------------------------------- mirror -> heap

  /** Writes mirror elements [from, from+n) to the heap (through the thread's transaction, if any). */
  void wrote(int from, int n) {
    if (n <= 0) return;
    Txn tx = heap.current();
    if (tx != null) {
      TOUCHED.get().add(this, from, n);
    }
    try {
      switch (kind.code) {
        case PKind.BYTE -> put(tx, at(from), (byte[]) mirror, from, n);
        case PKind.STRING -> {
          Object[] a = (Object[]) mirror;
          for (int i = 0; i < n; i++) PRt.putString(obj, (long) (from + i) * 16, (String) a[from + i]);
        }
        case PKind.PTR -> {
          Object[] a = (Object[]) mirror;
          for (int i = 0; i < n; i++) PRt.putPtr(obj, (long) (from + i) * 8, a[from + i]);
        }
        case PKind.STRUCT, PKind.ARRAY -> {} // twins and inner array mirrors write through
        case PKind.IFACE -> {
          Object[] a = (Object[]) mirror;
          for (int i = 0; i < n; i++) PIfaces.store(obj, (long) (from + i) * 16, a[from + i]);
        }
        case PKind.SLICE -> {
          Object[] a = (Object[]) mirror;
          for (int i = 0; i < n; i++) {
            PSlices.store(obj, (long) (from + i) * 24, a[from + i], kind.elem);
            a[from + i] = PSlices.load(obj, (long) (from + i) * 24, kind.elem); // a stored volatile slice was copied
          }
        }
        default -> {
          if (n == 1 && kind.size == 8) {
            long v = kind.code == PKind.LONG ? ((long[]) mirror)[from] : Double.doubleToRawLongBits(((double[]) mirror)[from]);
            if (tx != null) tx.putLong(at(from), v);
            else heap.putLong(at(from), v);
          } else {
            byte[] b = encode(from, n);
            put(tx, at(from), b, 0, b.length);
          }
        }
      }
    } catch (RuntimeException e) {
      reload(from, n); // a refused store (a volatile pointer) must not stay in the mirror
      throw e;
    }
    // outside a transaction a slice write is made durable at once (one flush + fence per
    // operation): go-pmem would need runtime.PersistRange, which cannot name a slice's backing here
    if (tx == null && kind.code != PKind.STRUCT && kind.code != PKind.ARRAY) heap.persist(at(from), (long) n * kind.size);
  }

  private void put(Txn tx, long off, byte[] b, int at, int n) {
    if (tx != null) tx.putBytes(off, b, at, n);
    else heap.putBytes(off, b, at, n);
  }

  private byte[] encode(int from, int n) {
    byte[] b = new byte[n * kind.size];
    switch (kind.code) {
      case PKind.SHORT -> { short[] a = (short[]) mirror; for (int i = 0; i < n; i++) SHORT.set(b, i * 2, a[from + i]); }
      case PKind.INT -> { int[] a = (int[]) mirror; for (int i = 0; i < n; i++) INT.set(b, i * 4, a[from + i]); }
      case PKind.LONG -> { long[] a = (long[]) mirror; for (int i = 0; i < n; i++) LONG.set(b, i * 8, a[from + i]); }
      case PKind.FLOAT -> { float[] a = (float[]) mirror; for (int i = 0; i < n; i++) INT.set(b, i * 4, Float.floatToRawIntBits(a[from + i])); }
      case PKind.DOUBLE -> { double[] a = (double[]) mirror; for (int i = 0; i < n; i++) LONG.set(b, i * 8, Double.doubleToRawLongBits(a[from + i])); }
      case PKind.BOOL -> { boolean[] a = (boolean[]) mirror; for (int i = 0; i < n; i++) b[i] = (byte) (a[from + i] ? 1 : 0); }
      default -> throw new IllegalStateException(kind.toString());
    }
    return b;
  }

  // ---------------------------------------------------------------- heap -> mirror

  /** Reads elements [from, from+n) of the heap (seeing a redo transaction's own writes) into the mirror. */
  void reload(int from, int n) {
    if (n <= 0) return;
    Txn tx = PRt.readTxnOf(heap);
    switch (kind.code) {
      case PKind.STRING -> {
        Object[] a = (Object[]) mirror;
        for (int i = 0; i < n; i++) a[from + i] = PRt.getString(obj, (long) (from + i) * 16);
      }
      case PKind.PTR -> {
        Object[] a = (Object[]) mirror;
        for (int i = 0; i < n; i++) {
          PPtr q = PRt.getPtr(obj, (long) (from + i) * 8);
          a[from + i] = q == null ? null : kind.wrap(q);
        }
      }
      case PKind.IFACE -> {
        Object[] a = (Object[]) mirror;
        for (int i = 0; i < n; i++) a[from + i] = PIfaces.load(obj, (long) (from + i) * 16);
      }
      case PKind.SLICE -> {
        Object[] a = (Object[]) mirror;
        for (int i = 0; i < n; i++) a[from + i] = PSlices.load(obj, (long) (from + i) * 24, kind.elem);
      }
      case PKind.STRUCT, PKind.ARRAY -> { // in place: twins and inner mirrors read (and reload) the heap themselves
        Object[] a = (Object[]) mirror;
        for (int i = 0; i < n; i++) if (a[from + i] == null) a[from + i] = element(from + i);
      }
      default -> {
        byte[] b = new byte[n * kind.size];
        if (tx != null) tx.getBytes(at(from), b, 0, b.length);
        else heap.getBytes(at(from), b, 0, b.length);
        // bulk little-endian decodes (a restart's first touch of a large slice runs at copy speed)
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        switch (kind.code) {
          case PKind.BYTE -> System.arraycopy(b, 0, mirror, from, n);
          case PKind.SHORT -> bb.asShortBuffer().get((short[]) mirror, from, n);
          case PKind.INT -> bb.asIntBuffer().get((int[]) mirror, from, n);
          case PKind.LONG -> bb.asLongBuffer().get((long[]) mirror, from, n);
          case PKind.FLOAT -> bb.asFloatBuffer().get((float[]) mirror, from, n);
          case PKind.DOUBLE -> bb.asDoubleBuffer().get((double[]) mirror, from, n);
          case PKind.BOOL -> { boolean[] a = (boolean[]) mirror; for (int i = 0; i < n; i++) a[from + i] = b[i] != 0; }
          default -> throw new IllegalStateException(kind.toString());
        }
      }
    }
  }

  // ---------------------------------------------------------------- transaction end

  /** The outermost transaction of this thread committed: forget the ranges it wrote. */
  static void committed() {
    TOUCHED.get().clear();
  }

  /** The outermost transaction of this thread rolled back: reload every range it wrote from the heap. */
  static void rolledBack() {
    PSlices.changed(); // slice headers restored in place: twins' cached slice fields are stale
    Touched t = TOUCHED.get();
    for (int i = t.n - 1; i >= 0; i--) t.backs[i].reload((int) (t.ranges[i] >>> 32), (int) t.ranges[i]);
    t.clear();
  }

  /** Forgets every mirror (a heap was closed or replaced). */
  static void reset() {
    PSlices.changed();
    CACHE.clear();
    cacheHeap = null;
  }
}
