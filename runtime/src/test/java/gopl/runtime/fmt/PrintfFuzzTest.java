package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Random format strings against Go 1.19: printf_fuzz.txt (made by gen/gen_printf_fuzz.go) holds
 * Sprintf of random flag/index/width/precision/verb mixes over operands from a fixed pool,
 * rebuilt here in the same order.
 */
class PrintfFuzzTest {
    static final GoType T = Types.named("main.T", Types.struct_("A", Types.INT, "b", Types.STRING));

    static final Object[] POOL = {
        42L, -7L, Values.of(Types.UINT8, 200L), 3.25, -0.5f, Utf8.fromJava("héllo"), true, null,
        Values.list(Types.slice(Types.INT), 1, Values.ofInt(1), Values.ofInt(2)),
        Values.map(Types.map(Types.STRING, Types.INT), 1, Values.ofString("b"), Values.ofInt(2), Values.ofString("a"),
                Values.ofInt(1)),
        Values.struct(T, Values.ofInt(1), Values.ofString("x")),
        Values.list(Types.slice(Types.UINT8), 1, Values.of(Types.UINT8, (long) 'h'), Values.of(Types.UINT8, (long) 'i')),
        Values.of(Types.INT64, Long.MAX_VALUE), "", Values.of(Types.INT32, (long) 'x'),
        Values.of(Types.UINT64, -1L), Double.NEGATIVE_INFINITY, 1e-7,
        Values.list(Types.slice(Types.STRING), 1, Values.ofString("a"), Values.ofString("b")),
        Values.pointer(Types.pointer(T), 0xc000010000L, Values.struct(T, Values.ofInt(2), Values.ofString("y"))),
    };

    @Test
    void testGolden_matchesGo() throws IOException {
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();
        for (String[] row : GoldenFiles.read("printf_fuzz.txt")) {
            String format = GoldenFiles.unhex(row[0]);
            Object[] args;
            if (row[1].equals("-")) {
                args = new Object[0];
            } else {
                String[] ids = row[1].split(",");
                args = new Object[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    args[i] = POOL[Integer.parseInt(ids[i])];
                }
            }
            m.check(format + " " + row[1], GoldenFiles.unhex(row[2]), GoFmt.sprintf(format, args));
        }
        assertTrue(m.checked() > 9_000);
        m.assertNone();
    }
}
