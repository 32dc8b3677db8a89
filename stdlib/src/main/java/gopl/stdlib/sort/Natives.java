package gopl.stdlib.sort;

import gopl.runtime.BoolSlice;
import gopl.runtime.Boxed;
import gopl.runtime.ByteSlice;
import gopl.runtime.DoubleSlice;
import gopl.runtime.FloatSlice;
import gopl.runtime.GoPanic;
import gopl.runtime.IntSlice;
import gopl.runtime.LongSlice;
import gopl.runtime.ObjectSlice;
import gopl.runtime.ShortSlice;
import java.util.Arrays;

/**
 * Java intrinsics of package sort (sort/*.gop): reflect.Swapper's job for sort.Slice (length
 * and element swap of any slice held in an interface), and sort.Ints/sort.Strings, whose result
 * does not depend on the algorithm (equal ints or strings are indistinguishable), as JDK sorts
 * (sort.Ints of 4096 to 16M ints: {@link RadixSort}).
 */
public final class Natives {
  private Natives() {}

  private static Object raw(Object x) {
    if (x instanceof Boxed b) return b.raw;
    if (x == null) return null;
    throw new GoPanic("reflect: call of Swapper on " + typeName(x) + " Value");
  }

  private static String typeName(Object x) {
    if (x instanceof Long) return "int";
    if (x instanceof String) return "string";
    if (x instanceof Double) return "float64";
    if (x instanceof Boolean) return "bool";
    return "ptr";
  }

  /** Length of the slice in x (a nil slice has length 0). */
  public static long sliceLen(Object x) {
    Object s = raw(x);
    return switch (s) {
      case null -> 0;
      case LongSlice v -> v.len;
      case IntSlice v -> v.len;
      case ShortSlice v -> v.len;
      case ByteSlice v -> v.len;
      case DoubleSlice v -> v.len;
      case FloatSlice v -> v.len;
      case BoolSlice v -> v.len;
      case ObjectSlice v -> v.len;
      default -> throw new GoPanic("reflect: call of Swapper on non-slice Value");
    };
  }

  /** Swaps elements i and j of the slice in x (indexes already checked by the sort). */
  public static void sliceSwap(Object x, long i, long j) {
    Object s = raw(x);
    switch (s) {
      case LongSlice v -> { long[] a = v.a; int p = v.off + (int) i, q = v.off + (int) j; long t = a[p]; a[p] = a[q]; a[q] = t; }
      case IntSlice v -> { int[] a = v.a; int p = v.off + (int) i, q = v.off + (int) j; int t = a[p]; a[p] = a[q]; a[q] = t; }
      case ShortSlice v -> { short[] a = v.a; int p = v.off + (int) i, q = v.off + (int) j; short t = a[p]; a[p] = a[q]; a[q] = t; }
      case ByteSlice v -> { byte[] a = v.a; int p = v.off + (int) i, q = v.off + (int) j; byte t = a[p]; a[p] = a[q]; a[q] = t; }
      case DoubleSlice v -> { double[] a = v.a; int p = v.off + (int) i, q = v.off + (int) j; double t = a[p]; a[p] = a[q]; a[q] = t; }
      case FloatSlice v -> { float[] a = v.a; int p = v.off + (int) i, q = v.off + (int) j; float t = a[p]; a[p] = a[q]; a[q] = t; }
      case BoolSlice v -> { boolean[] a = v.a; int p = v.off + (int) i, q = v.off + (int) j; boolean t = a[p]; a[p] = a[q]; a[q] = t; }
      case ObjectSlice v -> { Object[] a = v.a; int p = v.off + (int) i, q = v.off + (int) j; Object t = a[p]; a[p] = a[q]; a[q] = t; }
      default -> throw new GoPanic("reflect: call of Swapper on non-slice Value");
    }
  }

  public static void Ints(LongSlice x) {
    if (x == null) return;
    if (x.len >= RadixSort.MIN && x.len <= RadixSort.MAX) RadixSort.sort(x.a, x.off, x.off + x.len);
    else Arrays.sort(x.a, x.off, x.off + x.len);
  }

  /** Go strings compare bytewise; the chars of a GoPL string are its bytes, so String order is Go's. */
  public static void Strings(ObjectSlice x) {
    if (x != null) Arrays.sort(x.a, x.off, x.off + x.len, (p, q) -> ((String) p).compareTo((String) q));
  }
}
