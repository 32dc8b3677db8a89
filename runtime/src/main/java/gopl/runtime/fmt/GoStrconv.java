package gopl.runtime.fmt;

/**
 * Go 1.19's strconv number parsing and integer formatting on byte strings: {@code ParseInt},
 * {@code ParseUint}, {@code Atoi}, {@code ParseFloat}, {@code ParseBool}, {@code FormatInt},
 * {@code FormatUint}, {@code Itoa}, {@code FormatBool}.
 *
 * <p>Guarantees Go's results and errors: base 0 reads the prefixes 0b/0o/0x/0 and allows
 * underscores between digits; out-of-range values are clamped to the limit of the bit size with
 * a range error; the first overflow wins over later syntax errors, as in Go; ParseFloat accepts
 * decimal and hexadecimal (mandatory p exponent) forms, {@code inf}/{@code infinity}/{@code nan}
 * in any case, rounds correctly to float64 or float32, and reports overflow as ±Inf with a range
 * error (underflow is not an error). Errors carry Go's {@code *NumError} text, e.g.
 * {@code strconv.Atoi: parsing "x": invalid syntax}.
 */
public final class GoStrconv {
    private GoStrconv() {}

    /** {@code strconv.ErrSyntax}'s text. */
    public static final String ERR_SYNTAX = "invalid syntax";
    /** {@code strconv.ErrRange}'s text. */
    public static final String ERR_RANGE = "value out of range";

    /**
     * Go's {@code *strconv.NumError}: the function ({@code ParseInt}), the input, and the
     * underlying error's text ({@link #ERR_SYNTAX}, {@link #ERR_RANGE}, {@code invalid base N},
     * {@code invalid bit size N}).
     */
    public record NumError(String func, String num, String err) {
        /** {@code NumError.Error()}. */
        public String error() {
            return "strconv." + func + ": parsing " + GoQuote.quote(num) + ": " + err;
        }

        public boolean isSyntax() {
            return err.equals(ERR_SYNTAX);
        }

        public boolean isRange() {
            return err.equals(ERR_RANGE);
        }

        NumError withFunc(String f, String n) {
            return new NumError(f, n, err);
        }
    }

    /** An integer result (raw 64 bits; unsigned for ParseUint) and its error or null. */
    public record IntResult(long value, NumError err) {}

    /** A float result (a float32 result widened) and its error or null. */
    public record FloatResult(double value, NumError err) {}

    /** A bool result and its error or null. */
    public record BoolResult(boolean value, NumError err) {}

    private static IntResult syntax(String fn, String s) {
        return new IntResult(0, new NumError(fn, s, ERR_SYNTAX));
    }

    // ---------------------------------------------------------------- integers

