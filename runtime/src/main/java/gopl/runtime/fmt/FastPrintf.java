package gopl.runtime.fmt;

/**
 * The fast path of {@code fmt.Sprintf}/{@code Printf}: formats directly from interface values
 * when the format uses only the common cases, and gives up (returns null) on anything else, so
 * that {@link Printer} (Go's full algorithm) handles it.
 *
 * <p>Guarantee: whenever {@link #format} returns a string, it is byte for byte what Printer would
 * produce. Handled: literal text and {@code %%}; flags {@code -} and {@code +} and, for numbers,
 * {@code 0}; a decimal width; a precision for {@code %f}/{@code %F} only; operands of the
 * predeclared types int ({@code %d %v %x %X}), string ({@code %s %v}, ASCII when padded), bool
 * ({@code %t %v}) and finite float64 ({@code %f %F}). Named types (whose methods may change the
 * output), other verbs and flags, {@code *} widths, argument indexes, and missing or extra
 * operands all fall back. It exists because Printer's generality costs most in a cold JVM, where
 * short programs spend their time.
 */
public final class FastPrintf {
    private FastPrintf() {}

    /** Go's formatting of {@code args} (interface values) by {@code format}, or null to fall back. */
    public static String format(String format, Object[] args, int off, int len) {
        StringBuilder sb = new StringBuilder(format.length() + 16 * len);
        int argi = 0;
        int n = format.length();
        for (int i = 0; i < n; ) {
            int pct = format.indexOf('%', i);
            if (pct < 0) pct = n;
            if (pct > i) {
                sb.append(format, i, pct); // the literal run up to the next verb, in one copy
                i = pct;
                continue;
            }
            if (++i >= n) return null;
            boolean minus = false, plus = false, zero = false;
            for (; i < n; i++) {
                char f = format.charAt(i);
                if (f == '-') minus = true;
                else if (f == '+') plus = true;
                else if (f == '0') zero = true;
                else if (f == ' ' || f == '#') return null;
                else break;
            }
            int width = -1;
            while (i < n && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                width = (width < 0 ? 0 : width * 10) + format.charAt(i++) - '0';
                if (width > 1_000_000) return null;
            }
            int prec = -1;
            if (i < n && format.charAt(i) == '.') {
                i++;
                prec = 0;
                while (i < n && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                    prec = prec * 10 + format.charAt(i++) - '0';
                    if (prec > 1_000_000) return null;
                }
            }
            if (i >= n) return null;
            char verb = format.charAt(i++);
            if (verb == '%') {
                if (plus || minus || zero || width >= 0 || prec >= 0) return null;
                sb.append('%');
                continue;
            }
            if (verb >= 0x80 || argi >= len || (verb == 'v' && plus)) return null; // %+v is not %v with +
            Object a = args[off + argi++];
            if (!one(sb, a, verb, minus, plus, zero, width, prec)) return null;
        }
        return argi == len ? sb.toString() : null;
    }

