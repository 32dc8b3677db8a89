package gopl.runtime.persist;

import gopl.runtime.pmem.PPtr;

/**
 * Pointers to non-struct values in the persistent heap (docs/persistence.md): {@code pnew(int)},
 * {@code pnew([]byte)} (a {@code *[]byte}), {@code &p.f} of a non-struct field of a persistent
 * struct, and such pointers stored in and loaded from persistent objects. Each class extends the
 * runtime pointer class of its storage type, so {@code *q} and {@code *q = v} compile as for
 * volatile pointers; loads and stores go to the heap (stores through the thread's transaction).
 *
 * <p>Guarantees: two pointers to one persistent location are {@code ==} (heap and offset); a
 * persistent pointer is a {@link PObject} whose handle is the location itself (an interior pointer
 * when it names a field), so it can be stored in persistent memory.
 */
public final class PPtrs {
  private PPtrs() {}

  /** A persistent location: handle of the object plus the field offset. */
  interface PLoc extends PObject {
    PPtr base();

    long fo();

    @Override
    default PPtr pptr() {
      return fo() == 0 ? base() : base().derive(fo());
    }
  }

  static boolean same(PLoc a, Object o) {
    return o instanceof PLoc b && a.base().heap == b.base().heap && a.base().off + a.fo() == b.base().off + b.fo();
  }

  static int hash(PLoc a) {
    return Long.hashCode(a.base().off + a.fo());
  }

  /** A persistent location holding a byte. */
  public static final class PByte extends gopl.runtime.BytePtr implements PLoc {
    final PPtr p;
    final long fo;
    final PKind k;

    PByte(PPtr p, long fo, PKind k) {
      this.p = p;
      this.fo = fo;
      this.k = k;
    }

    @Override
    public byte get() { return (byte) PRt.getByte(p, fo); }

    @Override
    public void set(byte v) { PRt.putByte(p, fo, v); }

    @Override
    public PPtr base() { return p; }

    @Override
    public long fo() { return fo; }

    @Override
    public boolean equals(Object o) { return same(this, o); }

    @Override
    public int hashCode() { return hash(this); }
  }

  /** A persistent location holding a short. */
  public static final class PShort extends gopl.runtime.ShortPtr implements PLoc {
    final PPtr p;
    final long fo;
    final PKind k;

    PShort(PPtr p, long fo, PKind k) {
      this.p = p;
      this.fo = fo;
      this.k = k;
    }

    @Override
    public short get() { return (short) PRt.getShort(p, fo); }

    @Override
    public void set(short v) { PRt.putShort(p, fo, v); }

    @Override
    public PPtr base() { return p; }

    @Override
    public long fo() { return fo; }

    @Override
    public boolean equals(Object o) { return same(this, o); }

    @Override
    public int hashCode() { return hash(this); }
  }

  /** A persistent location holding a int. */
  public static final class PInt extends gopl.runtime.IntPtr implements PLoc {
    final PPtr p;
    final long fo;
    final PKind k;

    PInt(PPtr p, long fo, PKind k) {
      this.p = p;
      this.fo = fo;
      this.k = k;
    }

    @Override
    public int get() { return PRt.getInt(p, fo); }

    @Override
    public void set(int v) { PRt.putInt(p, fo, v); }

    @Override
    public PPtr base() { return p; }

    @Override
    public long fo() { return fo; }

    @Override
    public boolean equals(Object o) { return same(this, o); }

    @Override
    public int hashCode() { return hash(this); }
  }

  /** A persistent location holding a long. */
  public static final class PLong extends gopl.runtime.LongPtr implements PLoc {
    final PPtr p;
    final long fo;
    final PKind k;

    PLong(PPtr p, long fo, PKind k) {
      this.p = p;
      this.fo = fo;
      this.k = k;
    }

    @Override
    public long get() { return PRt.getLong(p, fo); }

    @Override
    public void set(long v) { PRt.putLong(p, fo, v); }

    @Override
    public PPtr base() { return p; }

    @Override
    public long fo() { return fo; }

    @Override
    public boolean equals(Object o) { return same(this, o); }

    @Override
    public int hashCode() { return hash(this); }
  }

  /** A persistent location holding a float. */
  public static final class PFloat extends gopl.runtime.FloatPtr implements PLoc {
    final PPtr p;
    final long fo;
    final PKind k;

    PFloat(PPtr p, long fo, PKind k) {
      this.p = p;
      this.fo = fo;
      this.k = k;
    }

    @Override
    public float get() { return PRt.getFloat(p, fo); }

    @Override
    public void set(float v) { PRt.putFloat(p, fo, v); }

    @Override
    public PPtr base() { return p; }

    @Override
    public long fo() { return fo; }

    @Override
    public boolean equals(Object o) { return same(this, o); }

    @Override
    public int hashCode() { return hash(this); }
  }

  /** A persistent location holding a double. */
  public static final class PDouble extends gopl.runtime.DoublePtr implements PLoc {
    final PPtr p;
    final long fo;
    final PKind k;

    PDouble(PPtr p, long fo, PKind k) {
      this.p = p;
      this.fo = fo;
      this.k = k;
    }

