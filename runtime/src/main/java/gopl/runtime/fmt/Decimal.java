package gopl.runtime.fmt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A non-negative decimal number {@code 0.d1d2...dn × 10^dp} with no trailing zeros in
 * {@code digits} (zero is {@code digits = "", dp = 0}), and the two digit-generation steps of
 * Go's float formatting: the exact expansion of a binary float, the shortest digits that read
 * back as the same float, and rounding to a number of digits with ties to even.
 *
 * <p>The shortest digits are defined mathematically, as Go's strconv produces them: the fewest
 * significant digits n such that some n-digit decimal rounds (round-half-even, as a parser
 * reads it) back to the float; among the at most two such n-digit decimals (the float truncated
 * and rounded up at n digits), the one closer to the float, ties to the even last digit.
 */
record Decimal(String digits, int dp) {
    static final Decimal ZERO = new Decimal("", 0);

    int nd() {
        return digits.length();
    }

    char digit(int i) {
        return digits.charAt(i);
    }

    /** The exact decimal value of a finite non-negative double. */
    static Decimal exact(double abs) {
        return abs == 0 ? ZERO : of(new BigDecimal(abs));
    }

    /** The value of a non-negative BigDecimal. */
    static Decimal of(BigDecimal bd) {
        if (bd.signum() == 0) {
            return ZERO;
        }
        String u = bd.unscaledValue().toString();
        return trimmed(u, u.length() - bd.scale());
    }

    /**
     * {@code exact(abs).round(nd)} for nd = {@code digits} significant digits, computed without
     * expanding every digit of the float first (same result: BigDecimal rounds the exact value
     * half-to-even).
     */
    static Decimal roundedSignificant(double abs, int digits) {
        return abs == 0 ? ZERO : of(new BigDecimal(abs).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
    }

    /** {@code exact(abs)} rounded half-to-even to {@code prec} digits after the decimal point. */
    static Decimal roundedFixed(double abs, int prec) {
        if (abs == 0) {
            return ZERO;
        }
        if (prec <= SMALL_PREC) {
            Decimal d = roundedFixedSmall(abs, prec);
            if (d != null) {
                return d;
            }
        }
        return of(new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN));
    }

    private static final long[] POW5 = {1, 5, 25, 125, 625};

    /** The largest precision {@link #scaledSmall} handles. */
    static final int SMALL_PREC = POW5.length - 1;

    /**
     * |v| * 10^prec rounded half to even, exactly, for prec <= {@link #SMALL_PREC}; -1 when |v|
     * is too large (|v| * 10^prec >= 2^53). With |v| = m * 2^e, |v| * 10^prec = (m * 5^prec) /
     * 2^k where k = -(e + prec); m * 5^prec < 2^63 for prec <= 4, so the quotient rounded
     * half-to-even is the decimal rounding strconv does. The sign of v is ignored.
     */
    static long scaledSmall(double v, int prec) {
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long m = bits & ((1L << 52) - 1);
        if (biased == 0) {
            biased = 1; // subnormal
        } else {
            m |= 1L << 52;
        }
        int k = -(biased - 1075 + prec);
        if (k <= 0) {
            return -1;
        }
        if (k >= 64) {
            return 0; // m * 5^prec < 2^63 <= 2^(k-1): below one half
        }
        long x = m * POW5[prec];
        long q = x >>> k;
        long rem = x & ((1L << k) - 1);
        long half = 1L << (k - 1);
        return rem > half || (rem == half && (q & 1) == 1) ? q + 1 : q;
    }

    /** Exact fixed rounding for small precisions; null when abs is too large for it. */
    private static Decimal roundedFixedSmall(double abs, int prec) {
        long n = scaledSmall(abs, prec);
        if (n < 0) {
            return null;
        }
        if (n == 0) {
            return ZERO;
        }
        String digits = Long.toString(n);
        return trimmed(digits, digits.length() - prec);
    }

    private static Decimal trimmed(String d, int dp) {
        int n = d.length();
        while (n > 0 && d.charAt(n - 1) == '0') {
            n--;
        }
        return n == 0 ? ZERO : new Decimal(d.substring(0, n), dp);
    }

