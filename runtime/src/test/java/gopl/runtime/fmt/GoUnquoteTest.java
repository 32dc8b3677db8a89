package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Unquoting against Go 1.19: unquote.txt (made by gen/gen_unquote.go) holds Unquote and
 * QuotedPrefix of tricky literals and of random byte strings quoted or merely wrapped in quotes.
 */
class GoUnquoteTest {
    @Test
    void testGolden_matchesGo() throws IOException {
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();
        for (String[] row : GoldenFiles.read("unquote.txt")) {
            String in = GoldenFiles.unhex(row[1]);
            String out = row[0].equals("Unquote") ? GoUnquote.unquote(in) : GoUnquote.quotedPrefix(in);
            String expected = row[2].equals("ERR") ? "ERR" : GoldenFiles.unhex(row[2]);
            m.check(row[0] + "(" + row[1] + ")", expected, out == null ? "ERR" : out);
        }
        assertTrue(m.checked() > 800);
        m.assertNone();
    }

    @Test
    void testUnquoteChar_escapes() {
        GoUnquote.Char c = GoUnquote.unquoteChar("\\u263atail", '"');
        assertEquals(0x263A, c.value());
        assertTrue(c.multibyte());
        assertEquals("tail", c.tail());
        assertNull(GoUnquote.unquoteChar("\\'", '"'));
        assertEquals(255, GoUnquote.unquoteChar("\\377", '"').value());
    }
}
