package gopl.stdlib.math;

/**
 * Java intrinsics of package math (math/*.gop). Sqrt, Floor, Ceil, Mod, Remainder, Ldexp, FMA,
 * Pow10 and the bit conversions are exact and so equal Go's results; the transcendental
 * functions use java.lang.StrictMath (fdlibm), which is within one ulp of Go's and handles the
 * special cases (±0, ±Inf, NaN) as Go documents them.
 */
public final class Natives {
  private Natives() {}

  public static long Float64bits(double f) {
    return Double.doubleToRawLongBits(f);
  }

  public static double Float64frombits(long b) {
    return Double.longBitsToDouble(b);
  }

  public static int Float32bits(float f) {
    return Float.floatToRawIntBits(f);
  }

  public static float Float32frombits(int b) {
    return Float.intBitsToFloat(b);
  }

  /** Go's tables: exact powers 1e0..1e31 and 1e0, 1e32, ..., 1e288; Pow10 multiplies one of each. */
  private static final double[] POW10 = new double[32];
  private static final double[] POW10_32 = new double[10];

  static {
    for (int i = 0; i < 32; i++) POW10[i] = Double.parseDouble("1e" + i);
    for (int i = 0; i < 10; i++) POW10_32[i] = Double.parseDouble("1e" + (32 * i));
  }

  public static double Pow10(long n) {
    if (0 <= n && n <= 308) return POW10_32[(int) n / 32] * POW10[(int) n % 32];
    if (-323 <= n && n <= 0) return 1 / (POW10_32[(int) -n / 32] * POW10[(int) -n % 32]);
    return n > 0 ? Double.POSITIVE_INFINITY : 0;
  }

  public static double Ldexp(double frac, long exp) {
    if (frac == 0 || Double.isNaN(frac) || Double.isInfinite(frac)) return frac;
    int e = (int) Math.max(-2200, Math.min(2200, exp));
    return Math.scalb(frac, e);
  }

  public static double Sqrt(double x) { return Math.sqrt(x); }
  public static double Floor(double x) { return Math.floor(x); }
  public static double Ceil(double x) { return Math.ceil(x); }

  /** Go: Mod(±Inf, y) = NaN, Mod(NaN, y) = NaN, Mod(x, 0) = NaN, Mod(x, ±Inf) = x; fmod. */
  public static double Mod(double x, double y) { return x % y; }

  public static double Remainder(double x, double y) { return Math.IEEEremainder(x, y); }

  /** Go's Pow special cases differ from Java's for Pow(-1, ±Inf) = 1 and Pow(1, NaN) = 1. */
  public static double Pow(double x, double y) {
    if (x == -1 && Double.isInfinite(y)) return 1;
    if (x == 1) return 1;
    return StrictMath.pow(x, y);
  }

  public static double Exp(double x) { return StrictMath.exp(x); }
  public static double Exp2(double x) { return StrictMath.pow(2, x); }
  public static double Expm1(double x) { return StrictMath.expm1(x); }
  public static double Log(double x) { return StrictMath.log(x); }
  public static double Log1p(double x) { return StrictMath.log1p(x); }
  public static double Sin(double x) { return StrictMath.sin(x); }
  public static double Cos(double x) { return StrictMath.cos(x); }
  public static double Tan(double x) { return StrictMath.tan(x); }
  public static double Asin(double x) { return StrictMath.asin(x); }
  public static double Acos(double x) { return StrictMath.acos(x); }
  public static double Atan(double x) { return StrictMath.atan(x); }
  public static double Atan2(double y, double x) { return StrictMath.atan2(y, x); }
  public static double Sinh(double x) { return StrictMath.sinh(x); }
  public static double Cosh(double x) { return StrictMath.cosh(x); }
  public static double Tanh(double x) { return StrictMath.tanh(x); }
  public static double Cbrt(double x) { return StrictMath.cbrt(x); }
  public static double Hypot(double p, double q) { return StrictMath.hypot(p, q); }
  public static double FMA(double x, double y, double z) { return Math.fma(x, y, z); }

  public static double Asinh(double x) {
    if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) return x;
    boolean neg = x < 0;
    double a = Math.abs(x);
    double t;
    if (a > 1 << 28) t = StrictMath.log(a) + 0.693147180559945309417232121458176568;
    else if (a > 2) t = StrictMath.log(2 * a + 1 / (Math.sqrt(a * a + 1) + a));
    else if (a < 1.0 / (1 << 28)) t = a;
    else t = StrictMath.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
    return neg ? -t : t;
  }

  public static double Acosh(double x) {
    if (x < 1 || Double.isNaN(x)) return Double.NaN;
    if (x == 1) return 0;
    if (x >= 1 << 28) return StrictMath.log(x) + 0.693147180559945309417232121458176568;
    if (x > 2) return StrictMath.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
    double t = x - 1;
    return StrictMath.log1p(t + Math.sqrt(2 * t + t * t));
  }

  public static double Atanh(double x) {
    if (x < -1 || x > 1 || Double.isNaN(x)) return Double.NaN;
    if (x == 1) return Double.POSITIVE_INFINITY;
    if (x == -1) return Double.NEGATIVE_INFINITY;
    boolean neg = x < 0;
    double a = Math.abs(x);
    double t;
    if (a < 1.0 / (1 << 28)) t = a;
    else if (a < 0.5) {
      t = a + a;
      t = 0.5 * StrictMath.log1p(t + t * a / (1 - a));
    } else t = 0.5 * StrictMath.log1p((a + a) / (1 - a));
    return neg ? -t : t;
  }
}