    /** Go's {@code decimal.Round(nd)}: round to {@code nd} digits, halfway cases to even. */
    Decimal round(int nd) {
        if (nd < 0 || nd >= nd()) {
            return this;
        }
        return shouldRoundUp(nd) ? roundUp(nd) : roundDown(nd);
    }

    private boolean shouldRoundUp(int nd) {
        char c = digits.charAt(nd);
        if (c == '5' && nd + 1 == nd()) {
            // Exactly halfway: round to even.
            return nd > 0 && (digits.charAt(nd - 1) - '0') % 2 == 1;
        }
        return c >= '5';
    }

    Decimal roundDown(int nd) {
        return trimmed(digits.substring(0, nd), dp);
    }

    Decimal roundUp(int nd) {
        int i = nd - 1;
        while (i >= 0 && digits.charAt(i) == '9') {
            i--;
        }
        if (i < 0) {
            // All nines: 0.999 -> 1.0 at the next power of ten.
            return new Decimal("1", dp + 1);
        }
        return new Decimal(digits.substring(0, i) + (char) (digits.charAt(i) + 1), dp);
    }

    /**
     * The shortest decimal that reads back as {@code abs} (a finite, non-negative float64 or,
     * when {@code bitSize == 32}, a float32 value widened to double).
     *
     * <p>Fast path: since JDK 19, {@code Double.toString}/{@code Float.toString} are specified
     * to produce, among the decimals that round to the value, one of minimal length m closest to
     * it (ties to an even digit), which is exactly this definition, except that when m == 1 the
     * JDK may choose a closer 2-digit decimal (4.9E-324 where Go prints 5e-324). So a JDK result
     * of 3 or more significant digits, or of 1 digit, is the answer; a 2-digit result is the
     * answer unless a 1-digit decimal also reads back, in which case the exact algorithm
     * ({@link #shortestExact}) decides. The test suite checks the two paths agree on random
     * values and both agree with Go.
     */
    static Decimal shortest(double abs, int bitSize) {
        if (abs == 0) {
            return ZERO;
        }
        Decimal d = fromJava(bitSize == 32 ? Float.toString((float) abs) : Double.toString(abs));
        if (d.nd() != 2) {
            return d;
        }
        if (readsBack(d.roundDown(1), abs, bitSize) || readsBack(d.roundUp(1), abs, bitSize)) {
            return shortestExact(abs, bitSize);
        }
        return d;
    }

    /** Parses the JDK's {@code Double.toString} forms ({@code 123.45}, {@code 1.0E-5}). */
    private static Decimal fromJava(String s) {
        int e = s.indexOf('E');
        int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String m = e < 0 ? s : s.substring(0, e);
        int dot = m.indexOf('.');
        String digits = m.substring(0, dot) + m.substring(dot + 1);
        int dp = dot + exp;
        int lead = 0;
        while (lead < digits.length() && digits.charAt(lead) == '0') {
            lead++;
            dp--;
        }
        return trimmed(digits.substring(lead), dp);
    }

    /** The shortest digits by definition: exact expansion, then the fewest digits reading back. */
    static Decimal shortestExact(double abs, int bitSize) {
        Decimal exact = exact(abs);
        if (exact.nd() <= 1) {
            return exact;
        }
        // Candidates exist at n digits for every n >= the shortest length: binary search.
        int lo = 1;
        int hi = exact.nd();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (exact.closestReadingBack(mid, abs, bitSize) != null) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == exact.nd() ? exact : exact.closestReadingBack(lo, abs, bitSize);
    }

    /** The n-digit decimal closest to this one that reads back as {@code v}, or null. */
    private Decimal closestReadingBack(int n, double v, int bitSize) {
        Decimal down = roundDown(n);
        Decimal up = roundUp(n);
        boolean downOk = readsBack(down, v, bitSize);
        boolean upOk = readsBack(up, v, bitSize);
        if (downOk && upOk) {
            return round(n);
        }
        return downOk ? down : upOk ? up : null;
    }

    private static boolean readsBack(Decimal d, double v, int bitSize) {
        if (d.nd() == 0) {
            return v == 0;
        }
        String s = "0." + d.digits + "E" + d.dp;
        if (bitSize == 32) {
            return Float.parseFloat(s) == (float) v;
        }
        return Double.parseDouble(s) == v;
    }
}
