package gopl.runtime.persist;

import gopl.runtime.BoolSlice;
import gopl.runtime.ByteSlice;
import gopl.runtime.DoubleSlice;
import gopl.runtime.FloatSlice;
import gopl.runtime.IntSlice;
import gopl.runtime.LongSlice;
import gopl.runtime.ObjectSlice;
import gopl.runtime.Panics;
import gopl.runtime.ShortSlice;
import gopl.runtime.pmem.PPtr;

/**
 * {@code &s[i]} for slice types that can reach persistent memory (docs/persistence.md): for a
 * persistent slice, a pointer whose loads read the shared mirror and whose stores write the mirror
 * and the heap (through the thread's transaction), and which can itself be stored in persistent
 * memory or passed to {@code runtime.FlushRange}; for a volatile slice, the runtime's element
 * pointer. Struct elements never come here (their address is the element's twin).
 */
public final class PElems {
  private PElems() {}

  private static int len(Object s) {
    return s == null ? 0 : PSlices.lenOf(s);
  }

  /** The pointer to element i of slice s (bounds checked as s[i]). */
  public static Object elem(Object s, long i) {
    int n = len(s);
    if (i < 0 || i >= n) throw Panics.index(i, n);
    int k = (int) i;
    if (s instanceof PSliceTypes.PSlice ps) return at(ps.back(), ps.offset() + k);
    return switch (s) {
      case ByteSlice x -> gopl.runtime.BytePtr.elem(x.a, x.off + k);
      case ShortSlice x -> gopl.runtime.ShortPtr.elem(x.a, x.off + k);
      case IntSlice x -> gopl.runtime.IntPtr.elem(x.a, x.off + k);
      case LongSlice x -> gopl.runtime.LongPtr.elem(x.a, x.off + k);
      case FloatSlice x -> gopl.runtime.FloatPtr.elem(x.a, x.off + k);
      case DoubleSlice x -> gopl.runtime.DoublePtr.elem(x.a, x.off + k);
      case BoolSlice x -> gopl.runtime.BoolPtr.elem(x.a, x.off + k);
      case ObjectSlice x -> gopl.runtime.ObjectPtr.elem(x.a, x.off + k);
      default -> throw new IllegalStateException("not a slice: " + s.getClass());
    };
  }

  /** The pointer to element at of persistent array b (reads the mirror, writes mirror and heap). */
  static Object at(PBacking b, int at) {
    return switch (b.kind.code) {
      case PKind.BYTE -> new PByte(b, at);
      case PKind.SHORT -> new PShort(b, at);
      case PKind.INT -> new PInt(b, at);
      case PKind.LONG -> new PLong(b, at);
      case PKind.FLOAT -> new PFloat(b, at);
      case PKind.DOUBLE -> new PDouble(b, at);
      case PKind.BOOL -> new PBool(b, at);
      default -> new PObj(b, at);
    };
  }

  /** An element location of a persistent array. */
  interface PElem extends PPtrs.PLoc {
    PBacking back();

    int at();

    @Override
    default PPtr base() {
      return back().obj;
    }

    @Override
    default long fo() {
      return (long) at() * back().kind.size;
    }
  }

  static final class PByte extends gopl.runtime.BytePtr implements PElem {
    final PBacking b;
    final int at;

    PByte(PBacking b, int at) {
      this.b = b;
      this.at = at;
    }

    @Override
    public byte get() { return ((byte[]) b.mirror)[at]; }

    @Override
    public void set(byte v) {
      ((byte[]) b.mirror)[at] = v;
      b.wrote(at, 1);
    }

    @Override
    public PBacking back() { return b; }

    @Override
    public int at() { return at; }

    @Override
    public boolean equals(Object o) { return PPtrs.same(this, o); }

    @Override
    public int hashCode() { return PPtrs.hash(this); }
  }

  static final class PShort extends gopl.runtime.ShortPtr implements PElem {
    final PBacking b;
    final int at;

    PShort(PBacking b, int at) {
      this.b = b;
      this.at = at;
    }

    @Override
    public short get() { return ((short[]) b.mirror)[at]; }

    @Override
    public void set(short v) {
      ((short[]) b.mirror)[at] = v;
      b.wrote(at, 1);
    }

