package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * String and []byte operands against Go 1.19: strings.txt (made by gen/gen_strings.go) holds
 * Sprintf results for every string verb (and bad ones) with flags, widths and precisions on
 * ASCII, multi-byte, invalid-UTF-8 and control-character inputs.
 */
class GoStringsTest {
    @Test
    void testGolden_matchesGo() throws IOException {
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();
        for (String[] row : GoldenFiles.read("strings.txt")) {
            String in = GoldenFiles.unhex(row[1]);
            Object operand = row[0].equals("string") ? in : bytes(in);
            m.check(row[0] + "(" + row[1] + ") " + row[2], GoldenFiles.unhex(row[3]), GoFmt.sprintf(row[2], operand));
        }
        assertTrue(m.checked() > 9_000);
        m.assertNone();
    }

    private static GoValue bytes(String s) {
        GoValue[] vs = new GoValue[s.length()];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = Values.of(Types.UINT8, (long) s.charAt(i));
        }
        return Values.list(Types.slice(Types.UINT8), 0xc000010000L, vs);
    }
}
