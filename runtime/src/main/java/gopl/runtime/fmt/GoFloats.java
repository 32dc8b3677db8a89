package gopl.runtime.fmt;

/**
 * Go 1.19's {@code strconv.FormatFloat(f, fmt, prec, bitSize)}, byte for byte, for the formats
 * {@code 'b' 'e' 'E' 'f' 'g' 'G' 'x' 'X'}.
 *
 * <p>Precision -1 means the shortest digits that read back as the same float64 (or float32 when
 * {@code bitSize == 32}); otherwise the exact binary value is rounded half-to-even at the
 * requested digit (see {@link Decimal}). Exponents have at least two digits ({@code 1e+06});
 * {@code %g} switches to exponent form when the exponent is below -4 or at least the precision
 * (6 when shortest); infinities are {@code +Inf}/{@code -Inf}, NaN is {@code NaN}; negative zero
 * keeps its sign.
 */
public final class GoFloats {
    private GoFloats() {}

    /** Go's {@code strconv.FormatFloat}. */
    public static String formatFloat(double f, char fmt, int prec, int bitSize) {
        StringBuilder sb = new StringBuilder(24);
        appendFloat(sb, f, fmt, prec, bitSize);
        return sb.toString();
    }

    /** Go's {@code strconv.AppendFloat}. */
    public static StringBuilder appendFloat(StringBuilder sb, double f, char fmt, int prec, int bitSize) {
        long bits;
        int mantBits;
        int expBits;
        int bias;
        if (bitSize == 32) {
            bits = Float.floatToRawIntBits((float) f) & 0xFFFFFFFFL;
            mantBits = 23;
            expBits = 8;
            bias = -127;
        } else if (bitSize == 64) {
            bits = Double.doubleToRawLongBits(f);
            mantBits = 52;
            expBits = 11;
            bias = -1023;
        } else {
            throw new IllegalArgumentException("strconv: illegal AppendFloat/FormatFloat bitSize");
        }
        boolean neg = (bits >>> (expBits + mantBits)) != 0;
        int exp = (int) (bits >>> mantBits) & ((1 << expBits) - 1);
        long mant = bits & ((1L << mantBits) - 1);
        if (exp == (1 << expBits) - 1) {
            return sb.append(mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf");
        } else if (exp == 0) {
            exp++; // denormal
        } else {
            mant |= 1L << mantBits;
        }
        exp += bias;
        if (fmt == 'b') {
            return formatB(sb, neg, mant, exp - mantBits);
        }
        if (fmt == 'x' || fmt == 'X') {
            return formatX(sb, prec, fmt, neg, mant, exp, mantBits);
        }
        double abs = Math.abs(bitSize == 32 ? (double) (float) f : f);
        return formatDecimal(sb, abs, neg, fmt, prec, bitSize);
    }

    private static StringBuilder formatDecimal(
            StringBuilder sb, double abs, boolean neg, char fmt, int prec, int bitSize) {
        boolean shortest = prec < 0;
        Decimal d;
        if (shortest) {
            d = Decimal.shortest(abs, bitSize);
            switch (fmt) {
                case 'e', 'E' -> prec = Math.max(d.nd() - 1, 0);
                case 'f' -> prec = Math.max(d.nd() - d.dp(), 0);
                case 'g', 'G' -> prec = d.nd();
                default -> { }
            }
        } else {
            switch (fmt) {
                case 'e', 'E' -> d = Decimal.roundedSignificant(abs, prec + 1);
                case 'f' -> d = Decimal.roundedFixed(abs, prec);
                case 'g', 'G' -> {
                    if (prec == 0) {
                        prec = 1;
                    }
                    d = Decimal.roundedSignificant(abs, prec);
                }
                default -> d = Decimal.exact(abs);
            }
        }
        return formatDigits(sb, shortest, neg, d, prec, fmt);
    }

    private static StringBuilder formatDigits(
            StringBuilder sb, boolean shortest, boolean neg, Decimal d, int prec, char fmt) {
        switch (fmt) {
            case 'e', 'E' -> {
                return formatE(sb, neg, d, prec, fmt);
            }
            case 'f' -> {
                return formatF(sb, neg, d, prec);
            }
            case 'g', 'G' -> {
                int eprec = prec;
                if (eprec > d.nd() && d.nd() >= d.dp()) {
                    eprec = d.nd();
                }
                // Exponent form when the decimal exponent is below -4 or reaches the precision
                // (taken as 6 for shortest output).
                if (shortest) {
                    eprec = 6;
                }
                int exp = d.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > d.nd()) {
                        prec = d.nd();
                    }
                    return formatE(sb, neg, d, prec - 1, fmt == 'g' ? 'e' : 'E');
                }
                if (prec > d.dp()) {
                    prec = d.nd();
                }
                return formatF(sb, neg, d, Math.max(prec - d.dp(), 0));
            }
            default -> {
                return sb.append('%').append(fmt);
            }
        }
    }

    /** {@code -d.dddde±dd}. */
    private static StringBuilder formatE(StringBuilder sb, boolean neg, Decimal d, int prec, char fmt) {
        if (neg) {
            sb.append('-');
        }
        sb.append(d.nd() != 0 ? d.digit(0) : '0');
        if (prec > 0) {
            sb.append('.');
            int m = Math.min(d.nd(), prec + 1);
            int i = 1;
            if (i < m) {
                sb.append(d.digits(), 1, m);
                i = m;
            }
            for (; i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append(fmt);
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0');
        }
        return sb.append(exp);
    }

    /** {@code -ddd.dddd}. */
    private static StringBuilder formatF(StringBuilder sb, boolean neg, Decimal d, int prec) {
        if (neg) {
            sb.append('-');
        }
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            sb.append(d.digits(), 0, m);
            for (; m < d.dp(); m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 0; i < prec; i++) {
                int j = d.dp() + i;
                sb.append(0 <= j && j < d.nd() ? d.digit(j) : '0');
            }
        }
        return sb;
    }

    /** {@code -ddddp±ddd}: decimal mantissa and binary exponent. */
    private static StringBuilder formatB(StringBuilder sb, boolean neg, long mant, int exp) {
        if (neg) {
            sb.append('-');
        }
        sb.append(mant).append('p');
        if (exp >= 0) {
            sb.append('+');
        }
        return sb.append(exp);
    }

    /** {@code -0x1.yyyyp±dd}: hexadecimal mantissa and binary exponent. */
    private static StringBuilder formatX(
            StringBuilder sb, int prec, char fmt, boolean neg, long mant, int exp, int mantBits) {
        if (mant == 0) {
            exp = 0;
        }
        // Normalise: the leading 1 of the mantissa (if any) moves to bit 60.
        mant <<= 60 - mantBits;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        // Round to prec hex digits, ties to even.
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > (1L << 59)) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                // Rounding carried into bit 61: renormalise.
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        if (neg) {
            sb.append('-');
        }
        sb.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4; // the leading digit is written; shift it out
        if (prec < 0 && mant != 0) {
            sb.append('.');
            while (mant != 0) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            sb.append('.');
            for (int i = 0; i < prec; i++) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        sb.append(fmt == 'X' ? 'P' : 'p');
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0');
        }
        return sb.append(exp);
    }
}
