package gopl.runtime;

/**
 * Go integer semantics that the JVM's instructions do not give directly. Values of 64-bit kinds
 * are {@code long}; values of 32-bit and smaller kinds are {@code int} already truncated to their
 * width (sign-extended for signed kinds, zero-extended for unsigned ones; see docs/codegen.md), so
 * JVM {@code int} arithmetic followed by re-truncation is Go arithmetic.
 *
 * <p>spec: "For unsigned integer values, the operations +, -, *, and << are computed modulo 2^n";
 * "the shift count must be non-negative"; "The shift operators shift the left operand by the shift
 * count": counts at or beyond the width give 0 (or -1 for a negative signed value shifted right).
 */
public final class Ints {
  private Ints() {}

  // ---------------------------------------------------------------- division

  /** Signed 64-bit division; MinInt64 / -1 == MinInt64 as in Go (JVM ldiv agrees). */
  public static long div(long x, long y) {
    if (y == 0) throw Panics.divideByZero();
    return x / y;
  }

  public static long rem(long x, long y) {
    if (y == 0) throw Panics.divideByZero();
    return x % y;
  }

  public static int div(int x, int y) {
    if (y == 0) throw Panics.divideByZero();
    return x / y;
  }

  public static int rem(int x, int y) {
    if (y == 0) throw Panics.divideByZero();
    return x % y;
  }

  /** uint64 (and uint, uintptr) division. */
  public static long divU(long x, long y) {
    if (y == 0) throw Panics.divideByZero();
    return Long.divideUnsigned(x, y);
  }

  public static long remU(long x, long y) {
    if (y == 0) throw Panics.divideByZero();
    return Long.remainderUnsigned(x, y);
  }

  /** uint32 division (operands are zero-extended ints; for uint8/uint16 plain div works too). */
  public static int divU(int x, int y) {
    if (y == 0) throw Panics.divideByZero();
    return Integer.divideUnsigned(x, y);
  }

  public static int remU(int x, int y) {
    if (y == 0) throw Panics.divideByZero();
    return Integer.remainderUnsigned(x, y);
  }

  // ---------------------------------------------------------------- shifts

  /** {@code x << n} for 64-bit x; n is the count as an unsigned 64-bit value or a checked signed one. */
  public static long shl(long x, long n) {
    if (n < 0) throw Panics.negativeShift();
    return n >= 64 ? 0 : x << n;
  }

  /** Arithmetic {@code x >> n} for signed 64-bit x. */
  public static long shr(long x, long n) {
    if (n < 0) throw Panics.negativeShift();
    return x >> (n >= 64 ? 63 : n);
  }

  /** Logical {@code x >> n} for unsigned 64-bit x. */
  public static long shrU(long x, long n) {
    if (n < 0) throw Panics.negativeShift();
    return n >= 64 ? 0 : x >>> n;
  }

  /** Shift counts of unsigned type are never negative: these take the count as unsigned bits. */
  public static long shlUC(long x, long n) {
    return Long.compareUnsigned(n, 64) >= 0 ? 0 : x << n;
  }

  public static long shrUC(long x, long n) {
    return x >> (Long.compareUnsigned(n, 64) >= 0 ? 63 : n);
  }

  public static long shrUUC(long x, long n) {
    return Long.compareUnsigned(n, 64) >= 0 ? 0 : x >>> n;
  }

  /** {@code x << n} for an int-represented value; the caller re-truncates to the kind's width. */
  public static int shl(int x, long n) {
    if (n < 0) throw Panics.negativeShift();
    return n >= 32 ? 0 : x << n;
  }

  /** Arithmetic shift of a sign-extended int (int8/16/32). */
  public static int shr(int x, long n) {
    if (n < 0) throw Panics.negativeShift();
    return x >> (n >= 32 ? 31 : n);
  }

  /** Logical shift of a zero-extended int (uint8/16/32). */
  public static int shrU(int x, long n) {
    if (n < 0) throw Panics.negativeShift();
    return n >= 32 ? 0 : x >>> n;
  }

  public static int shlUC(int x, long n) {
    return Long.compareUnsigned(n, 32) >= 0 ? 0 : x << n;
  }

  public static int shrUC(int x, long n) {
    return x >> (Long.compareUnsigned(n, 32) >= 0 ? 31 : n);
  }

  public static int shrUUC(int x, long n) {
    return Long.compareUnsigned(n, 32) >= 0 ? 0 : x >>> n;
  }

  // ---------------------------------------------------------------- conversions

  /** uint64 -> float64, correctly rounded. */
  public static double u64ToDouble(long x) {
    if (x >= 0) return (double) x;
    // Halve keeping the sticky bit so that rounding happens once.
    double d = (double) ((x >>> 1) | (x & 1));
    return d * 2.0;
  }

  /** uint64 -> float32, correctly rounded. */
  public static float u64ToFloat(long x) {
    if (x >= 0) return (float) x;
    float f = (float) ((x >>> 1) | (x & 1));
    return f * 2.0f;
  }

  /** float64 -> uint64 (Go leaves out-of-range results implementation-defined; this matches amd64 for in-range values). */
  public static long doubleToU64(double d) {
    if (d < 9.223372036854775807E18) return (long) d;
    return ((long) (d - 9.223372036854775807E18)) ^ Long.MIN_VALUE;
  }

  /**
   * float64 -> int64 as amd64 Go computes it (CVTTSD2SQ): NaN and out-of-range give MinInt64,
   * whereas the JVM saturates.
   */
  public static long doubleToI64(double d) {
    if (d >= -9.223372036854775808E18 && d < 9.223372036854775807E18) return (long) d;
    return Long.MIN_VALUE;
  }

  /** uint32 bits (in an int) -> the uint64/int value. */
  public static long u32ToLong(int x) {
    return x & 0xFFFFFFFFL;
  }

  // ---------------------------------------------------------------- comparisons and text

  public static int cmpU(long x, long y) {
    return Long.compareUnsigned(x, y);
  }

  public static int cmpU(int x, int y) {
    return Integer.compareUnsigned(x, y);
  }

  /** Decimal text of a uint64. */
  public static String toStringU(long x) {
    return Long.toUnsignedString(x);
  }
}