    private static boolean one(StringBuilder sb, Object a, char verb, boolean minus, boolean plus, boolean zero, int width, int prec) {
        if (a instanceof Long l) {
            if (prec >= 0) return false;
            long v = l;
            if (width < 0 && (verb == 'd' || verb == 'v')) { // the common case, without a digits string
                if (plus && v >= 0) sb.append('+');
                sb.append(v);
                return true;
            }
            String digits;
            switch (verb) {
                case 'd', 'v' -> digits = v < 0 ? (v == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(-v)) : Long.toString(v);
                case 'x' -> digits = v < 0 ? (v == Long.MIN_VALUE ? "8000000000000000" : Long.toHexString(-v)) : Long.toHexString(v);
                case 'X' -> digits = (v < 0 ? (v == Long.MIN_VALUE ? "8000000000000000" : Long.toHexString(-v)) : Long.toHexString(v)).toUpperCase(java.util.Locale.ROOT);
                default -> {
                    return false;
                }
            }
            String sign = v < 0 ? "-" : plus ? "+" : "";
            number(sb, sign, digits, minus, zero, width);
            return true;
        }
        if (a instanceof String s) {
            if ((verb != 's' && verb != 'v') || plus || zero || prec >= 0) return false;
            if (width > 0) {
                for (int k = 0; k < s.length(); k++) if (s.charAt(k) >= 0x80) return false; // rune count
            }
            pad(sb, s, minus, width);
            return true;
        }
        if (a instanceof Boolean b) {
            if ((verb != 't' && verb != 'v') || plus || zero || prec >= 0) return false;
            pad(sb, b ? "true" : "false", minus, width);
            return true;
        }
        if (a instanceof Double d) {
            double v = d;
            if ((verb != 'f' && verb != 'F') || Double.isNaN(v) || Double.isInfinite(v)) return false;
            if (prec >= 0 && prec < POW10.length && fixedSmall(sb, v, prec, minus, plus, zero, width)) return true;
            String s = GoFloats.formatFloat(v, 'f', prec < 0 ? 6 : prec, 64);
            String sign = "";
            if (s.charAt(0) == '-') {
                sign = "-";
                s = s.substring(1);
            } else if (plus) {
                sign = "+";
            }
            number(sb, sign, s, minus, zero, width);
            return true;
        }
        return false;
    }

    private static final long[] POW10 = {1, 10, 100, 1000, 10000};

    /**
     * {@code %.Nf} for N <= 4 of a value below 2^53 / 10^N, straight into sb: the exact decimal
     * rounding strconv does ({@link Decimal#scaledSmall}), without building the Decimal and its
     * strings. Returns false (sb untouched) for larger values.
     */
    private static boolean fixedSmall(StringBuilder sb, double v, int prec, boolean minus, boolean plus, boolean zero, int width) {
        long n = Decimal.scaledSmall(v, prec);
        if (n < 0) return false;
        long bits = Double.doubleToRawLongBits(v);
        char sign = bits < 0 ? '-' : plus ? '+' : 0; // strconv keeps the sign of -0 and of values rounding to 0
        long ip = n / POW10[prec];
        long fp = n - ip * POW10[prec];
        int len = (sign != 0 ? 1 : 0) + digitCount(ip) + (prec > 0 ? prec + 1 : 0);
        int fill = width - len;
        if (fill > 0 && !minus && !zero) sb.repeat(' ', fill);
        if (sign != 0) sb.append(sign);
        if (fill > 0 && !minus && zero) sb.repeat('0', fill);
        sb.append(ip);
        if (prec > 0) {
            sb.append('.');
            for (long p = POW10[prec] / 10; p > 0; p /= 10) sb.append((char) ('0' + fp / p % 10));
        }
        if (fill > 0 && minus) sb.repeat(' ', fill);
        return true;
    }

    private static int digitCount(long x) {
        int d = 1;
        while (x >= 10) {
            x /= 10;
            d++;
        }
        return d;
    }

    /** Sign and digits padded to width: zeros after the sign with the 0 flag (not with -). */
    private static void number(StringBuilder sb, String sign, String digits, boolean minus, boolean zero, int width) {
        int len = sign.length() + digits.length();
        if (width <= len) {
            sb.append(sign).append(digits);
        } else if (minus) {
            sb.append(sign).append(digits).repeat(' ', width - len);
        } else if (zero) {
            sb.append(sign).repeat('0', width - len).append(digits);
        } else {
            sb.repeat(' ', width - len).append(sign).append(digits);
        }
    }

    private static void pad(StringBuilder sb, String s, boolean minus, int width) {
        int fill = width - s.length();
        if (fill <= 0) {
            sb.append(s);
        } else if (minus) {
            sb.append(s).repeat(' ', fill);
        } else {
            sb.repeat(' ', fill).append(s);
        }
    }
}
