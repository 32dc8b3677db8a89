package gopl.stdlib.math.rand;

/**
 * Regenerates Go's rngCooked table: the state of the additive lagged Fibonacci generator
 * (lags 607 and 273, arithmetic mod 2^64) seeded by gen_cooked's srand(1), after 7.8e12 steps.
 *
 * <p>Running the generator that long is out of the question, so the state is jumped ahead:
 * with the generator's outputs numbered y_0, y_1, ... (the initial register holding
 * y_i at position (333 - i) mod 607), y_n = y_{n-607} + y_{n-273}, so y_n = sum c_i y_i where
 * sum c_i x^i = x^n mod (x^607 - x^334 - 1) over Z/2^64. After N steps the register holds
 * y_N .. y_{N+606}, y_k at position (333 - k) mod 607.
 */
final class Cooked {
  private Cooked() {}

  static final int LEN = 607;
  static final int TAP = 273;
  private static final long STEPS = 7_800_000_000_000L;

  private static int seedrand(int x) {
    final int a = 48271, q = 44488, r = 3399, m = Integer.MAX_VALUE;
    int hi = x / q;
    int lo = x % q;
    x = a * lo - r * hi;
    if (x < 0) x += m;
    return x;
  }

  /** gen_cooked's srand(1): the register before the 7.8e12 steps. */
  private static long[] initial() {
    long[] vec = new long[LEN];
    int x = 1;
    for (int i = -20; i < LEN; i++) {
      x = seedrand(x);
      if (i >= 0) {
        long u = (long) x << 20;
        x = seedrand(x);
        u ^= (long) x << 10;
        x = seedrand(x);
        u ^= x;
        vec[i] = u;
      }
    }
    return vec;
  }

  /** a*b mod (x^607 - x^334 - 1); coefficients mod 2^64. */
  private static long[] mulMod(long[] a, long[] b) {
    long[] p = new long[2 * LEN - 1];
    for (int i = 0; i < LEN; i++) {
      long ai = a[i];
      if (ai == 0) continue;
      for (int j = 0; j < LEN; j++) p[i + j] += ai * b[j];
    }
    return reduce(p);
  }

  /** Folds x^k (k >= 607) into x^(k-607+334) + x^(k-607), highest first. */
  private static long[] reduce(long[] p) {
    for (int k = p.length - 1; k >= LEN; k--) {
      long c = p[k];
      if (c == 0) continue;
      p[k] = 0;
      p[k - LEN + (LEN - TAP)] += c;
      p[k - LEN] += c;
    }
    long[] r = new long[LEN];
    System.arraycopy(p, 0, r, 0, LEN);
    return r;
  }

  /** x * a mod Q. */
  private static long[] timesX(long[] a) {
    long[] p = new long[LEN + 1];
    System.arraycopy(a, 0, p, 1, LEN);
    return reduce(p);
  }

  static long[] compute() {
    long[] vec = initial();
    long[] y = new long[LEN];
    for (int i = 0; i < LEN; i++) y[i] = vec[Math.floorMod(333 - i, LEN)];
    long[] result = new long[LEN];
    long[] base = new long[LEN];
    base[1] = 1;
    long[] pow = new long[LEN];
    pow[0] = 1;
    for (long n = STEPS; n != 0; n >>>= 1) {
      if ((n & 1) != 0) pow = mulMod(pow, base);
      if (n > 1) base = mulMod(base, base);
    }
    for (int j = 0; j < LEN; j++) {
      long v = 0;
      for (int i = 0; i < LEN; i++) v += pow[i] * y[i];
      long k = STEPS + j;
      result[(int) Math.floorMod(333 - k, (long) LEN)] = v;
      pow = timesX(pow);
    }
    return result;
  }
}
