package gopl.runtime.fmt;

/**
 * Go 1.19's {@code strconv.Unquote}, {@code QuotedPrefix} and {@code UnquoteChar} on byte
 * strings: the inverse of {@link GoQuote} for Go's interpreted ("..."), rune ('...') and raw
 * (`...`) literal syntax. Where Go returns {@code ErrSyntax}, these return null.
 *
 * <p>Guarantees Go's exact acceptance: escapes {@code \a \b \f \n \r \t \v \\ \' \"} (a quote
 * escape only inside its own kind of literal), {@code \xNN} and three-digit octal (at most 255)
 * give bytes, {@code \\uNNNN}/{@code \\UNNNNNNNN} give valid runes only; a raw literal drops
 * carriage returns; a rune literal holds exactly one character; literals may not contain
 * newlines; invalid UTF-8 inside an escaped literal decodes as U+FFFD, as Go's does.
 */
public final class GoUnquote {
    private GoUnquote() {}

    /** One decoded character: its value, whether it is a multi-byte rune, and the rest. */
    public record Char(int value, boolean multibyte, String tail) {}

    /** Go's {@code strconv.UnquoteChar(s, quote)}, or null for ErrSyntax. */
    public static Char unquoteChar(String s, char quote) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        if (c == quote && (quote == '\'' || quote == '"')) {
            return null;
        } else if (c >= Utf8.RUNE_SELF) {
            long d = Utf8.decode(s, 0);
            return new Char(Utf8.rune(d), true, s.substring(Utf8.width(d)));
        } else if (c != '\\') {
            return new Char(c, false, s.substring(1));
        }
        // Escaped character.
        if (s.length() <= 1) {
            return null;
        }
        c = s.charAt(1);
        s = s.substring(2);
        int value;
        boolean multibyte = false;
        switch (c) {
            case 'a' -> value = 0x07;
            case 'b' -> value = '\b';
            case 'f' -> value = '\f';
            case 'n' -> value = '\n';
            case 'r' -> value = '\r';
            case 't' -> value = '\t';
            case 'v' -> value = 0x0B;
            case 'x', 'u', 'U' -> {
                int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (s.length() < n) {
                    return null;
                }
                int v = 0;
                for (int j = 0; j < n; j++) {
                    int x = Character.digit(s.charAt(j), 16);
                    if (x < 0 || s.charAt(j) > 'f') {
                        return null;
                    }
                    v = v << 4 | x;
                }
                s = s.substring(n);
                if (c != 'x') {
                    if (!Utf8.validRune(v)) {
                        return null;
                    }
                    multibyte = true;
                }
                value = v;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int v = c - '0';
                if (s.length() < 2) {
                    return null;
                }
                for (int j = 0; j < 2; j++) {
                    int x = s.charAt(j) - '0';
                    if (x < 0 || x > 7) {
                        return null;
                    }
                    v = (v << 3) | x;
                }
                s = s.substring(2);
                if (v > 255) {
                    return null;
                }
                value = v;
            }
            case '\\' -> value = '\\';
            case '\'', '"' -> {
                if (c != quote) {
                    return null;
                }
                value = c;
            }
            default -> {
                return null;
            }
        }
        return new Char(value, multibyte, s);
    }

    /** Go's {@code strconv.Unquote}, or null for ErrSyntax. */
    public static String unquote(String s) {
        String[] outRem = unquote(s, true);
        return outRem == null || !outRem[1].isEmpty() ? null : outRem[0];
    }

    /** Go's {@code strconv.QuotedPrefix}: the quoted literal at the start of s, or null. */
    public static String quotedPrefix(String s) {
        String[] outRem = unquote(s, false);
        return outRem == null ? null : outRem[0];
    }

    /** {out, remainder}, or null for a syntax error. */
    private static String[] unquote(String in, boolean unescape) {
        if (in.length() < 2) {
            return null;
        }
        char quote = in.charAt(0);
        int end = in.indexOf(quote, 1);
        if (end < 0) {
            return null;
        }
        end++; // just past the first closing quote (a guess when escapes are present)
        switch (quote) {
            case '`' -> {
                String out;
                if (!unescape) {
                    out = in.substring(0, end); // include quotes
                } else {
                    out = in.substring(1, end - 1).replace("\r", "");
                }
                return new String[] {out, in.substring(end)};
            }
            case '"', '\'' -> {
                return unquoteInterpreted(in, quote, end, unescape);
            }
            default -> {
                return null;
            }
        }
    }

    private static String[] unquoteInterpreted(String in, char quote, int end, boolean unescape) {
        // Literal without escapes or newlines: the body is the value if it is valid UTF-8.
        String body = in.substring(0, end);
        if (body.indexOf('\\') < 0 && body.indexOf('\n') < 0) {
            boolean valid;
            String inner = in.substring(1, end - 1);
            if (quote == '"') {
                valid = Utf8.validString(inner);
            } else {
                long d = Utf8.decode(inner, 0);
                valid = 1 + Utf8.width(d) + 1 == end && (Utf8.rune(d) != Utf8.RUNE_ERROR || Utf8.width(d) != 1);
            }
            if (valid) {
                return new String[] {unescape ? inner : body, in.substring(end)};
            }
        }
        // Otherwise decode character by character.
        StringBuilder buf = new StringBuilder(end);
        String rest = in.substring(1); // skip starting quote
        while (!rest.isEmpty() && rest.charAt(0) != quote) {
            Char ch = unquoteChar(rest, quote);
            if (rest.charAt(0) == '\n' || ch == null) {
                return null;
            }
            rest = ch.tail();
            if (ch.value() < Utf8.RUNE_SELF || !ch.multibyte()) {
                buf.append((char) ch.value());
            } else {
                Utf8.encode(buf, ch.value());
            }
            if (quote == '\'') {
                break; // a rune literal holds exactly one character
            }
        }
        if (rest.isEmpty() || rest.charAt(0) != quote) {
            return null;
        }
        rest = rest.substring(1); // skip terminating quote
        String out = unescape ? buf.toString() : in.substring(0, in.length() - rest.length());
        return new String[] {out, rest};
    }
}
