package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Integer formatting against Go 1.19: ints.txt (made by gen/gen_ints.go) holds Sprintf results
 * for every integer type, every verb (including bad ones) and many flag/width/precision mixes.
 */
class GoIntsTest {
    private static final Map<String, GoType> TYPES = Map.ofEntries(
            Map.entry("int", Types.INT), Map.entry("int8", Types.INT8), Map.entry("int16", Types.INT16),
            Map.entry("int32", Types.INT32), Map.entry("int64", Types.INT64), Map.entry("uint", Types.UINT),
            Map.entry("uint8", Types.UINT8), Map.entry("uint16", Types.UINT16),
            Map.entry("uint32", Types.UINT32), Map.entry("uint64", Types.UINT64),
            Map.entry("uintptr", Types.UINTPTR));

    @Test
    void testGolden_matchesGo() throws IOException {
        GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();
        for (String[] row : GoldenFiles.read("ints.txt")) {
            GoType t = TYPES.get(row[0]);
            long v = t.kind().isUnsigned() ? Long.parseUnsignedLong(row[1]) : Long.parseLong(row[1]);
            String actual = GoFmt.sprintf(row[2], Values.of(t, v));
            m.check(row[0] + "(" + row[1] + ") " + row[2], GoldenFiles.unhex(row[3]), actual);
        }
        assertTrue(m.checked() > 40_000);
        m.assertNone();
    }

    @Test
    void testJavaBoxes_mapToUnnamedGoTypes() {
        assertEquals("int=7 int32=120 uint8=255 float32=0.1 bool=true",
                GoFmt.sprintf("%T=%v %T=%v %T=%v %T=%v %T=%v", 7L, 7L, 'x', 'x', (byte) -1, (byte) -1,
                        0.1f, 0.1f, true, true));
    }
}
