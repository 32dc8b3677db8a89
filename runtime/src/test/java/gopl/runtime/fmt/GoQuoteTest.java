package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Quoting, rune classification and UTF-8 against Go 1.19: quote.txt (made by gen/gen_quote.go)
 * covers every single byte, tricky and random byte strings (invalid, overlong, surrogate
 * encodings) and a spread of runes including invalid ones.
 */
class GoQuoteTest {
    @Test
    void testGolden_matchesGo() throws IOException {
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();
        for (String[] row : GoldenFiles.read("quote.txt")) {
            String name = row[0];
            String expected = GoldenFiles.unhex(row[2]);
            String actual;
            if (isRuneFunction(name)) {
                int r = Integer.parseInt(row[1]);
                actual = runeFunction(name, r);
            } else {
                actual = stringFunction(name, GoldenFiles.unhex(row[1]));
            }
            m.check(name + " " + row[1], expected, actual);
        }
        assertTrue(m.checked() > 100_000);
        m.assertNone();
    }

    private static boolean isRuneFunction(String name) {
        return switch (name) {
            case "QuoteRune", "QuoteRuneToASCII", "QuoteRuneToGraphic", "IsPrint", "IsGraphic", "string" -> true;
            default -> name.startsWith("RuneSprintf");
        };
    }

    private static String runeFunction(String name, int r) {
        return switch (name) {
            case "QuoteRune" -> GoQuote.quoteRune(r);
            case "QuoteRuneToASCII" -> GoQuote.quoteRuneToASCII(r);
            case "QuoteRuneToGraphic" -> GoQuote.quoteRuneToGraphic(r);
            case "IsPrint" -> String.valueOf(GoUnicode.isPrint(r));
            case "IsGraphic" -> String.valueOf(GoUnicode.isGraphic(r));
            case "string" -> Utf8.encode(r);
            default -> GoFmt.sprintf(name.substring("RuneSprintf".length()), Values.of(Types.INT32, r));
        };
    }

    private static String stringFunction(String name, String s) {
        return switch (name) {
            case "Quote" -> GoQuote.quote(s);
            case "QuoteToASCII" -> GoQuote.quoteToASCII(s);
            case "QuoteToGraphic" -> GoQuote.quoteToGraphic(s);
            case "CanBackquote" -> String.valueOf(GoQuote.canBackquote(s));
            case "ValidString" -> String.valueOf(Utf8.validString(s));
            case "RuneCount" -> String.valueOf(Utf8.runeCount(s));
            case "DecodeRune" -> {
                long d = Utf8.decode(s, 0);
                yield Utf8.rune(d) + " " + Utf8.width(d);
            }
            case "DecodeLastRune" -> {
                long d = Utf8.decodeLast(s);
                yield Utf8.rune(d) + " " + Utf8.width(d);
            }
            case "FullRune" -> String.valueOf(Utf8.fullRune(s));
            default -> GoFmt.sprintf(name.substring("Sprintf".length()), s);
        };
    }

    @Test
    void testQuote_examplesFromTheGoDocs() {
        assertEquals("\"\\\"Fran & Freddie's Diner\\t☺\\\"\"",
                Utf8.toJava(GoQuote.quote(Utf8.fromJava("\"Fran & Freddie's Diner\t☺\""))));
        assertEquals("\"\\\"Fran & Freddie's Diner\\t\\u263a\\\"\"",
                GoQuote.quoteToASCII(Utf8.fromJava("\"Fran & Freddie's Diner\t☺\"")));
        assertEquals("'☺'", Utf8.toJava(GoQuote.quoteRune(0x263A)));
        assertEquals("'\\u263a'", GoQuote.quoteRuneToASCII(0x263A));
    }
}
