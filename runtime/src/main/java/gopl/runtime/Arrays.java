package gopl.runtime;

/**
 * Go arrays as JVM arrays: value semantics by copying (spec: "An array ... is a value"); an array
 * of structs or arrays is an Object[] whose elements are copied one by one through their {@link
 * Elem}.
 */
public final class Arrays {
  private Arrays() {}

  /** A copy of array a; elem describes an Object[]'s elements (null for primitive arrays). */
  public static Object copyDeep(Object a, Elem elem) {
    return switch (a) {
      case long[] x -> x.clone();
      case int[] x -> x.clone();
      case short[] x -> x.clone();
      case byte[] x -> x.clone();
      case double[] x -> x.clone();
      case float[] x -> x.clone();
      case boolean[] x -> x.clone();
      case Object[] x -> {
        Object[] c = x.clone();
        if (elem != null && elem.isValueType()) for (int i = 0; i < c.length; i++) c[i] = elem.copy(x[i]);
        yield c;
      }
      default -> throw new IllegalArgumentException(String.valueOf(a));
    };
  }

  /** Copies src into dst (same length): array assignment into an existing variable. */
  public static void assign(Object dst, Object src, Elem elem) {
    if (dst instanceof Object[] d && elem != null && elem.isValueType()) {
      Object[] s = (Object[]) src;
      for (int i = 0; i < d.length; i++) d[i] = elem.copy(s[i]);
      return;
    }
    System.arraycopy(src, 0, dst, 0, java.lang.reflect.Array.getLength(src));
  }

  /** {@code a[i]} bounds check for arrays (constant indexes are checked at compile time). */
  public static int index(long i, int len) {
    if (i < 0 || i >= len) throw Panics.index(i, len);
    return (int) i;
  }

  /** Index check for slices: returns the int index. */
  public static int check(long i, int len) {
    if (i < 0 || i >= len) throw Panics.index(i, len);
    return (int) i;
  }

  /**
   * Go's bounds check of {@code s[i]} for a slice whose backing array is exactly its length (a
   * local every assignment of which is {@code make([]T, n)}: docs/codegen.md), returning i as the
   * array position. {@link java.util.Objects#checkIndex(long, long)} is a JIT intrinsic that the
   * array access's own check merges with, so the hot path costs about one check instead of two;
   * Go's message ("index out of range [i] with length n", the full int64 i) is made on the failure
   * path. Measured on fannkuch 11 (CPU s, quiet machine): Go's usual check 3.9, this 3.2; the int
   * form (a long-to-int test, then checkIndex(int, int)) 3.7, an unsigned compare 3.5.
   */
  public static int checkMade(long i, int len) {
    try {
      return (int) java.util.Objects.checkIndex(i, (long) len);
    } catch (IndexOutOfBoundsException e) {
      throw Panics.index(i, len);
    }
  }

}
