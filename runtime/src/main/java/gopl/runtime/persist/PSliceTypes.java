package gopl.runtime.persist;

import gopl.runtime.pmem.PPtr;

/**
 * The persistent slice classes (docs/persistence.md): each extends the runtime slice class of its
 * storage type and uses the shared mirror of its {@link PBacking} as its backing array, so every
 * reader of a slice (generated code, std natives, fmt) works unchanged; {@code off} is the index
 * of element 0 in the persistent array object.
 */
public final class PSliceTypes {
  private PSliceTypes() {}

  /** A persistent slice of any storage class. */
  public interface PSlice extends PObject {
    PBacking back();

    int offset();

    /** The slice's length and capacity. */
    int length();

    int capacity();

    @Override
    default PPtr pptr() {
      return back().obj.derive((long) offset() * back().kind.size);
    }
  }

  /** A persistent slice whose runtime class is ByteSlice. */
  public static final class PByte extends gopl.runtime.ByteSlice implements PSlice {
    final PBacking back;
    /**
     * The slice-header change count at which the twin field owning this object (its cache,
     * PSlices.loadCached) last saw the field describe it; -1: never. Only that owner reads it.
     */
    public long stamp = -1;

    PByte(PBacking back, int off, int len, int cap) {
      super((byte[]) back.mirror, off, len, cap);
      this.back = back;
    }

    @Override
    public PBacking back() { return back; }

    @Override
    public int offset() { return off; }

    @Override
    public int length() { return len; }

    @Override
    public int capacity() { return cap; }
  }

  /** A persistent slice whose runtime class is ShortSlice. */
  public static final class PShort extends gopl.runtime.ShortSlice implements PSlice {
    final PBacking back;
    /**
     * The slice-header change count at which the twin field owning this object (its cache,
     * PSlices.loadCached) last saw the field describe it; -1: never. Only that owner reads it.
     */
    public long stamp = -1;

    PShort(PBacking back, int off, int len, int cap) {
      super((short[]) back.mirror, off, len, cap);
      this.back = back;
    }

    @Override
    public PBacking back() { return back; }

    @Override
    public int offset() { return off; }

    @Override
    public int length() { return len; }

    @Override
    public int capacity() { return cap; }
  }

  /** A persistent slice whose runtime class is IntSlice. */
  public static final class PInt extends gopl.runtime.IntSlice implements PSlice {
    final PBacking back;
    /**
     * The slice-header change count at which the twin field owning this object (its cache,
     * PSlices.loadCached) last saw the field describe it; -1: never. Only that owner reads it.
     */
    public long stamp = -1;

    PInt(PBacking back, int off, int len, int cap) {
      super((int[]) back.mirror, off, len, cap);
      this.back = back;
    }

    @Override
    public PBacking back() { return back; }

    @Override
    public int offset() { return off; }

    @Override
    public int length() { return len; }

    @Override
    public int capacity() { return cap; }
  }

  /** A persistent slice whose runtime class is LongSlice. */
  public static final class PLong extends gopl.runtime.LongSlice implements PSlice {
    final PBacking back;
    /**
     * The slice-header change count at which the twin field owning this object (its cache,
     * PSlices.loadCached) last saw the field describe it; -1: never. Only that owner reads it.
     */
    public long stamp = -1;

    PLong(PBacking back, int off, int len, int cap) {
      super((long[]) back.mirror, off, len, cap);
      this.back = back;
    }

    @Override
    public PBacking back() { return back; }

    @Override
    public int offset() { return off; }

    @Override
    public int length() { return len; }

    @Override
    public int capacity() { return cap; }
  }

  /** A persistent slice whose runtime class is FloatSlice. */
  public static final class PFloat extends gopl.runtime.FloatSlice implements PSlice {
    final PBacking back;
    /**
     * The slice-header change count at which the twin field owning this object (its cache,
     * PSlices.loadCached) last saw the field describe it; -1: never. Only that owner reads it.
     */
    public long stamp = -1;

    PFloat(PBacking back, int off, int len, int cap) {
      super((float[]) back.mirror, off, len, cap);
      this.back = back;
    }

    @Override
    public PBacking back() { return back; }

    @Override
    public int offset() { return off; }

    @Override
    public int length() { return len; }

    @Override
    public int capacity() { return cap; }
  }

  /** A persistent slice whose runtime class is DoubleSlice. */
  public static final class PDouble extends gopl.runtime.DoubleSlice implements PSlice {
    final PBacking back;
    /**
     * The slice-header change count at which the twin field owning this object (its cache,
     * PSlices.loadCached) last saw the field describe it; -1: never. Only that owner reads it.
     */
    public long stamp = -1;

    PDouble(PBacking back, int off, int len, int cap) {
      super((double[]) back.mirror, off, len, cap);
      this.back = back;
    }

    @Override
    public PBacking back() { return back; }

    @Override
    public int offset() { return off; }

    @Override
    public int length() { return len; }

    @Override
    public int capacity() { return cap; }
  }

  /** A persistent slice whose runtime class is BoolSlice. */
  public static final class PBool extends gopl.runtime.BoolSlice implements PSlice {
    final PBacking back;
    /**
     * The slice-header change count at which the twin field owning this object (its cache,
     * PSlices.loadCached) last saw the field describe it; -1: never. Only that owner reads it.
     */
    public long stamp = -1;

    PBool(PBacking back, int off, int len, int cap) {
      super((boolean[]) back.mirror, off, len, cap);
      this.back = back;
    }

    @Override
    public PBacking back() { return back; }

    @Override
    public int offset() { return off; }

    @Override
    public int length() { return len; }

    @Override
    public int capacity() { return cap; }
  }

  /** A persistent slice whose runtime class is ObjectSlice (strings, pointers, structs). */
  public static final class PObj extends gopl.runtime.ObjectSlice implements PSlice {
    final PBacking back;
    /**
     * The slice-header change count at which the twin field owning this object (its cache,
     * PSlices.loadCached) last saw the field describe it; -1: never. Only that owner reads it.
     */
    public long stamp = -1;

    PObj(PBacking back, int off, int len, int cap) {
      super((Object[]) back.mirror, off, len, cap);
      this.back = back;
    }

    @Override
    public PBacking back() { return back; }

    @Override
    public int offset() { return off; }

    @Override
    public int length() { return len; }

    @Override
    public int capacity() { return cap; }
  }

  /** A persistent slice over back's elements [off, off+cap) with length len, of back's storage class. */
  /** Sets the {@code stamp} of persistent slice s (any class). */
  static void stamp(Object s, long v) {
    switch (s) {
      case PByte x -> x.stamp = v;
      case PShort x -> x.stamp = v;
      case PInt x -> x.stamp = v;
      case PLong x -> x.stamp = v;
      case PFloat x -> x.stamp = v;
      case PDouble x -> x.stamp = v;
      case PBool x -> x.stamp = v;
      case PObj x -> x.stamp = v;
      default -> throw new IllegalArgumentException(String.valueOf(s));
    }
  }

  static Object make(PBacking back, int off, int len, int cap) {
    return switch (back.kind.code) {
      case PKind.BYTE -> new PByte(back, off, len, cap);
      case PKind.SHORT -> new PShort(back, off, len, cap);
      case PKind.INT -> new PInt(back, off, len, cap);
      case PKind.LONG -> new PLong(back, off, len, cap);
      case PKind.FLOAT -> new PFloat(back, off, len, cap);
      case PKind.DOUBLE -> new PDouble(back, off, len, cap);
      case PKind.BOOL -> new PBool(back, off, len, cap);
      default -> new PObj(back, off, len, cap);
    };
  }
}