    /** Go's {@code strconv.ParseUint}; the value is the raw uint64 bits. */
    public static IntResult parseUint(String s, int base, int bitSize) {
        final String fn = "ParseUint";
        if (s.isEmpty()) {
            return syntax(fn, s);
        }
        boolean base0 = base == 0;
        String s0 = s;
        if (base == 0) {
            base = 10;
            if (s.charAt(0) == '0') {
                char c1 = s.length() >= 3 ? lower(s.charAt(1)) : 0;
                if (c1 == 'b') {
                    base = 2;
                    s = s.substring(2);
                } else if (c1 == 'o') {
                    base = 8;
                    s = s.substring(2);
                } else if (c1 == 'x') {
                    base = 16;
                    s = s.substring(2);
                } else {
                    base = 8;
                    s = s.substring(1);
                }
            }
        } else if (base < 2 || base > 36) {
            return new IntResult(0, new NumError(fn, s0, "invalid base " + base));
        }
        if (bitSize == 0) {
            bitSize = 64;
        } else if (bitSize < 0 || bitSize > 64) {
            return new IntResult(0, new NumError(fn, s0, "invalid bit size " + bitSize));
        }
        long cutoff = Long.divideUnsigned(-1L, base) + 1;
        long maxVal = bitSize == 64 ? -1L : (1L << bitSize) - 1;
        boolean underscores = false;
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d;
            if (c == '_' && base0) {
                underscores = true;
                continue;
            } else if ('0' <= c && c <= '9') {
                d = c - '0';
            } else if ('a' <= lower(c) && lower(c) <= 'z') {
                d = lower(c) - 'a' + 10;
            } else {
                return syntax(fn, s0);
            }
            if (d >= base) {
                return syntax(fn, s0);
            }
            if (Long.compareUnsigned(n, cutoff) >= 0) {
                // n*base overflows
                return new IntResult(maxVal, new NumError(fn, s0, ERR_RANGE));
            }
            n *= base;
            long n1 = n + d;
            if (Long.compareUnsigned(n1, n) < 0 || Long.compareUnsigned(n1, maxVal) > 0) {
                return new IntResult(maxVal, new NumError(fn, s0, ERR_RANGE));
            }
            n = n1;
        }
        if (underscores && !FloatSyntax.underscoreOK(s0)) {
            return syntax(fn, s0);
        }
        return new IntResult(n, null);
    }

    /** Go's {@code strconv.ParseInt}. */
    public static IntResult parseInt(String s, int base, int bitSize) {
        final String fn = "ParseInt";
        if (s.isEmpty()) {
            return syntax(fn, s);
        }
        String s0 = s;
        boolean neg = false;
        if (s.charAt(0) == '+') {
            s = s.substring(1);
        } else if (s.charAt(0) == '-') {
            neg = true;
            s = s.substring(1);
        }
        IntResult u = parseUint(s, base, bitSize);
        if (u.err() != null && !u.err().isRange()) {
            return new IntResult(0, u.err().withFunc(fn, s0));
        }
        if (bitSize == 0) {
            bitSize = 64;
        }
        long cutoff = 1L << (bitSize - 1);
        long un = u.value();
        if (!neg && Long.compareUnsigned(un, cutoff) >= 0) {
            return new IntResult(cutoff - 1, new NumError(fn, s0, ERR_RANGE));
        }
        if (neg && Long.compareUnsigned(un, cutoff) > 0) {
            return new IntResult(-cutoff, new NumError(fn, s0, ERR_RANGE));
        }
        return new IntResult(neg ? -un : un, null);
    }

    /** Go's {@code strconv.Atoi} (int is 64 bits). */
    public static IntResult atoi(String s) {
        IntResult r = parseInt(s, 10, 0);
        return r.err() == null ? r : new IntResult(r.value(), r.err().withFunc("Atoi", s));
    }

    private static char lower(char c) {
        return (char) (c | ('x' - 'X'));
    }

    /** Go's {@code strconv.FormatInt}; panics (IllegalArgumentException) on a bad base. */
    public static String formatInt(long v, int base) {
        checkBase(base);
        return Long.toString(v, base);
    }

    /** Go's {@code strconv.FormatUint} of the raw uint64 bits. */
    public static String formatUint(long v, int base) {
        checkBase(base);
        return Long.toUnsignedString(v, base);
    }

    private static void checkBase(int base) {
        if (base < 2 || base > 36) {
            throw new IllegalArgumentException("strconv: illegal AppendInt/FormatInt base");
        }
    }

    public static String itoa(long v) {
        return Long.toString(v);
    }

    public static String formatBool(boolean b) {
        return b ? "true" : "false";
    }

    /** Go's {@code strconv.ParseBool}. */
    public static BoolResult parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "true", "TRUE", "True" -> new BoolResult(true, null);
            case "0", "f", "F", "false", "FALSE", "False" -> new BoolResult(false, null);
            default -> new BoolResult(false, new NumError("ParseBool", s, ERR_SYNTAX));
        };
    }

    // ---------------------------------------------------------------- floats

    /** Go's {@code strconv.ParseFloat(s, bitSize)} (bitSize 32 rounds to float32). */
    public static FloatResult parseFloat(String s, int bitSize) {
        final String fn = "ParseFloat";
        FloatResult syntaxErr = new FloatResult(0, new NumError(fn, s, ERR_SYNTAX));
        Double special = special(s);
        if (special != null) {
            return new FloatResult(special, null);
        }
        String clean = FloatSyntax.clean(s);
        if (clean == null) {
            return syntaxErr;
        }
        double v;
        if (bitSize == 32) {
            v = Float.parseFloat(clean);
        } else {
            v = Double.parseDouble(clean);
        }
        if (Double.isInfinite(v)) {
            return new FloatResult(v, new NumError(fn, s, ERR_RANGE));
        }
        return new FloatResult(v, null);
    }

    /** Go's special(): [+-]inf, [+-]infinity, nan (any case), or null. Must be the whole string. */
    private static Double special(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int sign = 1;
        String t = s;
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            sign = c == '-' ? -1 : 1;
            t = s.substring(1);
        } else if (c == 'n' || c == 'N') {
            return t.equalsIgnoreCase("nan") ? Double.NaN : null;
        }
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        return null;
    }
}
