package gopl.runtime.fmt;

/**
 * Go 1.19's rune classes and case mappings: {@code strconv.IsPrint}/{@code unicode.IsPrint},
 * {@code IsGraphic}, and {@code unicode.IsLetter}, {@code IsDigit}, {@code IsNumber},
 * {@code IsSpace}, {@code IsUpper}, {@code IsLower}, {@code IsTitle}, {@code IsPunct},
 * {@code IsControl}, {@code IsMark}, {@code IsSymbol}, {@code ToUpper}, {@code ToLower},
 * {@code ToTitle}, {@code SimpleFold}.
 *
 * <p>Guarantees Go's answers for every rune, because the tables ({@link UnicodeTables}) are
 * generated from Go 1.19 itself (Unicode 13); Java's {@code Character} follows a newer Unicode
 * version and different rules (e.g. for spaces and printability). Runes outside 0..U+10FFFF
 * belong to no class and map to themselves.
 */
public final class GoUnicode {
    private GoUnicode() {}

    /** Largest valid Unicode code point. */
    public static final int MAX_RUNE = 0x10FFFF;

    /** The range tables, decoded on first use. */
    private static final class Ranges {
        static final int[] PRINT = ranges(UnicodeTables.PRINT);
        static final int[] GRAPHIC = ranges(UnicodeTables.GRAPHIC);
        static final int[] LETTER = ranges(UnicodeTables.LETTER);
        static final int[] DIGIT = ranges(UnicodeTables.DIGIT);
        static final int[] NUMBER = ranges(UnicodeTables.NUMBER);
        static final int[] SPACE = ranges(UnicodeTables.SPACE);
        static final int[] UPPER = ranges(UnicodeTables.UPPER);
        static final int[] LOWER = ranges(UnicodeTables.LOWER);
        static final int[] TITLE = ranges(UnicodeTables.TITLE);
        static final int[] PUNCT = ranges(UnicodeTables.PUNCT);
        static final int[] CONTROL = ranges(UnicodeTables.CONTROL);
        static final int[] MARK = ranges(UnicodeTables.MARK);
        static final int[] SYMBOL = ranges(UnicodeTables.SYMBOL);
    }

    /** The case mappings, decoded on first use: sorted runes, and what each maps to. */
    private static final class Cases {
        static final int[][] UPPER = mapping(UnicodeTables.TO_UPPER);
        static final int[][] LOWER = mapping(UnicodeTables.TO_LOWER);
        static final int[][] TITLE = mapping(UnicodeTables.TO_TITLE);
        static final int[][] FOLD = mapping(UnicodeTables.SIMPLE_FOLD);
    }

    /**
     * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
     * space U+0020 (other spaces are not printable).
     */
    public static boolean isPrint(int r) {
        if (r >= 0x20 && r < 0x7F) {
            return true;
        }
        return r >= 0x7F && in(Ranges.PRINT, r);
    }

    /** Go's {@code unicode.IsGraphic}: like isPrint, but every Unicode space (Zs) counts too. */
    public static boolean isGraphic(int r) {
        if (r >= 0x20 && r < 0x7F) {
            return true;
        }
        return r >= 0x7F && in(Ranges.GRAPHIC, r);
    }

    public static boolean isLetter(int r) {
        if (r < 0x80) {
            return (r | 0x20) >= 'a' && (r | 0x20) <= 'z';
        }
        return in(Ranges.LETTER, r);
    }

    public static boolean isDigit(int r) {
        if (r < 0x80) {
            return r >= '0' && r <= '9';
        }
        return in(Ranges.DIGIT, r);
    }

    public static boolean isNumber(int r) {
        return in(Ranges.NUMBER, r);
    }

    /** Go's {@code unicode.IsSpace}: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0 and Z. */
    public static boolean isSpace(int r) {
        if (r < 0x80) {
            return r == ' ' || (r >= '\t' && r <= '\r');
        }
        return in(Ranges.SPACE, r);
    }

    public static boolean isUpper(int r) {
        if (r < 0x80) {
            return r >= 'A' && r <= 'Z';
        }
        return in(Ranges.UPPER, r);
    }

    public static boolean isLower(int r) {
        if (r < 0x80) {
            return r >= 'a' && r <= 'z';
        }
        return in(Ranges.LOWER, r);
    }

    public static boolean isTitle(int r) {
        return in(Ranges.TITLE, r);
    }

    public static boolean isPunct(int r) {
        return in(Ranges.PUNCT, r);
    }

    public static boolean isControl(int r) {
        return in(Ranges.CONTROL, r);
    }

    public static boolean isMark(int r) {
        return in(Ranges.MARK, r);
    }

    public static boolean isSymbol(int r) {
        return in(Ranges.SYMBOL, r);
    }

    /** Go's {@code unicode.ToUpper}. */
    public static int toUpper(int r) {
        if (r < 0x80) {
            return r >= 'a' && r <= 'z' ? r - 32 : r;
        }
        return map(Cases.UPPER, r);
    }

    /** Go's {@code unicode.ToLower}. */
    public static int toLower(int r) {
        if (r < 0x80) {
            return r >= 'A' && r <= 'Z' ? r + 32 : r;
        }
        return map(Cases.LOWER, r);
    }

    /** Go's {@code unicode.ToTitle}. */
    public static int toTitle(int r) {
        if (r < 0x80) {
            return r >= 'a' && r <= 'z' ? r - 32 : r;
        }
        return map(Cases.TITLE, r);
    }

    /**
     * Go's {@code unicode.SimpleFold}: the next rune after {@code r} in its case-folding orbit
     * (wrapping around to the smallest), or {@code r} itself if it has no other case.
     */
    public static int simpleFold(int r) {
        if (r < 0 || r > MAX_RUNE) {
            return r;
        }
        return map(Cases.FOLD, r);
    }

    private static boolean in(int[] pairs, int r) {
        if (r < 0 || r > MAX_RUNE) {
            return false;
        }
        // Find the last range starting at or below r.
        int lo = 0;
        int hi = pairs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pairs[2 * mid] <= r) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 && r <= pairs[2 * hi + 1];
    }

    private static int map(int[][] table, int r) {
        int i = java.util.Arrays.binarySearch(table[0], r);
        return i >= 0 ? table[1][i] : r;
    }

    /** Decodes "lo-hi,lo-hi" (hex) into [lo, hi, lo, hi, ...]. */
    private static int[] ranges(String table) {
        String[] parts = table.split(",");
        int[] out = new int[parts.length * 2];
        for (int i = 0; i < parts.length; i++) {
            int dash = parts[i].indexOf('-');
            out[2 * i] = Integer.parseInt(parts[i], 0, dash, 16);
            out[2 * i + 1] = Integer.parseInt(parts[i], dash + 1, parts[i].length(), 16);
        }
        return out;
    }

    /** Decodes "r:m,r:m" (hex, ascending r) into {runes, mapped}. */
    private static int[][] mapping(String table) {
        String[] parts = table.split(",");
        int[][] out = new int[2][parts.length];
        for (int i = 0; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            out[0][i] = Integer.parseInt(parts[i], 0, colon, 16);
            out[1][i] = Integer.parseInt(parts[i], colon + 1, parts[i].length(), 16);
        }
        return out;
    }
}
