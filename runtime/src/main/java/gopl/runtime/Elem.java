package gopl.runtime;


/**
 * What the slice, array and map layers need to know about an element type held in an {@code
 * Object[]}: its Go size in bytes (for {@link Growth}), its zero value, and how to copy a value of
 * it (structs and arrays are values: storing one stores a copy).
 *
 * <p>Guarantees: {@link #zero()} returns a fresh object for value types (so that each slot can be
 * updated in place) and a shared immutable one otherwise; {@link #copy(Object)} returns its
 * argument for reference-like kinds.
 */
public abstract class Elem {
  /** Go's size of the element type in bytes (unsafe.Sizeof on amd64). */
  public final int size;

  protected Elem(int size) {
    this.size = size;
  }

  /** The zero value of the element type. */
  public abstract Object zero();

  /** A copy of v as Go's assignment makes it. */
  public Object copy(Object v) {
    return v;
  }

  /** True for structs and arrays, whose stores copy. */
  public boolean isValueType() {
    return false;
  }

  /** True when slots need filling with {@link #zero()} (the zero value is not Java null). */
  public boolean needsFill() {
    return true;
  }

  /** Pointers, maps, chans, funcs, slices (24 bytes) and interfaces (16): nil is Java null. */
  public static Elem nil(int size) {
    return new Elem(size) {
      @Override
      public Object zero() {
        return null;
      }

      @Override
      public boolean needsFill() {
        return false;
      }
    };
  }

  /** Pointer-sized nil-able elements (pointers, maps, chans, funcs). */
  public static final Elem POINTER = nil(8);

  /** Slice elements. */
  public static final Elem SLICE = nil(24);

  /** Interface elements. */
  public static final Elem IFACE = nil(16);

  /** String elements: zero is "". */
  public static final Elem STRING =
      new Elem(16) {
        @Override
        public Object zero() {
          return "";
        }
      };

  /** Struct elements: zero values are copies of a zero prototype; stores copy. */
  public static Elem struct(int size, GoStruct zeroPrototype) {
    // anonymous classes, not lambdas: every struct type's class initialiser calls this
    return new Elem(size) {
      @Override
      public Object zero() {
        return zeroPrototype.copy();
      }

      @Override
      public Object copy(Object v) {
        return ((GoStruct) v).copy();
      }

      @Override
      public boolean isValueType() {
        return true;
      }
    };
  }

  /** Elements of a runtime-implemented type (sync.Mutex, ...): zero value {@code new C()}, no copying. */
  public static Elem ofClass(int size, Class<?> c) {
    java.lang.invoke.MethodHandle ctor;
    try {
      ctor = java.lang.invoke.MethodHandles.publicLookup().findConstructor(c, java.lang.invoke.MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return new Elem(size) {
      @Override
      public Object zero() {
        try {
          return ctor.invoke();
        } catch (Throwable t) {
          throw new IllegalStateException(t);
        }
      }
    };
  }

  /** Array elements: zero values are deep copies of a zero prototype array. */
  public static Elem array(int size, Object zeroPrototype, Elem inner) {
    return new Elem(size) {
      @Override
      public Object zero() {
        return Arrays.copyDeep(zeroPrototype, inner);
      }

      @Override
      public Object copy(Object v) {
        return Arrays.copyDeep(v, inner);
      }

      @Override
      public boolean isValueType() {
        return true;
      }
    };
  }

  /** Fills a[from:to) with zero values. */
  public void fill(Object[] a, int from, int to) {
    if (!needsFill()) return;
    for (int i = from; i < to; i++) a[i] = zero();
  }

  /** A new array of n zero values. */
  public Object[] newArray(int n) {
    Object[] a = new Object[n];
    fill(a, 0, n);
    return a;
  }
}
