package gopl.runtime.fmt;

/**
 * The low-level half of Go's fmt (its {@code fmt.go} "fmt" struct): the flags, width and
 * precision of one verb, and the padding and number/string/quote formatting they control.
 * Output goes to a byte-string {@link StringBuilder} shared with {@link Printer}.
 *
 * <p>Guarantees Go's rules: width and precision count runes, not bytes; {@code 0} pads numbers
 * after the sign and never pads on the right; integer precision is a minimum digit count and
 * {@code %.0d} of 0 prints nothing; {@code #} adds 0b/0/0x prefixes; {@code +} and space force a
 * sign; NaN and infinities are never zero-padded.
 */
final class Fmt {
    static final String LDIGITS = "0123456789abcdefx";
    static final String UDIGITS = "0123456789ABCDEFX";

    final StringBuilder buf;

    boolean widPresent;
    boolean precPresent;
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    /** {@code %+v}: plus moved here so that it does not also mean "sign". */
    boolean plusV;
    /** {@code %#v}: sharp moved here. */
    boolean sharpV;
    int wid;
    int prec;

    Fmt(StringBuilder buf) {
        this.buf = buf;
    }

    void clearFlags() {
        widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
        wid = prec = 0;
    }

    /** Saved flags, for the places where Go saves and restores {@code fmtFlags}. */
    long saveFlags() {
        return (widPresent ? 1 : 0) | (precPresent ? 2 : 0) | (minus ? 4 : 0) | (plus ? 8 : 0)
                | (sharp ? 16 : 0) | (space ? 32 : 0) | (zero ? 64 : 0) | (plusV ? 128 : 0)
                | (sharpV ? 256 : 0);
    }

    void restoreFlags(long f) {
        widPresent = (f & 1) != 0;
        precPresent = (f & 2) != 0;
        minus = (f & 4) != 0;
        plus = (f & 8) != 0;
        sharp = (f & 16) != 0;
        space = (f & 32) != 0;
        zero = (f & 64) != 0;
        plusV = (f & 128) != 0;
        sharpV = (f & 256) != 0;
    }

