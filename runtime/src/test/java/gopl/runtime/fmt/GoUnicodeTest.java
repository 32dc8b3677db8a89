package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Rune classes and case mappings against Go 1.19: unicode.txt (made by gen/gen_unicode.go)
 * holds every predicate, case mapping and SimpleFold for all runes below U+0800 and a spread above.
 */
class GoUnicodeTest {
    private static final IntPredicate[] PREDICATES = {GoUnicode::isPrint, GoUnicode::isGraphic,
        GoUnicode::isLetter, GoUnicode::isDigit, GoUnicode::isNumber, GoUnicode::isSpace, GoUnicode::isUpper,
        GoUnicode::isLower, GoUnicode::isTitle, GoUnicode::isPunct, GoUnicode::isControl, GoUnicode::isMark,
        GoUnicode::isSymbol};

    @Test
    void testGolden_matchesGo() throws IOException {
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();
        for (String[] row : GoldenFiles.read("unicode.txt")) {
            int r = Integer.parseInt(row[0]);
            StringBuilder bits = new StringBuilder();
            for (IntPredicate p : PREDICATES) {
                bits.append(p.test(r) ? '1' : '0');
            }
            String actual = bits + "\t" + GoUnicode.toUpper(r) + "\t" + GoUnicode.toLower(r) + "\t"
                    + GoUnicode.toTitle(r) + "\t" + GoUnicode.simpleFold(r);
            m.check("rune " + r, String.join("\t", java.util.Arrays.copyOfRange(row, 1, 6)), actual);
        }
        assertTrue(m.checked() > 30_000);
        m.assertNone();
    }

    @Test
    void testSpaces_goRulesNotJavas() {
        assertTrue(GoUnicode.isSpace(0x85));
        assertTrue(GoUnicode.isSpace(0xA0));
        assertFalse(GoUnicode.isPrint(0xA0));
        assertTrue(GoUnicode.isGraphic(0xA0));
        assertEquals('K', GoUnicode.toUpper('k'));
        assertEquals(0x1C5, GoUnicode.toTitle(0x1C4)); // DŽ -> Dž
        // The folding orbit of K is K -> k -> U+212A (Kelvin sign) -> K, as Go documents.
        assertEquals('k', GoUnicode.simpleFold('K'));
        assertEquals(0x212A, GoUnicode.simpleFold('k'));
        assertEquals('K', GoUnicode.simpleFold(0x212A));
        assertEquals('1', GoUnicode.simpleFold('1'));
    }
}
