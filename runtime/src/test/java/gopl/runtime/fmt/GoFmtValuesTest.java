package gopl.runtime.fmt;

import static gopl.runtime.fmt.Types.BOOL;
import static gopl.runtime.fmt.Types.EMPTY_INTERFACE;
import static gopl.runtime.fmt.Types.ERROR;
import static gopl.runtime.fmt.Types.FLOAT32;
import static gopl.runtime.fmt.Types.FLOAT64;
import static gopl.runtime.fmt.Types.INT;
import static gopl.runtime.fmt.Types.STRING;
import static gopl.runtime.fmt.Types.UINT;
import static gopl.runtime.fmt.Types.UINT8;
import static gopl.runtime.fmt.Types.array;
import static gopl.runtime.fmt.Types.map;
import static gopl.runtime.fmt.Types.named;
import static gopl.runtime.fmt.Types.pointer;
import static gopl.runtime.fmt.Types.slice;
import static gopl.runtime.fmt.Types.struct_;
import static gopl.runtime.fmt.Values.iface;
import static gopl.runtime.fmt.Values.list;
import static gopl.runtime.fmt.Values.ofInt;
import static gopl.runtime.fmt.Values.ofString;
import static gopl.runtime.fmt.Values.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Composite values, methods, method panics, nil values and malformed formats against Go 1.19:
 * values.txt (made by gen/gen_values.go) holds Go's output per case id; this class builds the
 * same Go values through {@link GoValue} views under the same ids.
 */
class GoFmtValuesTest {
    private static Map<String, String> golden;

    @BeforeAll
    static void load() throws IOException {
        golden = new LinkedHashMap<>();
        for (String[] row : GoldenFiles.read("values.txt")) {
            golden.put(row[0], GoldenFiles.unhex(row[1]));
        }
    }

    // ---------------------------------------------------------------- the Go program's types

    static final GoType T = named("main.T", struct_("X", INT, "y", STRING));
    static final GoType CELSIUS = named("main.Celsius", FLOAT64);
    static final GoType BOOM = named("main.Boom", struct_());
    static final GoType BOOM_ERR = named("main.BoomErr", struct_());
    static final GoType PTRS = named("main.PtrS", struct_("v", INT));
    static final GoType E = named("main.E", struct_("msg", STRING));
    static final GoType BOTH = named("main.Both", INT);
    static final GoType GS = named("main.GS", INT);
    static final GoType INNER = named("main.Inner", struct_("A", INT));
    static final GoType OUTER = named("main.Outer", struct_("Inner", INNER, "B", INT));
    static final GoType HOLDER = named("main.Holder", struct_("Temp", CELSIUS, "temp", CELSIUS,
            "Any", EMPTY_INTERFACE, "Err", ERROR, "Next", pointer(T), "Names", slice(STRING),
            "M", map(STRING, INT)));
    static final GoType B = named("main.B", slice(UINT8));
    static final GoType INTS = named("main.Ints", slice(INT));
    static final GoType KEY = named("main.Key", struct_("A", INT, "B", STRING));

    static String u(String javaString) {
        return Utf8.fromJava(javaString);
    }

    static GoValue t(long x, String y) {
        return struct(T, ofInt(x), ofString(y));
    }

    static GoValue celsius(double c) {
        return Values.withMethod(Values.of(CELSIUS, c), FmtMethod.STRING,
                () -> GoFmt.sprintf("%.1f", c) + u("°C"));
    }

    static GoValue e(String msg) {
        return Values.withMethod(struct(E, ofString(msg)), FmtMethod.ERROR, () -> "E:" + msg);
    }

    static GoValue errorsNew(String msg) {
        GoType t = pointer(named("errors.errorString", struct_("s", STRING)));
        return Values.withMethod(Values.pointer(t, 0xc000010000L, struct(t.elem(), ofString(msg))),
                FmtMethod.ERROR, () -> msg);
    }

    static Supplier<String> panics(GoValue v) {
        return () -> {
            throw new GoMethodPanic(v, null);
        };
    }

    static GoValue ints(long... xs) {
        GoValue[] vs = new GoValue[xs.length];
        for (int i = 0; i < xs.length; i++) {
            vs[i] = ofInt(xs[i]);
        }
        return list(slice(INT), 0xc000020000L, vs);
    }

