package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * strconv parsing against Go 1.19: strconv.txt (made by gen/gen_strconv.go) holds the value and
 * error text of ParseInt/ParseUint (every base and bit size, valid and invalid), Atoi,
 * ParseFloat (float64 and float32, decimal and hex, specials, range errors) and ParseBool.
 */
class GoStrconvTest {
    @Test
    void testGolden_matchesGo() throws IOException {
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();
        for (String[] row : GoldenFiles.read("strconv.txt")) {
            String fn = row[0];
            int base = Integer.parseInt(row[1]);
            int bits = Integer.parseInt(row[2]);
            String in = GoldenFiles.unhex(row[3]);
            String value;
            GoStrconv.NumError err;
            switch (fn) {
                case "ParseInt" -> {
                    GoStrconv.IntResult r = GoStrconv.parseInt(in, base, bits);
                    value = Long.toString(r.value());
                    err = r.err();
                }
                case "ParseUint" -> {
                    GoStrconv.IntResult r = GoStrconv.parseUint(in, base, bits);
                    value = Long.toUnsignedString(r.value());
                    err = r.err();
                }
                case "Atoi" -> {
                    GoStrconv.IntResult r = GoStrconv.atoi(in);
                    value = Long.toString(r.value());
                    err = r.err();
                }
                case "ParseFloat" -> {
                    GoStrconv.FloatResult r = GoStrconv.parseFloat(in, bits);
                    value = GoFloats.formatFloat(r.value(), 'g', -1, 64);
                    err = r.err();
                }
                case "ParseBool" -> {
                    GoStrconv.BoolResult r = GoStrconv.parseBool(in);
                    value = String.valueOf(r.value());
                    err = r.err();
                }
                default -> throw new IllegalStateException(fn);
            }
            String actual = value + "\t" + (err == null ? "<nil>" : err.error());
            m.check(fn + "(" + row[3] + ", " + base + ", " + bits + ")", row[4] + "\t" + row[5], actual);
        }
        assertTrue(m.checked() > 20_000);
        m.assertNone();
    }

    @Test
    void testAtoi_errorText() {
        assertEquals("strconv.Atoi: parsing \"x\": invalid syntax", GoStrconv.atoi("x").err().error());
        assertEquals(12, GoStrconv.atoi("12").value());
        assertNull(GoStrconv.atoi("-12").err());
    }

    @Test
    void testFormatInt_bases() {
        assertEquals("-ff", GoStrconv.formatInt(-255, 16));
        assertEquals("18446744073709551615", GoStrconv.formatUint(-1L, 10));
        assertEquals("1111111111111111111111111111111111111111111111111111111111111111", GoStrconv.formatUint(-1L, 2));
        assertEquals("-9223372036854775808", GoStrconv.itoa(Long.MIN_VALUE));
        assertEquals("zz", GoStrconv.formatInt(1295, 36));
        assertThrows(IllegalArgumentException.class, () -> GoStrconv.formatInt(1, 37));
    }
}
