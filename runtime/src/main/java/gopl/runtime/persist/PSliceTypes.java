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