    static GoValue strings(String... xs) {
        GoValue[] vs = new GoValue[xs.length];
        for (int i = 0; i < xs.length; i++) {
            vs[i] = ofString(xs[i]);
        }
        return list(slice(STRING), 0xc000030000L, vs);
    }

    static GoValue bytes(GoType t, String s) {
        GoValue[] vs = new GoValue[s.length()];
        for (int i = 0; i < s.length(); i++) {
            vs[i] = Values.of(UINT8, (long) s.charAt(i));
        }
        return list(t, 0xc000040000L, vs);
    }

    // ---------------------------------------------------------------- the cases

    private static final String[] ALL = {"%v", "%+v", "%#v", "%T", "%d", "%s", "%x", "%q", "%5v", "%-6v|", "%t"};
    private final GoldenFiles.Mismatches m = new GoldenFiles.Mismatches();

    private void all(String id, Object v) {
        for (String f : ALL) {
            check(id + " " + f, GoFmt.sprintf(f, v));
        }
    }

    private void check(String id, String actual) {
        String expected = golden.get(id);
        if (expected == null) {
            throw new IllegalStateException("no golden case " + id);
        }
        m.check(id, expected, actual);
    }

    @Test
    void testGolden_compositeValuesAndMethods() {
        GoValue nilInterface = null;
        GoType celsiusT = CELSIUS;
        all("ints", ints(1, -2, 3));
        all("nilints", Values.nil(slice(INT)));
        all("emptyints", ints());
        all("strs", strings("a", "b c"));
        all("arr", list(array(3, INT), 0, ofInt(7), ofInt(8), ofInt(9)));
        all("map", Values.map(map(STRING, INT), 1, ofString("b"), ofInt(2), ofString("a"), ofInt(1),
                ofString("c"), ofInt(3)));
        all("nilmap", Values.nil(map(STRING, INT)));
        all("intmap", Values.map(map(INT, STRING), 1, ofInt(10), ofString("x"), ofInt(-5), ofString("y"),
                ofInt(3), ofString("z")));
        all("T", t(1, "x"));
        all("ptrT", Values.pointer(pointer(T), 0xc000050000L, t(2, "y")));
        all("nilptrT", Values.nil(pointer(T)));
        GoType ifaces = slice(EMPTY_INTERFACE);
        all("ifaces", list(ifaces, 1, iface(EMPTY_INTERFACE, ofInt(1)), iface(EMPTY_INTERFACE, ofString("a")),
                iface(EMPTY_INTERFACE, nilInterface), iface(EMPTY_INTERFACE, Values.of(FLOAT64, 2.5)),
                iface(EMPTY_INTERFACE, t(3, "z")), iface(EMPTY_INTERFACE, Values.ofBool(true))));
        all("celsius", celsius(21.5));
        all("celsiuses", list(slice(celsiusT), 1, celsius(1), celsius(2)));
        all("boom", Values.withMethod(struct(BOOM), FmtMethod.STRING, panics(ofString("boom"))));
        all("boomerr", Values.withMethod(struct(BOOM_ERR), FmtMethod.STRING, panics(errorsNew("bad thing"))));
        GoValue nilDeref = Values.withMethod(struct(named("runtime.Error", struct_())), FmtMethod.ERROR,
                () -> "runtime error: invalid memory address or nil pointer dereference");
        all("nilPtrS", Values.withMethod(Values.nil(pointer(PTRS)), FmtMethod.STRING, panics(nilDeref)));
        all("ptrS", Values.withMethod(Values.pointer(pointer(PTRS), 0xc000060000L, struct(PTRS, ofInt(4))),
                FmtMethod.STRING, () -> "PtrS4"));
        all("PtrSval", struct(PTRS, ofInt(5)));
        all("E", e("m"));
        all("both", Values.withMethod(Values.withMethod(Values.of(BOTH, 1L), FmtMethod.ERROR, () -> "error wins"),
                FmtMethod.STRING, () -> "string loses"));
        all("gs", Values.withMethod(Values.withMethod(Values.of(GS, 2L), FmtMethod.GO_STRING, () -> "GS!"),
                FmtMethod.STRING, () -> "gs"));
        all("outer", struct(OUTER, struct(INNER, ofInt(1)), ofInt(2)));
        all("holder", struct(HOLDER, celsius(20), celsius(30), iface(EMPTY_INTERFACE, null), iface(ERROR, null),
                Values.nil(pointer(T)), strings("n"), Values.map(map(STRING, INT), 1, ofString("k"), ofInt(1))));
        all("holder2", struct(HOLDER, celsius(0), celsius(0), iface(EMPTY_INTERFACE, celsius(5)),
                iface(ERROR, e("x")), Values.nil(pointer(T)), Values.nil(slice(STRING)),
                Values.nil(map(STRING, INT))));
        all("bytes", bytes(slice(UINT8), "hi\0"));
        all("nilbytes", Values.nil(slice(UINT8)));
        all("B", bytes(B, "ab"));
        all("bytearr", bytes(array(3, UINT8), "abc"));
        all("Ints", list(INTS, 1, ofInt(4), ofInt(5)));
        all("nested", Values.map(map(STRING, slice(INT)), 1, ofString("z"), ints(1), ofString("a"),
                Values.nil(slice(INT))));
        all("grid", list(slice(slice(STRING)), 1, strings("a"), strings()));
        all("float32s", list(slice(FLOAT32), 1, Values.of(FLOAT32, 1.1f), Values.of(FLOAT32, 0.1f),
                Values.of(FLOAT32, 16777216f)));
        all("floatmap", Values.map(map(FLOAT64, STRING), 1, Values.of(FLOAT64, 2.5), ofString("x"),
                Values.of(FLOAT64, Double.NaN), ofString("nan"), Values.of(FLOAT64, 0.0), ofString("zero"),
                Values.of(FLOAT64, Double.NEGATIVE_INFINITY), ofString("-inf")));
        all("boolmap", Values.map(map(BOOL, INT), 1, Values.ofBool(true), ofInt(1), Values.ofBool(false), ofInt(0)));
        all("keymap", Values.map(map(KEY, INT), 1, struct(KEY, ofInt(2), ofString("a")), ofInt(1),
                struct(KEY, ofInt(1), ofString("b")), ofInt(2), struct(KEY, ofInt(1), ofString("a")), ofInt(3)));
        GoType arr2 = array(2, INT);
        all("arrmap", Values.map(map(arr2, BOOL), 1, list(arr2, 0, ofInt(2), ofInt(1)), Values.ofBool(true),
                list(arr2, 0, ofInt(1), ofInt(9)), Values.ofBool(false)));
        all("ifacemap", Values.map(map(EMPTY_INTERFACE, INT), 1, iface(EMPTY_INTERFACE, ofInt(3)), ofInt(1),
                iface(EMPTY_INTERFACE, null), ofInt(0), iface(EMPTY_INTERFACE, ofInt(1)), ofInt(2)));
        all("celsiusmap", Values.map(map(celsiusT, celsiusT), 1, celsius(2), celsius(3), celsius(1), celsius(4)));
        all("uints", list(slice(UINT), 1, Values.of(UINT, 1L), Values.of(UINT, 255L)));
        all("uint8", Values.of(UINT8, 200L));
        all("bool", true);
        all("str", u("héllo\n"));
        all("f64", 1e6);
        all("f64b", 3.0);
        all("emptystruct", struct(struct_()));
        all("anon", struct(struct_("A", INT, "b", slice(STRING)), ofInt(1), strings("q")));
        all("nilfunc", Values.nil(Types.func("func()")));
        all("nilchan", Values.nil(Types.chan(INT)));
        all("nilerr", list(slice(ERROR), 1, iface(ERROR, null), iface(ERROR, e("y"))));
        all("ptrInts", Values.pointer(pointer(slice(INT)), 5, ints(1)));
        all("ptrMap", Values.pointer(pointer(map(STRING, INT)), 5,
                Values.map(map(STRING, INT), 1, ofString("a"), ofInt(1))));
        all("ptrArr", Values.pointer(pointer(array(2, STRING)), 5,
                list(array(2, STRING), 0, ofString("a"), ofString("b"))));
        m.assertNone();
    }

