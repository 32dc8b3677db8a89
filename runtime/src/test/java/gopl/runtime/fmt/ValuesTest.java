package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operand conversion: Java boxes, GoValues, nil, and the runtime's adapter hook. */
class ValuesTest {
    private record Celsius(double degrees) {}

    @AfterEach
    void resetAdapter() {
        Values.setAdapter(null);
    }

    @Test
    void testAdapter_convertsTheRuntimesOwnValues() {
        GoType celsius = Types.named("main.Celsius", Types.FLOAT64);
        Values.setAdapter(o -> Values.withMethod(Values.of(celsius, ((Celsius) o).degrees()), FmtMethod.STRING,
                () -> GoFmt.sprintf("%.1fC", ((Celsius) o).degrees())));
        assertEquals("21.5C main.Celsius 21.5", GoFmt.sprintf("%v %T %.1f", new Celsius(21.5), new Celsius(0),
                new Celsius(21.5)));
    }

    @Test
    void testUnknownObject_withoutAdapterIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> GoFmt.sprint(new Object()));
    }

    @Test
    void testTruncation_ofIntegerKinds() {
        assertEquals("-1 255 65535 4294967295 -128", GoFmt.sprint(Values.of(Types.INT8, 255L),
                Values.of(Types.UINT8, -1L), Values.of(Types.UINT16, -1L), Values.of(Types.UINT32, -1L),
                Values.of(Types.INT8, 128L)));
    }

    @Test
    void testNilOperand_isANilInterface() {
        Object nil = null;
        assertEquals("<nil> <nil>\n", GoFmt.sprintln(nil, nil));
        assertEquals("%!s(<nil>)", GoFmt.sprintf("%s", nil));
    }
}
