package gopl.runtime.fmt;

import static gopl.runtime.fmt.Types.INT;
import static gopl.runtime.fmt.Types.named;
import static gopl.runtime.fmt.Types.pointer;
import static gopl.runtime.fmt.Types.struct_;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Addresses: %p and pointers below the top level. Go's addresses vary per run, so these
 * expectations come from a Go 1.19 program that made pointers from a fixed uintptr.
 */
class GoFmtPointersTest {
    static final long ADDR = 0xc000012345L;
    static final GoType T = named("main.T", struct_("X", INT));
    static final GoValue P = Values.pointer(pointer(T), ADDR, Values.struct(T, Values.ofInt(0)));
    static final GoValue NILP = Values.nil(pointer(T));

    @Test
    void testUnsafePointer_allIntegerVerbs() {
        GoValue u = Values.opaque(Types.UNSAFE_POINTER, ADDR);
        assertEquals("0xc000012345|c000012345|0xc000012345|c000012345|C000012345|824633795397|"
                        + "(unsafe.Pointer)(0xc000012345)|        0xc000012345|0xc000012345        |",
                GoFmt.sprintf("%p|%#p|%v|%x|%X|%d|%#v|%20p|%-20p|", u, u, u, u, u, u, u, u, u));
    }

    @Test
    void testNestedPointers_printAsAddresses() {
        GoType l = named("main.L", struct_("Next", pointer(T), "F", Types.func("func()")));
        GoValue lv = Values.struct(l, P, Values.nil(Types.func("func()")));
        assertEquals("{0xc000012345 <nil>}|{Next:0xc000012345 F:<nil>}|"
                        + "main.L{Next:(*main.T)(0xc000012345), F:(func())(nil)}",
                GoFmt.sprintf("%v|%+v|%#v", lv, lv, lv));
        GoValue ps = Values.list(Types.slice(pointer(T)), 1, P, NILP);
        GoValue one = Values.list(Types.slice(pointer(T)), 1, P);
        assertEquals("[0xc000012345 <nil>]|[]*main.T{(*main.T)(0xc000012345), (*main.T)(nil)}|[%!s(*main.T=&{0})]",
                GoFmt.sprintf("%v|%#v|%s", ps, ps, one));
    }

    @Test
    void testBadPointerVerb_andNilPointer() {
        GoValue c = Values.withMethod(Values.of(named("main.Celsius", Types.FLOAT64), 2.0), FmtMethod.STRING,
                () -> "C");
        assertEquals("%!p(int=5)|%!p(main.Celsius=2)|%!p(string=s)", GoFmt.sprintf("%p|%p|%p", 5, c, "s"));
        assertEquals("0x0|0|<nil>|(*main.T)(nil)|0", GoFmt.sprintf("%p|%#p|%v|%#v|%d", NILP, NILP, NILP, NILP, NILP));
    }

    @Test
    void testTypeStrings_andNestedByteSlice() {
        GoValue s = Values.struct(struct_("B", Types.slice(Types.UINT8)),
                Values.list(Types.slice(Types.UINT8), 1, Values.of(Types.UINT8, 0x61L)));
        assertEquals("struct { B []uint8 }{B:[]uint8{0x61}}", GoFmt.sprintf("%#v", s));
        assertEquals("struct {} map[string][]int [2]bool *[]string", GoFmt.sprintf("%T %T %T %T",
                Values.struct(struct_()), Values.nil(Types.map(Types.STRING, Types.slice(INT))),
                Values.list(Types.array(2, Types.BOOL), 0, Values.ofBool(false), Values.ofBool(false)),
                Values.nil(pointer(Types.slice(Types.STRING)))));
        GoValue pp = Values.pointer(pointer(pointer(T)), 0xc000080018L, P);
        assertEquals("0xc000080018 0", GoFmt.sprintf("%v %d", pp, 0));
    }

    @Test
    void testNestedPanic_escapesAsTheRuntimesPanic() {
        IllegalStateException runtimePanic = new IllegalStateException("runtime panic");
        GoValue badErr = Values.withMethod(Values.struct(struct_()), FmtMethod.ERROR, () -> {
            throw new GoMethodPanic(Values.ofString("again"), runtimePanic);
        });
        GoValue v = Values.withMethod(Values.struct(named("main.V", struct_())), FmtMethod.STRING, () -> {
            throw new GoMethodPanic(badErr, null);
        });
        IllegalStateException thrown =
                org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> GoFmt.sprint(v));
        assertEquals(runtimePanic, thrown);
    }
}
