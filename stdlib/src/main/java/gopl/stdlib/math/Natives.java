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

  private static final double LN2U = 0.69314718055966295651160180568695068359375;
  private static final double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
  private static final double LOG2E = 1.4426950408889634073599246810018920;
  private static final double[] TAYLOR = {
    2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3,
    8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0};

  /**
   * Go 1.19's Exp on amd64 with FMA (its assembly, after Shibata's method): k = round(x*log2 e);
   * r = (x - k*ln2) / 16 in two FMA steps; e**r - 1 by a degree-8 Taylor polynomial; four
   * squarings of (1+p) written as p*(p+2); then 2**k. Gives Go's bits on the same machine kind.
   */
  public static double Exp(double x) {
    long bits = Double.doubleToRawLongBits(x);
    if ((bits & ~(1L << 63)) >= 0x7FF0000000000000L) {
      return bits == 0xFFF0000000000000L ? 0 : x;
    }
    if (x > 7.09782712893384e+02) return Double.POSITIVE_INFINITY;
    double t = Math.rint(LOG2E * x);
    // CVTSD2SL: out-of-range conversions give the "integer indefinite" value MinInt32.
    int k = Math.abs(t) <= Integer.MAX_VALUE ? (int) t : Integer.MIN_VALUE;
    double fk = k;
    double r = Math.fma(-LN2U, fk, x);
    r = Math.fma(-LN2L, fk, r);
    r *= 0.0625;
    double p = TAYLOR[0];
    for (int i = 1; i < TAYLOR.length; i++) p = Math.fma(p, r, TAYLOR[i]);
    r = r * p;
    for (int i = 0; i < 3; i++) r = r * (r + 2.0);
    r = Math.fma(r + 2.0, r, 1.0);
    int e = k + 0x3FF;
    if (e <= 0) {
      if (e < -52) return 0;
      r = r * Double.longBitsToDouble((long) (e + 0x3FE) << 52);
      e = 1;
    } else if (e >= 0x7FF) {
      return Double.POSITIVE_INFINITY;
    }
    return r * Double.longBitsToDouble((long) e << 52);
  }
  public static double Expm1(double x) { return StrictMath.expm1(x); }
  /**
   * Go 1.19's Log on amd64 (its assembly, FreeBSD's e_log.c algorithm): x = f1*2**k with f1 in
   * [sqrt(2)/2, sqrt(2)) taken from the raw exponent field (denormals are not renormalised, as in
   * Go's assembly), then log(1+f) by the s = f/(2+f) series, in the same operation order.
   */
  public static double Log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    if ((bits & ~(1L << 63)) == 0) return Double.NEGATIVE_INFINITY;
    if (bits < 0) return Double.longBitsToDouble(0x7FF8000000000001L);
    if (bits >= 0x7FF0000000000000L) return x;
    double f1 = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FE0000000000000L);
    double k = (double) ((int) ((bits >>> 52) & 0x7FF) - 0x3FE);
    if (!(7.07106781186547524401e-01 < f1)) {
      k -= 1;
      f1 *= 2;
    } else {
      f1 *= 1;
    }
    double f = f1 - 1;
    double s = f / (2 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = s2 * (((1.479819860511658591e-01 * s4 + 1.818357216161805012e-01) * s4
        + 2.857142874366239149e-01) * s4 + 6.666666666666735130e-01);
    double t2 = s4 * ((1.531383769920937332e-01 * s4 + 2.222219843214978396e-01) * s4
        + 3.999999999940941908e-01);
    double r = t1 + t2;
    double hfsq = 0.5 * f * f;
    double a = s * (hfsq + r) + k * 1.90821492927058770002e-10;
    return k * 6.93147180369123816490e-01 - ((hfsq - a) - f);
  }
  public static double Log1p(double x) { return StrictMath.log1p(x); }
  private static final double[] SIN = {
    1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
    -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1};
  private static final double[] COS = {
    -1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
    2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2};
  private static final double PI4A = 7.85398125648498535156e-1;
  private static final double PI4B = 3.77489470793079817668e-8;
  private static final double PI4C = 2.69515142907905952645e-15;

  /**
   * Go 1.19's pure-Go Sin/Cos (Cephes): octant j = int(x*4/Pi) rounded up to even, Cody-Waite
   * reduction with Pi/4 in three parts, then the sin or cos polynomial by octant. Arguments at
   * or above 2**29 (where Go uses Payne-Hanek reduction) fall back to StrictMath.
   */
  private static double sinCos(double x, boolean cos) {
    boolean sign = false;
    if (cos) {
      x = Math.abs(x);
    } else if (x < 0) {
      x = -x;
      sign = true;
    }
    long j = (long) (x * (4 / Math.PI));
    double y = (double) j;
    if ((j & 1) == 1) {
      j++;
      y++;
    }
    j &= 7;
    double z = ((x - y * PI4A) - y * PI4B) - y * PI4C;
    if (j > 3) {
      sign = !sign;
      j -= 4;
    }
    if (cos ? j > 1 : false) sign = !sign;
    double zz = z * z;
    boolean useSin = cos ? (j == 1 || j == 2) : (j == 0 || j == 3);
    if (useSin) {
      y = z + z * zz * (((((SIN[0] * zz + SIN[1]) * zz + SIN[2]) * zz + SIN[3]) * zz + SIN[4]) * zz + SIN[5]);
    } else {
      y = 1.0 - 0.5 * zz + zz * zz * (((((COS[0] * zz + COS[1]) * zz + COS[2]) * zz + COS[3]) * zz + COS[4]) * zz + COS[5]);
    }
    return sign ? -y : y;
  }

  public static double Sin(double x) {
    if (x == 0 || Double.isNaN(x)) return x;
    if (Double.isInfinite(x)) return Double.NaN;
    if (Math.abs(x) >= (1 << 29)) return StrictMath.sin(x);
    return sinCos(x, false);
  }

  public static double Cos(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) return Double.NaN;
    if (Math.abs(x) >= (1 << 29)) return StrictMath.cos(x);
    return sinCos(x, true);
  }

  /** Tan for |x| >= 2**29, where Go reduces with Payne-Hanek (not reproduced: fdlibm's). */
  public static double bigTan(double x) { return StrictMath.tan(x); }
  /**
   * Go 1.19's Hypot on amd64 (its assembly): +Inf if either argument is infinite, else NaN if
   * either is NaN, 0 for two zeros, else max * sqrt(1 + (min/max)**2).
   */
  public static double Hypot(double p, double q) {
    p = Math.abs(p);
    q = Math.abs(q);
    if (Double.isInfinite(p) || Double.isInfinite(q)) return Double.POSITIVE_INFINITY;
    if (Double.isNaN(p) || Double.isNaN(q)) return Double.longBitsToDouble(0x7FF8000000000001L);
    if (p == 0 && q == 0) return 0;
    double max = Math.max(p, q);
    double min = Math.min(p, q);
    double r = min / max;
    return max * Math.sqrt(r * r + 1.0);
  }
  public static double FMA(double x, double y, double z) { return Math.fma(x, y, z); }

  public static double Asinh(double x) {
    if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) return x;
    boolean neg = x < 0;
    double a = Math.abs(x);
    double t;
    if (a > 1 << 28) t = Log(a) + 0.693147180559945309417232121458176568;
    else if (a > 2) t = Log(2 * a + 1 / (Math.sqrt(a * a + 1) + a));
    else if (a < 1.0 / (1 << 28)) t = a;
    else t = StrictMath.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
    return neg ? -t : t;
  }

  public static double Acosh(double x) {
    if (x < 1 || Double.isNaN(x)) return Double.NaN;
    if (x == 1) return 0;
    if (x >= 1 << 28) return Log(x) + 0.693147180559945309417232121458176568;
    if (x > 2) return Log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
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
