package gopl.runtime.fmt;

/**
 * UTF-8 on byte strings (Java Strings whose chars are bytes 0-255), exactly as Go's
 * {@code unicode/utf8}: decoding accepts only the shortest encodings of valid code points
 * (no surrogates, nothing above U+10FFFF); every invalid byte decodes as U+FFFD with width 1.
 * Encoding an invalid rune (negative, a surrogate, above U+10FFFF) writes U+FFFD.
 */
public final class Utf8 {
    private Utf8() {}

    public static final int RUNE_ERROR = 0xFFFD;
    public static final int RUNE_SELF = 0x80;

    /**
     * Decodes the rune starting at byte {@code i} of {@code s}; returns {@code rune << 32 | width}
     * (read them with {@link #rune(long)} and {@link #width(long)}). At the end of the string the
     * result is (RuneError, 0).
     */
    public static long decode(CharSequence s, int i) {
        int n = s.length() - i;
        if (n <= 0) {
            return pack(RUNE_ERROR, 0);
        }
        int b0 = s.charAt(i) & 0xFF;
        if (b0 < 0x80) {
            return pack(b0, 1);
        }
        int size;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            size = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            size = 3;
            if (b0 == 0xE0) {
                lo = 0xA0; // no overlong encodings
            } else if (b0 == 0xED) {
                hi = 0x9F; // no surrogates
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            size = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F; // nothing above U+10FFFF
            }
        } else {
            return pack(RUNE_ERROR, 1);
        }
        if (n < size) {
            return pack(RUNE_ERROR, 1);
        }
        int b1 = s.charAt(i + 1) & 0xFF;
        if (b1 < lo || b1 > hi) {
            return pack(RUNE_ERROR, 1);
        }
        if (size == 2) {
            return pack((b0 & 0x1F) << 6 | (b1 & 0x3F), 2);
        }
        int b2 = s.charAt(i + 2) & 0xFF;
        if (b2 < 0x80 || b2 > 0xBF) {
            return pack(RUNE_ERROR, 1);
        }
        if (size == 3) {
            return pack((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F), 3);
        }
        int b3 = s.charAt(i + 3) & 0xFF;
        if (b3 < 0x80 || b3 > 0xBF) {
            return pack(RUNE_ERROR, 1);
        }
        return pack((b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F), 4);
    }

    /**
     * Go's {@code utf8.DecodeLastRuneInString}: the last rune of {@code s} packed as by
     * {@link #decode}; (RuneError, 1) if the tail is not a valid encoding, (RuneError, 0) if
     * {@code s} is empty.
     */
    public static long decodeLast(CharSequence s) {
        int end = s.length();
        if (end == 0) {
            return pack(RUNE_ERROR, 0);
        }
        int start = end - 1;
        int b = s.charAt(start) & 0xFF;
        if (b < RUNE_SELF) {
            return pack(b, 1);
        }
        // Back up over continuation bytes, at most to the length of the longest encoding.
        int lim = Math.max(end - 4, 0);
        for (start--; start >= lim; start--) {
            if (runeStart(s.charAt(start))) {
                break;
            }
        }
        if (start < 0) {
            start = 0;
        }
        long d = decode(s.subSequence(start, end), 0);
        return start + width(d) != end ? pack(RUNE_ERROR, 1) : d;
    }

    /** Go's {@code utf8.RuneStart}: the byte is not a continuation byte (10xxxxxx). */
    public static boolean runeStart(int b) {
        return (b & 0xC0) != 0x80;
    }

    /** Go's {@code utf8.FullRuneInString}: {@code s} begins with a full encoding or an invalid one. */
    public static boolean fullRune(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        long d = decode(s, 0);
        if (width(d) > 1 || rune(d) != RUNE_ERROR) {
            return true;
        }
        // An invalid byte decodes as width 1; it is a full (invalid) rune unless it is a valid
        // prefix cut short by the end of the string.
        int b0 = s.charAt(0) & 0xFF;
        int need = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xC2 && b0 <= 0xDF ? 2 : 1;
        if (need == 1 || n >= need) {
            return true;
        }
        // Short: full only if the bytes present already make it invalid.
        StringBuilder padded = new StringBuilder(s);
        while (padded.length() < need) {
            padded.append((char) (b0 == 0xF4 ? 0x80 : b0 == 0xED ? 0x80 : 0xBF));
        }
        long p = decode(padded, 0);
        return width(p) == 1;
    }

    private static long pack(int rune, int width) {
        return (long) rune << 32 | width;
    }

    /** The rune of a {@link #decode} result. */
    public static int rune(long decoded) {
        return (int) (decoded >>> 32);
    }

    /** The width in bytes of a {@link #decode} result. */
    public static int width(long decoded) {
        return (int) decoded;
    }

    /** Go's {@code utf8.ValidRune}. */
    public static boolean validRune(long r) {
        return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= GoUnicode.MAX_RUNE);
    }

    /** Appends the UTF-8 bytes of {@code r} (U+FFFD if invalid) to {@code sb}, one char per byte. */
    public static void encode(StringBuilder sb, long r) {
        if (!validRune(r)) {
            r = RUNE_ERROR;
        }
        int c = (int) r;
        if (c < 0x80) {
            sb.append((char) c);
        } else if (c < 0x800) {
            sb.append((char) (0xC0 | c >> 6)).append((char) (0x80 | c & 0x3F));
        } else if (c < 0x10000) {
            sb.append((char) (0xE0 | c >> 12)).append((char) (0x80 | c >> 6 & 0x3F))
                    .append((char) (0x80 | c & 0x3F));
        } else {
            sb.append((char) (0xF0 | c >> 18)).append((char) (0x80 | c >> 12 & 0x3F))
                    .append((char) (0x80 | c >> 6 & 0x3F)).append((char) (0x80 | c & 0x3F));
        }
    }

    /** The byte string of rune {@code r}: Go's {@code string(r)}. */
    public static String encode(long r) {
        StringBuilder sb = new StringBuilder(4);
        encode(sb, r);
        return sb.toString();
    }

    /** Go's {@code utf8.RuneLen}: bytes needed to encode {@code r}, or -1 if it is not valid. */
    public static int runeLen(long r) {
        if (!validRune(r)) {
            return -1;
        }
        return r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
    }

    /** Go's {@code utf8.RuneCountInString}: invalid bytes count one rune each. */
    public static int runeCount(CharSequence s) {
        int count = 0;
        for (int i = 0; i < s.length(); count++) {
            int b = s.charAt(i);
            i += b < 0x80 ? 1 : width(decode(s, i));
        }
        return count;
    }

    /** Go's {@code utf8.ValidString}. */
    public static boolean validString(CharSequence s) {
        for (int i = 0; i < s.length(); ) {
            long d = decode(s, i);
            if (rune(d) == RUNE_ERROR && width(d) == 1) {
                return false;
            }
            i += width(d);
        }
        return true;
    }

    /** Converts a Java (UTF-16) string to a byte string holding its UTF-8 encoding. */
    public static String fromJava(String javaString) {
        StringBuilder sb = new StringBuilder(javaString.length());
        javaString.codePoints().forEach(cp -> encode(sb, cp));
        return sb.toString();
    }

    /** Converts a byte string holding UTF-8 to a Java (UTF-16) string, invalid bytes as U+FFFD. */
    public static String toJava(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            long d = decode(s, i);
            sb.appendCodePoint(rune(d));
            i += width(d);
        }
        return sb.toString();
    }
}