    @Override
    public double get() { return PRt.getDouble(p, fo); }

    @Override
    public void set(double v) { PRt.putDouble(p, fo, v); }

    @Override
    public PPtr base() { return p; }

    @Override
    public long fo() { return fo; }

    @Override
    public boolean equals(Object o) { return same(this, o); }

    @Override
    public int hashCode() { return hash(this); }
  }

  /** A persistent location holding a boolean. */
  public static final class PBool extends gopl.runtime.BoolPtr implements PLoc {
    final PPtr p;
    final long fo;
    final PKind k;

    PBool(PPtr p, long fo, PKind k) {
      this.p = p;
      this.fo = fo;
      this.k = k;
    }

    @Override
    public boolean get() { return PRt.getBool(p, fo); }

    @Override
    public void set(boolean v) { PRt.putBool(p, fo, v); }

    @Override
    public PPtr base() { return p; }

    @Override
    public long fo() { return fo; }

    @Override
    public boolean equals(Object o) { return same(this, o); }

    @Override
    public int hashCode() { return hash(this); }
  }

  /** A persistent location holding a Object. */
  public static final class PObj extends gopl.runtime.ObjectPtr implements PLoc {
    final PPtr p;
    final long fo;
    final PKind k;

    PObj(PPtr p, long fo, PKind k) {
      this.p = p;
      this.fo = fo;
      this.k = k;
    }

    @Override
    public Object get() { return PPtrs.load(p, fo, k); }

    @Override
    public void set(Object v) { PPtrs.store(p, fo, v, k); }

    @Override
    public PPtr base() { return p; }

    @Override
    public long fo() { return fo; }

    @Override
    public boolean equals(Object o) { return same(this, o); }

    @Override
    public int hashCode() { return hash(this); }
  }

  /** The pointer to the value of kind k at p + fo. */
  static Object make(PPtr p, long fo, PKind k) {
    return switch (k.code) {
      case PKind.BYTE -> new PByte(p, fo, k);
      case PKind.SHORT -> new PShort(p, fo, k);
      case PKind.INT -> new PInt(p, fo, k);
      case PKind.LONG -> new PLong(p, fo, k);
      case PKind.FLOAT -> new PFloat(p, fo, k);
      case PKind.DOUBLE -> new PDouble(p, fo, k);
      case PKind.BOOL -> new PBool(p, fo, k);
      case PKind.STRUCT -> k.wrap(fo == 0 ? p : p.derive(fo));
      default -> new PObj(p, fo, k);
    };
  }

  /** pnew(T) for a non-struct T of kind k: a pointer to a zeroed persistent T. */
  public static Object pnew(PKind k) {
    return make(PRt.alloc(k.desc), 0, k);
  }

  /**
   * {@code &o.f} of a field of kind k at offset fo of struct o: a persistent pointer when o is a
   * persistent twin, else the runtime's field pointer (looked up by name).
   */
  public static Object field(Object o, String name, long fo, PKind k) {
    if (o instanceof PObject po) return make(po.pptr(), fo, k);
    return switch (k.code) {
      case PKind.BYTE -> gopl.runtime.BytePtr.field(o, name);
      case PKind.SHORT -> gopl.runtime.ShortPtr.field(o, name);
      case PKind.INT -> gopl.runtime.IntPtr.field(o, name);
      case PKind.LONG -> gopl.runtime.LongPtr.field(o, name);
      case PKind.FLOAT -> gopl.runtime.FloatPtr.field(o, name);
      case PKind.DOUBLE -> gopl.runtime.DoublePtr.field(o, name);
      case PKind.BOOL -> gopl.runtime.BoolPtr.field(o, name);
      default -> gopl.runtime.ObjectPtr.field(o, name);
    };
  }

  /** A pointer field (an offset) of a persistent object whose pointee has kind k (not a struct). */
  public static Object loadPtr(PPtr p, long fo, PKind k) {
    PPtr q = PRt.getPtr(p, fo);
    return q == null ? null : make(q, 0, k);
  }

  /** A value of an Object-storage kind (string, pointer, slice) at p + fo. */
  static Object load(PPtr p, long fo, PKind k) {
    return switch (k.code) {
      case PKind.STRING -> PRt.getString(p, fo);
      case PKind.PTR -> {
        PPtr q = PRt.getPtr(p, fo);
        yield q == null ? null : k.wrap(q);
      }
      case PKind.SLICE -> PSlices.load(p, fo, k.elem);
      case PKind.IFACE -> PIfaces.load(p, fo);
      default -> throw new IllegalStateException("load of " + k);
    };
  }

  static void store(PPtr p, long fo, Object v, PKind k) {
    switch (k.code) {
      case PKind.STRING -> PRt.putString(p, fo, (String) v);
      case PKind.PTR -> PRt.putPtr(p, fo, v);
      case PKind.SLICE -> PSlices.store(p, fo, v, k.elem);
      case PKind.IFACE -> PIfaces.store(p, fo, v);
      default -> throw new IllegalStateException("store of " + k);
    }
  }
}