    @Override
    public PBacking back() { return b; }

    @Override
    public int at() { return at; }

    @Override
    public boolean equals(Object o) { return PPtrs.same(this, o); }

    @Override
    public int hashCode() { return PPtrs.hash(this); }
  }

  static final class PInt extends gopl.runtime.IntPtr implements PElem {
    final PBacking b;
    final int at;

    PInt(PBacking b, int at) {
      this.b = b;
      this.at = at;
    }

    @Override
    public int get() { return ((int[]) b.mirror)[at]; }

    @Override
    public void set(int v) {
      ((int[]) b.mirror)[at] = v;
      b.wrote(at, 1);
    }

    @Override
    public PBacking back() { return b; }

    @Override
    public int at() { return at; }

    @Override
    public boolean equals(Object o) { return PPtrs.same(this, o); }

    @Override
    public int hashCode() { return PPtrs.hash(this); }
  }

  static final class PLong extends gopl.runtime.LongPtr implements PElem {
    final PBacking b;
    final int at;

    PLong(PBacking b, int at) {
      this.b = b;
      this.at = at;
    }

    @Override
    public long get() { return ((long[]) b.mirror)[at]; }

    @Override
    public void set(long v) {
      ((long[]) b.mirror)[at] = v;
      b.wrote(at, 1);
    }

    @Override
    public PBacking back() { return b; }

    @Override
    public int at() { return at; }

    @Override
    public boolean equals(Object o) { return PPtrs.same(this, o); }

    @Override
    public int hashCode() { return PPtrs.hash(this); }
  }

  static final class PFloat extends gopl.runtime.FloatPtr implements PElem {
    final PBacking b;
    final int at;

    PFloat(PBacking b, int at) {
      this.b = b;
      this.at = at;
    }

    @Override
    public float get() { return ((float[]) b.mirror)[at]; }

    @Override
    public void set(float v) {
      ((float[]) b.mirror)[at] = v;
      b.wrote(at, 1);
    }

    @Override
    public PBacking back() { return b; }

    @Override
    public int at() { return at; }

    @Override
    public boolean equals(Object o) { return PPtrs.same(this, o); }

    @Override
    public int hashCode() { return PPtrs.hash(this); }
  }

  static final class PDouble extends gopl.runtime.DoublePtr implements PElem {
    final PBacking b;
    final int at;

    PDouble(PBacking b, int at) {
      this.b = b;
      this.at = at;
    }

    @Override
    public double get() { return ((double[]) b.mirror)[at]; }

    @Override
    public void set(double v) {
      ((double[]) b.mirror)[at] = v;
      b.wrote(at, 1);
    }

    @Override
    public PBacking back() { return b; }

    @Override
    public int at() { return at; }

    @Override
    public boolean equals(Object o) { return PPtrs.same(this, o); }

    @Override
    public int hashCode() { return PPtrs.hash(this); }
  }

  static final class PBool extends gopl.runtime.BoolPtr implements PElem {
    final PBacking b;
    final int at;

    PBool(PBacking b, int at) {
      this.b = b;
      this.at = at;
    }

    @Override
    public boolean get() { return ((boolean[]) b.mirror)[at]; }

    @Override
    public void set(boolean v) {
      ((boolean[]) b.mirror)[at] = v;
      b.wrote(at, 1);
    }

    @Override
    public PBacking back() { return b; }

    @Override
    public int at() { return at; }

    @Override
    public boolean equals(Object o) { return PPtrs.same(this, o); }

    @Override
    public int hashCode() { return PPtrs.hash(this); }
  }

  static final class PObj extends gopl.runtime.ObjectPtr implements PElem {
    final PBacking b;
    final int at;

    PObj(PBacking b, int at) {
      this.b = b;
      this.at = at;
    }

    @Override
    public Object get() { return ((Object[]) b.mirror)[at]; }

    @Override
    public void set(Object v) {
      ((Object[]) b.mirror)[at] = v;
      b.wrote(at, 1);
    }

    @Override
    public PBacking back() { return b; }

    @Override
    public int at() { return at; }

    @Override
    public boolean equals(Object o) { return PPtrs.same(this, o); }

    @Override
    public int hashCode() { return PPtrs.hash(this); }
  }
}
