package gopl.runtime;

/**
 * Raisers of Go's run-time panics, one method per check the generated code makes, each producing
 * Go 1.19's exact message (runtime/error.go's boundsError formats). Every method throws; the
 * return type lets call sites write {@code throw Panics.x(...)} so the verifier sees the end of
 * the path.
 */
public final class Panics {
  private Panics() {}

  /** {@code panic(v)}. */
  public static GoPanic panic(Object v) {
    throw new GoPanic(v);
  }

  /** spec: "If the divisor is zero at run time, a run-time panic occurs." */
  public static GoPanic divideByZero() {
    throw new GoPanic(RuntimeError.DIVIDE);
  }

  /** A nil pointer dereference (also a method call through a nil pointer). */
  public static GoPanic nilDeref() {
    throw new GoPanic(RuntimeError.NIL_DEREF);
  }

  /** spec: "A nil map behaves like an empty map except that attempting to add elements ... panics". */
  public static GoPanic nilMapWrite() {
    throw new GoPanic(RuntimeError.NIL_MAP_WRITE);
  }

  /**
   * {@code x[i]} with i outside [0, len). As Go's boundsError, a negative index or bound is
   * reported without the length/capacity ("index out of range [-1]").
   */
  public static GoPanic index(long i, int len) {
    throw new GoPanic(RuntimeError.bounds("index out of range [" + i + "]" + (i < 0 ? "" : " with length " + len)));
  }

  /** {@code s[:high]} with high > cap (slices) or > len (strings, arrays use len as cap). */
  public static GoPanic sliceHighCap(long high, int cap) {
    throw new GoPanic(RuntimeError.bounds("slice bounds out of range [:" + high + "]" + (high < 0 ? "" : " with capacity " + cap)));
  }

  /** {@code s[:high]} on a string with high > len. */
  public static GoPanic sliceHighLen(long high, int len) {
    throw new GoPanic(RuntimeError.bounds("slice bounds out of range [:" + high + "]" + (high < 0 ? "" : " with length " + len)));
  }

  /** {@code s[low:high]} with low > high. */
  public static GoPanic sliceLowHigh(long low, long high) {
    throw new GoPanic(RuntimeError.bounds("slice bounds out of range [" + low + ":" + high + "]"));
  }

  /** {@code s[::max]} with max > cap. */
  public static GoPanic slice3MaxCap(long max, int cap) {
    throw new GoPanic(RuntimeError.bounds("slice bounds out of range [::" + max + "]" + (max < 0 ? "" : " with capacity " + cap)));
  }

  /** {@code s[:high:max]} with high > max. */
  public static GoPanic slice3HighMax(long high, long max) {
    throw new GoPanic(RuntimeError.bounds("slice bounds out of range [:" + high + ":" + max + "]"));
  }

  /** {@code s[low:high:]} with low > high. */
  public static GoPanic slice3LowHigh(long low, long high) {
    throw new GoPanic(RuntimeError.bounds("slice bounds out of range [" + low + ":" + high + ":]"));
  }

  /** A shift by a negative count. */
  public static GoPanic negativeShift() {
    throw new GoPanic(RuntimeError.plain("negative shift amount"));
  }

  /** {@code make([]T, n)} with n < 0 or too large. */
  public static GoPanic makeSliceLen() {
    throw new GoPanic(RuntimeError.plain("makeslice: len out of range"));
  }

  /** {@code make([]T, n, c)} with c < n or too large. */
  public static GoPanic makeSliceCap() {
    throw new GoPanic(RuntimeError.plain("makeslice: cap out of range"));
  }

  /** Converting a slice to an array pointer of greater length. */
  public static GoPanic sliceToArray(int len, long arrayLen) {
    throw new GoPanic(
        RuntimeError.bounds("cannot convert slice with length " + len + " to pointer to array with length " + arrayLen));
  }

  /** A failed single-result type assertion {@code x.(T)}; {@code actual} is null for a nil interface. */
  public static GoPanic typeAssert(String ifaceType, String actual, String wanted) {
    String msg = actual == null
        ? "interface conversion: " + ifaceType + " is nil, not " + wanted
        : "interface conversion: " + ifaceType + " is " + actual + ", not " + wanted;
    throw new GoPanic(RuntimeError.typeAssertion(msg));
  }

  /** A failed assertion to an interface type whose method the dynamic type lacks. */
  public static GoPanic typeAssertMissing(String actual, String wanted, String method) {
    throw new GoPanic(
        RuntimeError.typeAssertion("interface conversion: " + actual + " is not " + wanted + ": missing method " + method));
  }
}
