package gopl.runtime.fmt;

/**
 * The syntax of a Go floating-point string as {@code strconv.ParseFloat} reads it (its
 * readFloat): optional sign; decimal digits with an optional point and optional exponent
 * {@code e[+-]digits}, or {@code 0x} hex digits with an optional point and a mandatory exponent
 * {@code p[+-]digits}; underscores only between digits (Go's underscoreOK). The whole string
 * must match.
 */
final class FloatSyntax {
    private FloatSyntax() {}

    /**
     * The string without underscores, in a form Java's {@code Double.parseDouble} reads with the
     * same meaning, or null if Go would report a syntax error.
     */
    static String clean(String s) {
        int i = 0;
        int n = s.length();
        StringBuilder out = new StringBuilder(n + 2);
        boolean underscores = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            out.append(s.charAt(i));
            i++;
        }
        boolean hex = false;
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x') {
            hex = true;
            out.append("0x");
            i += 2;
        }
        boolean sawDot = false;
        boolean sawDigits = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) {
                    break;
                }
                sawDot = true;
                out.append(c);
            } else if (isDigit(c, hex)) {
                sawDigits = true;
                out.append(c);
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return null;
        }
        char expChar = hex ? 'p' : 'e';
        if (i < n && (s.charAt(i) | 0x20) == expChar) {
            out.append(expChar);
            i++;
            if (i >= n) {
                return null;
            }
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                out.append(s.charAt(i));
                i++;
            }
            if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
            for (; i < n && (isDigit(s.charAt(i), false) || s.charAt(i) == '_'); i++) {
                if (s.charAt(i) == '_') {
                    underscores = true;
                } else {
                    out.append(s.charAt(i));
                }
            }
        } else if (hex) {
            return null;
        }
        if (i != n) {
            return null;
        }
        if (underscores && !underscoreOK(s)) {
            return null;
        }
        return out.toString();
    }

    private static boolean isDigit(char c, boolean hex) {
        return ('0' <= c && c <= '9') || (hex && 'a' <= (c | 0x20) && (c | 0x20) <= 'f');
    }

    /**
     * Go's underscoreOK: underscores only between digits (or after a base prefix), for both
     * integer (base 0) and float syntax.
     */
    static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char c1 = (char) (s.charAt(1) | 0x20);
            if (c1 == 'b' || c1 == 'o' || c1 == 'x') {
                i = 2;
                saw = '0';
                hex = c1 == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c, hex)) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }
}
