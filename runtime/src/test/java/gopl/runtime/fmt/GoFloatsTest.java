package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Float formatting against Go 1.19: floats.txt (made by gen/gen_floats.go) holds Sprintf and
 * strconv.FormatFloat results for special values and ~14,000 random float64/float32 values.
 */
class GoFloatsTest {
    @Test
    void testGolden_matchesGo() throws IOException {
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();
        for (String[] row : GoldenFiles.read("floats.txt")) {
            String kind = row[0];
            long bits = Long.parseUnsignedLong(row[1], 16);
            String spec = row[2];
            String expected = row[3];
            String actual;
            switch (kind) {
                case "f64" -> actual = GoFmt.sprintf(spec, Double.longBitsToDouble(bits));
                case "f32" -> actual = GoFmt.sprintf(spec, Float.intBitsToFloat((int) bits));
                case "F64", "F32" -> {
                    double v = kind.equals("F64") ? Double.longBitsToDouble(bits)
                            : (double) Float.intBitsToFloat((int) bits);
                    actual = GoFloats.formatFloat(v, spec.charAt(0), Integer.parseInt(spec.substring(1)),
                            kind.equals("F64") ? 64 : 32);
                }
                default -> throw new IllegalStateException(kind);
            }
            m.check(kind + " " + row[1] + " " + spec, expected, actual);
        }
        assertTrue(m.checked() > 100_000);
        m.assertNone();
    }

    @Test
    void testShortest_isNotJavasToString() {
        assertEquals("5e-324", GoFloats.formatFloat(Double.MIN_VALUE, 'g', -1, 64));
        assertEquals("1e+23", GoFloats.formatFloat(1e23, 'g', -1, 64));
        assertEquals("0.1", GoFloats.formatFloat(0.1f, 'g', -1, 32));
        assertEquals("0.10000000149011612", GoFloats.formatFloat(0.1f, 'g', -1, 64));
    }

    @Test
    void testSpecials_signsAndNaN() {
        assertEquals("-0", GoFmt.sprintf("%v", -0.0));
        assertEquals("+Inf", GoFmt.sprintf("%v", Double.POSITIVE_INFINITY));
        assertEquals("  -Inf", GoFmt.sprintf("%06v", Double.NEGATIVE_INFINITY));
        assertEquals("NaN", GoFmt.sprintf("%v", Double.NaN));
        assertEquals("NaN", GoFmt.sprintf("%+v", Double.NaN));
        assertEquals("+NaN", GoFmt.sprintf("%+f", Double.NaN));
        assertEquals(" NaN", GoFmt.sprintf("% f", Double.NaN));
    }
}