    @Test
    void testGolden_formatsAndOperands() {
        Object nil = null;
        check("nil %v", GoFmt.sprintf("%v", nil));
        check("nil %d", GoFmt.sprintf("%d", nil));
        check("nil %T", GoFmt.sprintf("%T", nil));
        check("nil %5v", GoFmt.sprintf("%5v|", nil));
        check("missing", GoFmt.sprintf("%d %s"));
        check("missing2", GoFmt.sprintf("%d %s", 1));
        check("extra", GoFmt.sprintf("%d", 1, "x", nil, 2.5));
        check("noverb", GoFmt.sprintf("%", 1));
        check("noverb2", GoFmt.sprintf("abc%-"));
        check("badwidth", GoFmt.sprintf("%*d", "x", 5));
        check("badprec", GoFmt.sprintf("%.*d", "x", 5));
        check("negwidth", GoFmt.sprintf("%*d|", -5, 7));
        check("negprec", GoFmt.sprintf("%.*d|", -5, 7));
        check("starwidth", GoFmt.sprintf("%*d|%-*d|", 4, 1, 3, 2));
        check("starprec", GoFmt.sprintf("%.*f", 2, Math.PI));
        check("bigwidth", GoFmt.sprintf("%100000000d|%.100000000d", 1, 2));
        check("bigstar", GoFmt.sprintf("%*d", 10000000, 1));
        check("uintstar", GoFmt.sprintf("%*d|", (byte) 3, 1));
        check("index", GoFmt.sprintf("%[2]d %[1]d", 1, 2));
        check("index2", GoFmt.sprintf("%[3]d", 1, 2));
        check("index3", GoFmt.sprintf("%[1]d %d %d", 1, 2));
        check("index4", GoFmt.sprintf("%[2]*[1]d|", 12, 5));
        check("index5", GoFmt.sprintf("%[x]d %d", 1, 2));
        check("index6", GoFmt.sprintf("%[1]", 1));
        check("index7", GoFmt.sprintf("%[0]d", 1));
        check("index8", GoFmt.sprintf("%3.[2]d", 7));
        check("index9", GoFmt.sprintf("%[2]3d", 7, 8));
        check("index10", GoFmt.sprintf("%.[2]d", 7, 8));
        check("index11", GoFmt.sprintf("%[3]*.[2]*[1]f", 12.0, 2, 6));
        check("percent", GoFmt.sprintf("%5%|%-5%|%d", 3));
        check("unicodeverb", GoFmt.sprintf(u("%☺"), 3));
        check("badverbs", GoFmt.sprintf("%z %!", 1, "s"));
        check("sprint", GoFmt.sprint("a", 1, 2, "b", 3.0, nil, true, "c", "d", ints(1), t(0, "")));
        check("sprint2", GoFmt.sprint(1, 2, celsius(3), "x", nil, nil));
        check("sprintln", GoFmt.sprintln("a", 1, 2, "b", nil, e("z")));
        check("sprintln0", GoFmt.sprintln());
        check("flags1", GoFmt.sprintf("%+d %+d % d % d %+ d", 5, -5, 5, -5, 5));
        check("flags2", GoFmt.sprintf("%08.3f|%-08.3f|%+08d|%x|%X|% x|%#x", -3.14159, 2.5, 42, "hello",
                bytes(slice(UINT8), "\u0001\u00ab"), "abc", "abc"));
        check("flags3", GoFmt.sprintf("%#o %#b %O %#X %#q %+q %#U", 8, 5, 8, 255, "back`tick", u("ü"), 0x1F600));
        check("strs1", GoFmt.sprintf("%5.1s|%-5s|%.2s|%5s|%.0s|", u("日本語"), u("日"), u("日本語"), "\u00ff", "abc"));
        check("strs2", GoFmt.sprintf("%q %+q %#q %#+q %x % X %#x", u("日本\u0001"), u("日本"), "raw\tx", "a`b",
                u("日"), "ab", ""));
        GoFmt.Errorf wrapped = GoFmt.errorf("wrapped: %w", e("inner"));
        check("errorf", wrapped.message());
        assertEquals("main.E", wrapped.wrapped().type().string());
        check("errorfbad", GoFmt.sprintf("%w", e("inner")));
        check("errorfbad2", GoFmt.errorf("%w %w", e("a"), e("b")).message());
        check("errorfnonerr", GoFmt.errorf("%w", 5).message());
        check("hexfloat", GoFmt.sprintf("%x %X %#x %.2x %b", 1.0, -2.5, 3.0, Math.PI, 1.0));
        check("widthcomposite", GoFmt.sprintf("%6.2f|%-4d|%03d", list(slice(FLOAT64), 1, Values.of(FLOAT64, 1.0),
                Values.of(FLOAT64, 2.345)), ints(1, 22), Values.map(map(STRING, INT), 1, ofString("a"), ofInt(5))));
        m.assertNone();
    }
}
