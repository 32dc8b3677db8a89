package gopl.runtime.fmt;

import static gopl.runtime.fmt.GoBuiltinPrint.formatFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** gc's builtin print/println text; expectations from running the same operands with Go 1.19. */
class GoBuiltinPrintTest {
    @Test
    void testFloats_likeGcRuntime() {
        double[] in = {1.5, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e300,
            1e-300, 123456789.0, 0.1, (double) 0.1f, 9.9999999, 5e-324, Double.MAX_VALUE, -0.0, 2.5e-5,
            999999.95, 0.99999999, 1e100, 12345678.0, 1.0000001};
        String[] want = {"+1.500000e+000", "+0.000000e+000", "+Inf", "-Inf", "NaN", "+1.000000e+300",
            "+1.000000e-300", "+1.234568e+008", "+1.000000e-001", "+1.000000e-001", "+1.000000e+001",
            "+4.940656e-324", "+1.797693e+308", "-0.000000e+000", "+2.500000e-005", "+1.000000e+006",
            "+1.000000e+000", "+1.000000e+100", "+1.234568e+007", "+1.000000e+000"};
        for (int i = 0; i < in.length; i++) {
            assertEquals(want[i], formatFloat(in[i]), "print(" + in[i] + ")");
        }
    }

    @Test
    void testOperands_printAndPrintln() {
        assertEquals("true false -9223372036854775808 18446744073709551615 255 -3 str 120\n",
                GoBuiltinPrint.join(true, GoBuiltinPrint.formatBool(true), GoBuiltinPrint.formatBool(false),
                        GoBuiltinPrint.formatInt(Long.MIN_VALUE), GoBuiltinPrint.formatUint(-1L),
                        GoBuiltinPrint.format(Values.of(Types.UINTPTR, 255L)),
                        GoBuiltinPrint.format(Values.of(Types.INT8, -3L)), "str",
                        GoBuiltinPrint.format(Values.of(Types.INT32, 120L))));
        assertEquals("a12b\n", GoBuiltinPrint.join(false, "a", "1", "2", "b\n"));
        assertEquals("0x0 0x0 [0/0]0x0 (0x0,0x0)\n", GoBuiltinPrint.join(true,
                GoBuiltinPrint.format(Values.nil(Types.pointer(Types.INT))),
                GoBuiltinPrint.format(Values.nil(Types.map(Types.INT, Types.INT))),
                GoBuiltinPrint.format(Values.nil(Types.slice(Types.INT))),
                GoBuiltinPrint.formatInterface(0, 0)));
        assertEquals("0xc000012345", GoBuiltinPrint.formatPointer(0xc000012345L));
    }
}
