package gopl.runtime.fmt;

/**
 * Go 1.19's strconv quoting on byte strings: {@code Quote}, {@code QuoteToASCII},
 * {@code QuoteToGraphic}, {@code QuoteRune}, {@code QuoteRuneToASCII},
 * {@code QuoteRuneToGraphic}, their {@code Append} forms, and {@code CanBackquote}.
 *
 * <p>Guarantees the same bytes as Go: invalid UTF-8 bytes become {@code \xNN}; the quote and
 * backslash are escaped; printable runes (Go's {@code IsPrint}, see {@link GoUnicode}) are kept
 * (only ASCII ones in the ASCII forms); the C escapes {@code \a \b \f \n \r \t \v}; other
 * control bytes as {@code \\xNN}; other runes as backslash-u NNNN or backslash-U NNNNNNNN.
 */
public final class GoQuote {
    private GoQuote() {}

    private static final String LOWER_HEX = "0123456789abcdef";

    public static String quote(String s) {
        return appendQuoted(new StringBuilder(s.length() + 2), s, '"', false, false).toString();
    }

    public static String quoteToASCII(String s) {
        return appendQuoted(new StringBuilder(s.length() + 2), s, '"', true, false).toString();
    }

    public static String quoteToGraphic(String s) {
        return appendQuoted(new StringBuilder(s.length() + 2), s, '"', false, true).toString();
    }

    public static String quoteRune(long r) {
        return appendQuotedRune(new StringBuilder(8), r, false, false).toString();
    }

    public static String quoteRuneToASCII(long r) {
        return appendQuotedRune(new StringBuilder(8), r, true, false).toString();
    }

    public static String quoteRuneToGraphic(long r) {
        return appendQuotedRune(new StringBuilder(8), r, false, true).toString();
    }

    /** Go's {@code AppendQuote} family: appends the quoted form of {@code s} to {@code sb}. */
    public static StringBuilder appendQuoted(
            StringBuilder sb, CharSequence s, char quote, boolean asciiOnly, boolean graphicOnly) {
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int b = s.charAt(i) & 0xFF;
            int r = b;
            int width = 1;
            if (b >= Utf8.RUNE_SELF) {
                long d = Utf8.decode(s, i);
                r = Utf8.rune(d);
                width = Utf8.width(d);
            }
            if (width == 1 && r == Utf8.RUNE_ERROR) {
                sb.append("\\x").append(LOWER_HEX.charAt(b >> 4)).append(LOWER_HEX.charAt(b & 0xF));
            } else {
                appendEscapedRune(sb, r, quote, asciiOnly, graphicOnly);
            }
            i += width;
        }
        return sb.append(quote);
    }

    /** Go's {@code AppendQuoteRune} family; an invalid rune is quoted as U+FFFD. */
    public static StringBuilder appendQuotedRune(
            StringBuilder sb, long r, boolean asciiOnly, boolean graphicOnly) {
        // Go's rune is int32: the value is taken modulo 2^32 first.
        int rr = (int) r;
        if (!Utf8.validRune(rr)) {
            rr = Utf8.RUNE_ERROR;
        }
        sb.append('\'');
        appendEscapedRune(sb, rr, '\'', asciiOnly, graphicOnly);
        return sb.append('\'');
    }

    private static void appendEscapedRune(
            StringBuilder sb, int r, char quote, boolean asciiOnly, boolean graphicOnly) {
        if (r == quote || r == '\\') {
            sb.append('\\').append((char) r);
            return;
        }
        if (asciiOnly) {
            if (r < Utf8.RUNE_SELF && GoUnicode.isPrint(r)) {
                sb.append((char) r);
                return;
            }
        } else if (GoUnicode.isPrint(r) || graphicOnly && GoUnicode.isGraphic(r)) {
            Utf8.encode(sb, r);
            return;
        }
        switch (r) {
            case 0x07 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 0x0B -> sb.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7F) {
                    sb.append("\\x").append(LOWER_HEX.charAt(r >> 4)).append(LOWER_HEX.charAt(r & 0xF));
                } else if (!Utf8.validRune(r) || r < 0x10000) {
                    int v = Utf8.validRune(r) ? r : Utf8.RUNE_ERROR;
                    sb.append("\\u");
                    appendHex(sb, v, 4);
                } else {
                    sb.append("\\U");
                    appendHex(sb, r, 8);
                }
            }
        }
    }

    private static void appendHex(StringBuilder sb, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(LOWER_HEX.charAt(v >> shift & 0xF));
        }
    }

    /**
     * Go's {@code CanBackquote}: {@code s} can be written as a raw string literal without
     * control characters other than tab (no invalid UTF-8, no backquote, no BOM, no DEL).
     */
    public static boolean canBackquote(CharSequence s) {
        for (int i = 0; i < s.length(); ) {
            long d = Utf8.decode(s, i);
            int r = Utf8.rune(d);
            int w = Utf8.width(d);
            i += w;
            if (w > 1) {
                if (r == 0xFEFF) {
                    return false;
                }
                continue;
            }
            if (r == Utf8.RUNE_ERROR) {
                return false;
            }
            if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
