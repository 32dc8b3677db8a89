package gopl.runtime;

/**
 * A Go pointer to a location holding a boolean (see docs/codegen.md "Pointers"): a variable box
 * ({@link BoolRef}), an array or slice element ({@link #elem}), or a struct field (generated
 * subclasses). Pointer equality ({@code ==}) is {@link #equals}: same location.
 */
public abstract class BoolPtr implements Ptr {
  /** Reads the pointee; spec: "If x is nil, an attempt to evaluate *x will cause a run-time panic" (the null receiver throws NPE, mapped to Go's nil dereference). */
  public abstract boolean get();

  /** Writes the pointee. */
  public abstract void set(boolean v);

  @Override
  public Object load() {
    return get();
  }

  /** {@code &a[i]} for a backing array a (index already checked). */
  public static BoolPtr elem(boolean[] a, int i) {
    return new Elem(a, i);
  }

  /** {@code &s.f} for a non-struct field f of the struct object s (null s panics: nil dereference). */
  public static BoolPtr field(Object s, String name) {
    return new Field(java.util.Objects.requireNonNull(s), FieldHandles.get(s.getClass(), name));
  }

  private static final class Field extends BoolPtr {
    private final Object o;
    private final java.lang.invoke.VarHandle h;

    Field(Object o, java.lang.invoke.VarHandle h) {
      this.o = o;
      this.h = h;
    }

    @Override
    public boolean get() {
      return (boolean) h.get(o);
    }

    @Override
    public void set(boolean v) {
      h.set(o, v);
    }

    @Override
    public boolean equals(Object x) {
      return x instanceof Field f && f.o == o && f.h == h;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o) * 31 + System.identityHashCode(h);
    }
  }

  private static final class Elem extends BoolPtr {
    private final boolean[] a;
    private final int i;

    Elem(boolean[] a, int i) {
      this.a = a;
      this.i = i;
    }

    @Override
    public boolean get() {
      return a[i];
    }

    @Override
    public void set(boolean v) {
      a[i] = v;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Elem e && e.a == a && e.i == i;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(a) * 31 + i;
    }
  }
}
