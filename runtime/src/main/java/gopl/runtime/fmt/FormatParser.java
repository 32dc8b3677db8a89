package gopl.runtime.fmt;

/**
 * Walks a Printf format string for {@link Printer} (Go's doPrintf): literal text, then for each
 * {@code %} the flags {@code # 0 + - space}, an optional argument index {@code [n]}, the width
 * ({@code n} or {@code *}), the precision ({@code .n}, {@code .*} or a bare {@code .} meaning 0)
 * and the verb (a UTF-8 rune). Widths and precisions above 10^6 are rejected as Go does.
 * Reports unused operands as {@code %!(EXTRA type=value, ...)} unless indexes reordered them.
 */
final class FormatParser {
    private static final int TOO_LARGE = 1_000_000;

    private final Printer p;
    private final Fmt f;
    private final String format;
    private final GoValue[] a;
    private int argNum;
    private int i;
    private boolean afterIndex;

    FormatParser(Printer p, String format, GoValue[] a) {
        this.p = p;
        this.f = p.fmt();
        this.format = format;
        this.a = a;
    }

    void run() {
        int end = format.length();
        p.setReordered(false);
        formatLoop:
        while (i < end) {
            p.setGoodArgNum(true);
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                p.buf().append(format, lasti, i);
            }
            if (i >= end) {
                break; // end of the format
            }
            i++; // skip %
            f.clearFlags();
            simpleFormat:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> f.sharp = true;
                    case '0' -> f.zero = !f.minus; // zeros pad on the left only
                    case '+' -> f.plus = true;
                    case '-' -> {
                        f.minus = true;
                        f.zero = false; // left-justified: no zero padding
                    }
                    case ' ' -> f.space = true;
                    default -> {
                        // A lower-case verb right after the flags: no width, precision or index.
                        if ('a' <= c && c <= 'z' && argNum < a.length) {
                            if (c == 'v') {
                                moveVFlags();
                            }
                            p.printArg(a[argNum], c);
                            argNum++;
                            i++;
                            continue formatLoop;
                        }
                        break simpleFormat;
                    }
                }
            }
            argNumber();
            if (i < end && format.charAt(i) == '*') {
                i++;
                long n = intFromArg();
                f.widPresent = n != Long.MIN_VALUE;
                f.wid = f.widPresent ? (int) n : 0;
                if (!f.widPresent) {
                    p.buf().append("%!(BADWIDTH)");
                }
                // A negative width operand means left-justify with its magnitude.
                if (f.wid < 0) {
                    f.wid = -f.wid;
                    f.minus = true;
                    f.zero = false; // left-justified: no zero padding
                }
                afterIndex = false;
            } else {
                int start = i;
                int n = parseNum(end);
                f.widPresent = i > start && n >= 0;
                f.wid = Math.max(n, 0);
                if (afterIndex && f.widPresent) { // "%[3]2d"
                    p.setGoodArgNum(false);
                }
            }
            // Optional precision.
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) { // "%[3].2d"
                    p.setGoodArgNum(false);
                }
                argNumber();
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    long n = intFromArg();
                    f.precPresent = n != Long.MIN_VALUE;
                    f.prec = f.precPresent ? (int) n : 0;
                    // A negative precision operand counts as absent (and is reported).
                    if (f.prec < 0) {
                        f.prec = 0;
                        f.precPresent = false;
                    }
                    if (!f.precPresent) {
                        p.buf().append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int start = i;
                    int n = parseNum(end);
                    f.precPresent = true;
                    f.prec = i > start && n >= 0 ? n : 0;
                }
            }
            if (!afterIndex) {
                argNumber();
            }
            if (i >= end) {
                p.buf().append("%!(NOVERB)");
                break;
            }
            int verb = format.charAt(i);
            int size = 1;
            if (verb >= Utf8.RUNE_SELF) {
                long d = Utf8.decode(format, i);
                verb = Utf8.rune(d);
                size = Utf8.width(d);
            }
            i += size;
            if (verb == '%') {
                // %% consumes no operand; width and precision are ignored.
                p.buf().append('%');
            } else if (!p.goodArgNum()) {
                p.buf().append("%!");
                p.writeRune(verb);
                p.buf().append("(BADINDEX)");
            } else if (argNum >= a.length) {
                p.buf().append("%!");
                p.writeRune(verb);
                p.buf().append("(MISSING)");
            } else {
                if (verb == 'v') {
                    moveVFlags();
                }
                p.printArg(a[argNum], verb);
                argNum++;
            }
        }
        // Unused operands are reported, unless explicit indexes were used.
        if (!p.reordered() && argNum < a.length) {
            f.clearFlags();
            p.buf().append("%!(EXTRA ");
            for (int k = argNum; k < a.length; k++) {
                if (k > argNum) {
                    p.buf().append(", ");
                }
                if (a[k] == null) {
                    p.buf().append("<nil>");
                } else {
                    p.buf().append(a[k].type().string()).append('=');
                    p.printArg(a[k], 'v');
                }
            }
            p.buf().append(')');
        }
    }

    /** Go formatting: %#v and %+v use sharp/plus in their own sense. */
    private void moveVFlags() {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
    }

    /**
     * Parses a decimal number at {@link #i}, advancing past its digits; returns -1 if it is too
     * large (Go then treats it as absent and skips to the end of the format).
     */
    private int parseNum(int end) {
        int num = 0;
        int start = i;
        while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
            if (num > TOO_LARGE) {
                i = end; // absurdly large: treat as absent and stop
                return -1;
            }
            num = num * 10 + (format.charAt(i) - '0');
            i++;
        }
        return i > start ? num : -1;
    }

    /**
     * Reads an int operand for {@code *}; returns Long.MIN_VALUE if there is none or it is not
     * an integer (or too large). Always consumes an operand if one is left.
     */
    private long intFromArg() {
        if (argNum >= a.length) {
            return Long.MIN_VALUE;
        }
        GoValue v = a[argNum++];
        if (v == null) {
            return Long.MIN_VALUE;
        }
        Kind k = v.type().kind();
        long n;
        if (k.isSigned()) {
            n = v.longValue();
        } else if (k.isUnsigned()) {
            n = v.longValue();
            if (n < 0) {
                return Long.MIN_VALUE;
            }
        } else {
            return Long.MIN_VALUE;
        }
        if (n > TOO_LARGE || n < -TOO_LARGE) {
            return Long.MIN_VALUE;
        }
        return n;
    }

    /** Handles an argument index {@code [n]} at {@link #i}, if any. */
    private void argNumber() {
        afterIndex = false;
        if (i >= format.length() || format.charAt(i) != '[') {
            return;
        }
        p.setReordered(true);
        // The shortest index is three bytes: [n].
        String s = format.substring(i);
        int index = 0;
        int wid = 1;
        boolean ok = false;
        if (s.length() >= 3) {
            for (int k = 1; k < s.length(); k++) {
                if (s.charAt(k) == ']') {
                    int num = 0;
                    boolean isnum = false;
                    int j = 1;
                    boolean overflow = false;
                    for (; j < k && s.charAt(j) >= '0' && s.charAt(j) <= '9'; j++) {
                        if (num > TOO_LARGE) {
                            overflow = true;
                            break;
                        }
                        num = num * 10 + (s.charAt(j) - '0');
                        isnum = true;
                    }
                    if (overflow || !isnum || j != k) {
                        wid = k + 1;
                        ok = false;
                    } else {
                        index = num - 1;
                        wid = k + 1;
                        ok = true;
                    }
                    break;
                }
            }
        }
        if (ok && 0 <= index && index < a.length) {
            argNum = index;
            i += wid;
            afterIndex = true;
            return;
        }
        p.setGoodArgNum(false);
        i += wid;
        afterIndex = ok;
    }
}