    void writePadding(int n) {
        char c = zero ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(c);
        }
    }

    /** Appends {@code s} padded to the width (counted in runes) on the left or right. */
    void pad(CharSequence s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - Utf8.runeCount(s);
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    void fmtBoolean(boolean v) {
        pad(v ? "true" : "false");
    }

    /** {@code %U}: {@code U+0078}, with {@code #}: {@code U+0078 'x'}. */
    void fmtUnicode(long u) {
        int p = 4;
        if (precPresent && prec > 4) {
            p = prec;
        }
        String hex = Long.toHexString(u).toUpperCase();
        StringBuilder sb = new StringBuilder("U+");
        for (int i = hex.length(); i < p; i++) {
            sb.append('0');
        }
        sb.append(hex);
        if (sharp && u >= 0 && u <= GoUnicode.MAX_RUNE && GoUnicode.isPrint((int) u)) {
            sb.append(" '");
            Utf8.encode(sb, u);
            sb.append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(sb);
        zero = oldZero;
    }

    /** Formats the integer {@code u} (raw 64 bits; {@code signed} says how to read them). */
    void fmtInteger(long u, int base, boolean signed, char verb, String digits) {
        boolean negative = signed && u < 0;
        if (negative) {
            u = -u;
        }
        int p = 0;
        if (precPresent) {
            p = prec;
            // An explicit precision of 0 prints no digits for 0: only the padding remains.
            if (p == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            p = wid;
            if (negative || plus || space) {
                p--; // the sign takes one column of the width
            }
        }
        String num = switch (base) {
            case 10 -> Long.toUnsignedString(u);
            case 16 -> digits == UDIGITS ? Long.toHexString(u).toUpperCase() : Long.toHexString(u);
            case 8 -> Long.toOctalString(u);
            default -> Long.toBinaryString(u);
        };
        StringBuilder sb = new StringBuilder(Math.max(p, num.length()) + 4);
        for (int i = num.length(); i < p; i++) {
            sb.append('0');
        }
        sb.append(num);
        if (sharp) {
            switch (base) {
                case 2 -> sb.insert(0, "0b");
                case 8 -> {
                    if (sb.charAt(0) != '0') {
                        sb.insert(0, '0');
                    }
                }
                case 16 -> sb.insert(0, digits == UDIGITS ? "0X" : "0x");
                default -> { }
            }
        }
        if (verb == 'O') {
            sb.insert(0, "0o");
        }
        if (negative) {
            sb.insert(0, '-');
        } else if (plus) {
            sb.insert(0, '+');
        } else if (space) {
            sb.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(sb);
        zero = oldZero;
    }

    /** Truncates {@code s} to the precision, counted in runes. */
    String truncate(String s) {
        if (precPresent) {
            int n = prec;
            for (int i = 0; i < s.length(); ) {
                n--;
                if (n < 0) {
                    return s.substring(0, i);
                }
                i += s.charAt(i) < Utf8.RUNE_SELF ? 1 : Utf8.width(Utf8.decode(s, i));
            }
        }
        return s;
    }

    void fmtS(String s) {
        pad(truncate(s));
    }

    /** {@code %x}/{@code %X} of a string or byte slice: hex of each byte. */
    void fmtSbx(String s, String digits) {
        int length = s.length();
        if (precPresent && prec < length) {
            length = prec;
        }
        // Width of the hex text: two digits per byte, plus prefixes and separators.
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = s.charAt(i) & 0xFF;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    /** {@code %q} of a string: {@code `raw`} with {@code #} when possible, else Go-quoted. */
    void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoQuote.canBackquote(s)) {
            pad("`" + s + "`");
            return;
        }
        pad(GoQuote.appendQuoted(new StringBuilder(s.length() + 2), s, '"', plus, false));
    }

    /** {@code %c}: the rune's UTF-8 bytes (U+FFFD when above U+10FFFF). */
    void fmtC(long c) {
        long r = Long.compareUnsigned(c, GoUnicode.MAX_RUNE) > 0 ? Utf8.RUNE_ERROR : c;
        pad(Utf8.encode(r));
    }

    /** {@code %q} of an integer: a Go rune literal. */
    void fmtQc(long c) {
        long r = Long.compareUnsigned(c, GoUnicode.MAX_RUNE) > 0 ? Utf8.RUNE_ERROR : c;
        pad(GoQuote.appendQuotedRune(new StringBuilder(8), r, plus, false));
    }

    /** Formats a float with strconv's {@code verb} and default precision {@code p}. */
    void fmtFloat(double v, int size, char verb, int p) {
        if (precPresent) {
            p = prec;
        }
        StringBuilder num = new StringBuilder(24).append('+');
        GoFloats.appendFloat(num, v, verb, p, size);
        if (num.charAt(1) == '-' || num.charAt(1) == '+') {
            num.deleteCharAt(0);
        }
        // The space flag shows a blank where a plus sign would go.
        if (space && num.charAt(0) == '+' && !plus) {
            num.setCharAt(0, ' ');
        }
        // Inf and NaN are padded with blanks, never zeros; NaN has no sign unless asked for.
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num.deleteCharAt(0);
            }
            pad(num);
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            sharpFloat(num, verb, p);
        }
        // Keep the sign when it is negative or when + asks for it.
        if (plus || num.charAt(0) != '+') {
            // Zero padding goes between the sign and the digits.
            if (zero && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num);
            return;
        }
        // Positive without +: drop the sign.
        pad(num.substring(1));
    }

    /** The {@code #} flag on floats: always a decimal point; %g keeps its trailing zeros. */
    private static void sharpFloat(StringBuilder num, char verb, int p) {
        int digits = 0;
        switch (verb) {
            case 'v', 'g', 'G', 'x' -> digits = p == -1 ? 6 : p;
            default -> { }
        }
        String tail = "";
        boolean hasDecimalPoint = false;
        boolean sawNonzeroDigit = false;
        for (int i = 1; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == '.') {
                hasDecimalPoint = true;
            } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tail = num.substring(i);
                num.setLength(i);
                break;
            } else {
                if (c != '0') {
                    sawNonzeroDigit = true;
                }
                // Digits from the first non-zero one on use up the precision.
                if (sawNonzeroDigit) {
                    digits--;
                }
            }
        }
        if (!hasDecimalPoint) {
            // A lone "0" counts as one significant digit.
            if (num.length() == 2 && num.charAt(1) == '0') {
                digits--;
            }
            num.append('.');
        }
        while (digits > 0) {
            num.append('0');
            digits--;
        }
        num.append(tail);
    }
}
