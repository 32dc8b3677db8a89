package gopl.runtime.fmt;

/**
 * Go's {@code strconv.IsPrint} / {@code unicode.IsPrint} and {@code strconv.IsGraphic}, from
 * tables generated out of Go 1.19 itself ({@link UnicodeTables}), so that quoting decides exactly
 * as Go does (Java's {@code Character} classes follow a different Unicode version and other rules).
 */
public final class GoUnicode {
    private GoUnicode() {}

    /** Largest valid Unicode code point. */
    public static final int MAX_RUNE = 0x10FFFF;

    /**
     * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
     * space U+0020 (other spaces are not printable).
     */
    public static boolean isPrint(int r) {
        if (r >= 0x20 && r < 0x7F) {
            return true;
        }
        return in(UnicodeTables.PRINT, r);
    }

    /** Go's {@code unicode.IsGraphic}: like isPrint, but every Unicode space (Zs) counts too. */
    public static boolean isGraphic(int r) {
        if (r >= 0x20 && r < 0x7F) {
            return true;
        }
        return in(UnicodeTables.GRAPHIC, r);
    }

    private static boolean in(int[] pairs, int r) {
        if (r < 0 || r > MAX_RUNE) {
            return false;
        }
        // Search the range starts (even indexes) for the last lo <= r.
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

}
