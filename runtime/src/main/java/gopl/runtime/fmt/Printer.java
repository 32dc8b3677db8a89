package gopl.runtime.fmt;

import java.util.List;
import java.util.Map;

/**
 * The printer state machine of Go 1.19's fmt (its {@code print.go} "pp"): parses Printf formats
 * (flags, width, precision, {@code *}, explicit argument indexes {@code [n]}), dispatches each
 * operand by verb and kind, calls {@code Error}/{@code String}/{@code GoString} methods where Go
 * does ({@code Format} of a {@code fmt.Formatter} first, with this printer as its
 * {@link State}), walks composite values, and writes Go's error annotations ({@code %!d(string=hi)},
 * {@code %!d(MISSING)}, {@code %!(EXTRA ...)}, {@code %!(BADWIDTH)}, {@code %!(BADPREC)},
 * {@code %!(NOVERB)}, {@code %!d(BADINDEX)}, {@code %!v(PANIC=String method: ...)}).
 *
 * <p>One instance formats one call; it is not thread-safe.
 */
final class Printer implements State {
    private static final String NIL_ANGLE = "<nil>";
    private static final String NIL_PAREN = "(nil)";

    private final StringBuilder buf = new StringBuilder();
    private final Fmt fmt = new Fmt(buf);

    /** The current top-level operand when methods may be used on it (Go's p.arg), or null. */
    private GoValue arg;
    /** The current value being printed by reflection (Go's p.value), or null. */
    private GoValue value;
    /** Whether {@link #value} is usable although {@code arg} is null (a valid reflect.Value). */
    private boolean valueValid;
    private boolean reordered;
    private boolean goodArgNum;
    private boolean panicking;
    private boolean erroring;
    private boolean wrapErrs;
    private GoValue wrappedErr;

    String result() {
        return buf.toString();
    }

    /** For Errorf: accept one {@code %w} verb with an error operand. */
    Printer wrapErrors() {
        wrapErrs = true;
        return this;
    }

    /** The operand of the accepted {@code %w}, or null. */
    GoValue wrappedError() {
        return wrappedErr;
    }

    // ---------------------------------------------------------------- entry points

    // fmt docs: "Sprint formats using the default formats for its operands and returns the
    // resulting string. Spaces are added between operands when neither is a string."
    Printer doPrint(Object[] args) {
        boolean prevString = false;
        for (int i = 0; i < args.length; i++) {
            GoValue a = Values.of(args[i]);
            boolean isString = a != null && a.type().kind() == Kind.STRING;
            // Separate two adjacent operands when neither is a string.
            if (i > 0 && !isString && !prevString) {
                buf.append(' ');
            }
            printArg(a, 'v');
            prevString = isString;
        }
        return this;
    }

    // fmt docs: "Spaces are always added between operands and a newline is appended."
    Printer doPrintln(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                buf.append(' ');
            }
            printArg(Values.of(args[i]), 'v');
        }
        buf.append('\n');
        return this;
    }

    Printer doPrintf(String format, Object[] rawArgs) {
        GoValue[] a = new GoValue[rawArgs.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Values.of(rawArgs[i]);
        }
        new FormatParser(this, format, a).run();
        return this;
    }

    // ---------------------------------------------------------------- used by FormatParser

    Fmt fmt() {
        return fmt;
    }

    StringBuilder buf() {
        return buf;
    }

    void setReordered(boolean r) {
        reordered = r;
    }

    boolean reordered() {
        return reordered;
    }

    void setGoodArgNum(boolean g) {
        goodArgNum = g;
    }

    boolean goodArgNum() {
        return goodArgNum;
    }

    void writeRune(int r) {
        Utf8.encode(buf, r);
    }

    // ---------------------------------------------------------------- operands

    void printArg(GoValue a, int verb) {
        if (a != null && a.type().kind() == Kind.INTERFACE) {
            a = a.elem(); // be lenient: an interface slot passed as an operand
        }
        arg = a;
        value = null;
        valueValid = false;
        if (a == null) {
            switch (verb) {
                case 'T', 'v' -> fmt.pad(NIL_ANGLE);
                default -> badVerb(verb);
            }
            return;
        }
        // %T and %p look at the operand itself, before any method is considered.
        switch (verb) {
            case 'T' -> {
                fmt.fmtS(a.type().string());
                return;
            }
            case 'p' -> {
                fmtPointer(a, 'p');
                return;
            }
            default -> { }
        }
        if (!handleMethods(verb)) {
            printValue(a, verb, 0, false);
        }
    }

    /**
     * Calls Error/String/GoString where Go would; true if the operand was printed.
     *
     * <p>fmt docs: "Except when printed using the verbs %T and %p, special formatting
     * considerations apply for operands that implement certain interfaces. In order of
     * application: [...] 3. If the %v verb is used with the # flag (%#v) and the operand implements
     * the GoStringer interface, that will be invoked. If the format (which is implicitly %v for
     * Println etc.) is valid for a string (%s %q %v %x %X), the following two rules apply:
     * 4. If an operand implements the error interface, the Error method will be invoked to
     * convert the object to a string, which will then be formatted as required by the verb (if
     * any). 5. If an operand implements method String() string, that method will be invoked to
     * format the string, which will then be formatted as required by the verb (if any)."
     */
    private boolean handleMethods(int verb) {
        if (erroring) {
            return false;
        }
        GoValue a = arg;
        if (verb == 'w') {
            // %w is accepted only by Errorf, only once, and only for an error operand.
            if (a == null || !a.hasMethod(FmtMethod.ERROR) || !wrapErrs || wrappedErr != null) {
                wrappedErr = null;
                wrapErrs = false;
                badVerb(verb);
                return true;
            }
            wrappedErr = a;
            verb = 'v';
        }
        if (a == null) {
            return false;
        }
        // Is it a Formatter?
        if (a.hasMethod(FmtMethod.FORMAT)) {
            try {
                a.format(this, verb);
            } catch (GoMethodPanic p) {
                catchPanic(a, verb, FmtMethod.FORMAT, p);
            }
            return true;
        }
        if (fmt.sharpV) {
            if (a.hasMethod(FmtMethod.GO_STRING)) {
                callMethod(a, verb, FmtMethod.GO_STRING);
                return true;
            }
            return false;
        }
        switch (verb) {
            case 'v', 's', 'x', 'X', 'q' -> {
                if (a.hasMethod(FmtMethod.ERROR)) {
                    callMethod(a, verb, FmtMethod.ERROR);
                    return true;
                }
                if (a.hasMethod(FmtMethod.STRING)) {
                    callMethod(a, verb, FmtMethod.STRING);
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private void callMethod(GoValue a, int verb, FmtMethod m) {
        String s;
        try {
            s = a.call(m);
        } catch (GoMethodPanic p) {
            catchPanic(a, verb, m, p);
            return;
        }
        if (m == FmtMethod.GO_STRING) {
            // GoString output is used as is, with no quoting.
            fmt.fmtS(s);
        } else {
            fmtString(s, verb);
        }
    }

    /**
     * fmt docs: "If an Error or String method triggers a panic when called by a print routine,
     * the fmt package reformats the error message from the panic, decorating it with an
     * indication that it came through the fmt package." and "if the receiver is a nil pointer
     * [...] the output is simply &lt;nil&gt;".
     */
    private void catchPanic(GoValue a, int verb, FmtMethod m, GoMethodPanic p) {
        // A panic with a nil pointer receiver prints as <nil>.
        if (a.type().kind() == Kind.POINTER && a.isNil()) {
            buf.append(NIL_ANGLE);
            return;
        }
        if (panicking) {
            // Printing the panic value panicked too: give up and let that panic escape the
            // formatting call, as the runtime's own panic if it has one.
            if (p.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (p.getCause() instanceof Error err) {
                throw err;
            }
            throw p;
        }
        long oldFlags = fmt.saveFlags();
        int oldWid = fmt.wid;
        int oldPrec = fmt.prec;
        fmt.clearFlags();
        buf.append("%!");
        writeRune(verb);
        buf.append("(PANIC=").append(m.goName).append(" method: ");
        panicking = true;
        printArg(p.value(), 'v');
        panicking = false;
        buf.append(')');
        fmt.restoreFlags(oldFlags);
        fmt.wid = oldWid;
        fmt.prec = oldPrec;
    }

    // ---------------------------------------------------------------- fmt.State (Go's *pp methods)

    @Override
    public void write(CharSequence bytes) {
        buf.append(bytes);
    }

    @Override
    public int width() {
        return fmt.widPresent ? fmt.wid : 0;
    }

    @Override
    public boolean hasWidth() {
        return fmt.widPresent;
    }

    @Override
    public int precision() {
        return fmt.precPresent ? fmt.prec : 0;
    }

    @Override
    public boolean hasPrecision() {
        return fmt.precPresent;
    }

    @Override
    public boolean flag(long c) {
        if (c == '-') {
            return fmt.minus;
        } else if (c == '+') {
            return fmt.plus || fmt.plusV;
        } else if (c == '#') {
            return fmt.sharp || fmt.sharpV;
        } else if (c == ' ') {
            return fmt.space;
        } else if (c == '0') {
            return fmt.zero;
        }
        return false;
    }

    void badVerb(int verb) {
        erroring = true;
        buf.append("%!");
        writeRune(verb);
        buf.append('(');
        if (arg != null) {
            buf.append(arg.type().string()).append('=');
            printArg(arg, 'v');
        } else if (valueValid) {
            buf.append(value.type().string()).append('=');
            printValue(value, 'v', 0, false);
        } else {
            buf.append(NIL_ANGLE);
        }
        buf.append(')');
        erroring = false;
    }

    // ---------------------------------------------------------------- scalars

    private void fmtBool(boolean v, int verb) {
        switch (verb) {
            case 't', 'v' -> fmt.fmtBoolean(v);
            default -> badVerb(verb);
        }
    }

    /** Hex with or without the 0x prefix, ignoring the sharp flag otherwise. */
    private void fmt0x64(long v, boolean leading0x) {
        boolean sharp = fmt.sharp;
        fmt.sharp = leading0x;
        fmt.fmtInteger(v, 16, false, 'v', Fmt.LDIGITS);
        fmt.sharp = sharp;
    }

    private void fmtInteger(long v, boolean signed, int verb) {
        switch (verb) {
            case 'v' -> {
                if (fmt.sharpV && !signed) {
                    fmt0x64(v, true);
                } else {
                    fmt.fmtInteger(v, 10, signed, 'v', Fmt.LDIGITS);
                }
            }
            case 'd' -> fmt.fmtInteger(v, 10, signed, 'd', Fmt.LDIGITS);
            case 'b' -> fmt.fmtInteger(v, 2, signed, 'b', Fmt.LDIGITS);
            case 'o', 'O' -> fmt.fmtInteger(v, 8, signed, (char) verb, Fmt.LDIGITS);
            case 'x' -> fmt.fmtInteger(v, 16, signed, 'x', Fmt.LDIGITS);
            case 'X' -> fmt.fmtInteger(v, 16, signed, 'X', Fmt.UDIGITS);
            case 'c' -> fmt.fmtC(v);
            case 'q' -> fmt.fmtQc(v);
            case 'U' -> fmt.fmtUnicode(v);
            default -> badVerb(verb);
        }
    }

    private void fmtFloat(double v, int size, int verb) {
        switch (verb) {
            case 'v' -> fmt.fmtFloat(v, size, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> fmt.fmtFloat(v, size, (char) verb, -1);
            case 'f', 'e', 'E' -> fmt.fmtFloat(v, size, (char) verb, 6);
            case 'F' -> fmt.fmtFloat(v, size, 'f', 6);
            default -> badVerb(verb);
        }
    }

    private void fmtString(String v, int verb) {
        switch (verb) {
            case 'v' -> {
                if (fmt.sharpV) {
                    fmt.fmtQ(v);
                } else {
                    fmt.fmtS(v);
                }
            }
            case 's' -> fmt.fmtS(v);
            case 'x' -> fmt.fmtSbx(v, Fmt.LDIGITS);
            case 'X' -> fmt.fmtSbx(v, Fmt.UDIGITS);
            case 'q' -> fmt.fmtQ(v);
            default -> badVerb(verb);
        }
    }

    /** {@code %s %q %x %X} of a byte slice or array: treated as the string of its bytes. */
    private void fmtBytes(String bytes, int verb) {
        switch (verb) {
            case 's' -> fmt.fmtS(bytes);
            case 'x' -> fmt.fmtSbx(bytes, Fmt.LDIGITS);
            case 'X' -> fmt.fmtSbx(bytes, Fmt.UDIGITS);
            default -> fmt.fmtQ(bytes);
        }
    }

    private void fmtPointer(GoValue v, int verb) {
        long u;
        switch (v.type().kind()) {
            case CHAN, FUNC, MAP, POINTER, SLICE, UNSAFE_POINTER -> u = v.isNil() ? 0 : v.address();
            default -> {
                badVerb(verb);
                return;
            }
        }
        switch (verb) {
            case 'v' -> {
                if (fmt.sharpV) {
                    buf.append('(').append(v.type().string()).append(")(");
                    if (u == 0) {
                        buf.append("nil");
                    } else {
                        fmt0x64(u, true);
                    }
                    buf.append(')');
                } else if (u == 0) {
                    fmt.pad(NIL_ANGLE);
                } else {
                    fmt0x64(u, !fmt.sharp);
                }
            }
            case 'p' -> fmt0x64(u, !fmt.sharp);
            case 'b', 'o', 'd', 'x', 'X' -> fmtInteger(u, false, verb);
            default -> badVerb(verb);
        }
    }

    // ---------------------------------------------------------------- reflection walk

    /**
     * Prints {@code v} by its kind (Go's printValue). {@code readOnly} is true below an
     * unexported struct field, where Go cannot call methods (reflect's CanInterface is false).
     */
    private void printValue(GoValue v, int verb, int depth, boolean readOnly) {
        // Below the top level, operands may still have methods (printArg tried the top level).
        if (depth > 0 && v != null && !readOnly) {
            arg = v.type().kind() == Kind.INTERFACE ? v.elem() : v;
            if (handleMethods(verb)) {
                return;
            }
        }
        arg = null;
        value = v;
        valueValid = v != null;
        if (v == null) {
            if (depth == 0) {
                buf.append("<invalid reflect.Value>");
            } else if (verb == 'v') {
                buf.append(NIL_ANGLE);
            } else {
                badVerb(verb);
            }
            return;
        }
        Kind k = v.type().kind();
        switch (k) {
            case BOOL -> fmtBool(v.boolValue(), verb);
            case INT, INT8, INT16, INT32, INT64 -> fmtInteger(v.longValue(), true, verb);
            case UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR -> fmtInteger(v.longValue(), false, verb);
            case FLOAT32 -> fmtFloat(v.doubleValue(), 32, verb);
            case FLOAT64 -> fmtFloat(v.doubleValue(), 64, verb);
            case STRING -> fmtString(v.stringValue(), verb);
            case MAP -> printMap(v, verb, depth, readOnly);
            case STRUCT -> printStruct(v, verb, depth, readOnly);
            case INTERFACE -> {
                GoValue e = v.elem();
                if (e == null) {
                    if (fmt.sharpV) {
                        buf.append(v.type().string()).append(NIL_PAREN);
                    } else {
                        buf.append(NIL_ANGLE);
                    }
                } else {
                    printValue(e, verb, depth + 1, readOnly);
                }
            }
            case ARRAY, SLICE -> printList(v, verb, depth, readOnly);
            case POINTER -> {
                // Only a top-level pointer to a composite prints its target (&{...}); deeper
                // pointers print as addresses, which also keeps cyclic data finite.
                if (depth == 0 && !v.isNil()) {
                    GoValue e = v.elem();
                    switch (e.type().kind()) {
                        case ARRAY, SLICE, STRUCT, MAP -> {
                            buf.append('&');
                            printValue(e, verb, depth + 1, readOnly);
                            return;
                        }
                        default -> { }
                    }
                }
                fmtPointer(v, verb);
            }
            case CHAN, FUNC, UNSAFE_POINTER -> fmtPointer(v, verb);
        }
    }

    private void printMap(GoValue v, int verb, int depth, boolean readOnly) {
        if (fmt.sharpV) {
            buf.append(v.type().string());
            if (v.isNil()) {
                buf.append(NIL_PAREN);
                return;
            }
            buf.append('{');
        } else {
            buf.append("map[");
        }
        List<Map.Entry<GoValue, GoValue>> sorted = MapSort.sorted(v);
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                buf.append(fmt.sharpV ? ", " : " ");
            }
            printValue(sorted.get(i).getKey(), verb, depth + 1, readOnly);
            buf.append(':');
            printValue(sorted.get(i).getValue(), verb, depth + 1, readOnly);
        }
        buf.append(fmt.sharpV ? '}' : ']');
    }

    /**
     * fmt docs: "For compound objects, the elements are printed using these rules, recursively,
     * laid out like this: struct: {field0 field1 ...} [...] When printing a struct, the plus flag
     * (%+v) adds field names".
     */
    private void printStruct(GoValue v, int verb, int depth, boolean readOnly) {
        GoType t = v.type();
        if (fmt.sharpV) {
            buf.append(t.string());
        }
        buf.append('{');
        for (int i = 0; i < t.numFields(); i++) {
            if (i > 0) {
                buf.append(fmt.sharpV ? ", " : " ");
            }
            String name = t.fieldName(i);
            if ((fmt.plusV || fmt.sharpV) && !name.isEmpty()) {
                buf.append(name).append(':');
            }
            GoValue f = v.field(i);
            // getField: an interface field holding a value is printed as that value.
            if (f != null && f.type().kind() == Kind.INTERFACE && f.elem() != null) {
                f = f.elem();
            }
            printValue(f, verb, depth + 1, readOnly || !isExported(name));
        }
        buf.append('}');
    }

    private static boolean isExported(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int r = Utf8.rune(Utf8.decode(name, 0));
        return Character.isUpperCase(r);
    }

    private void printList(GoValue v, int verb, int depth, boolean readOnly) {
        GoType t = v.type();
        switch (verb) {
            case 's', 'q', 'x', 'X' -> {
                // Byte slices and arrays print as strings for these verbs.
                if (t.elem().kind() == Kind.UINT8) {
                    fmtBytes(bytesOf(v), verb);
                    return;
                }
            }
            default -> { }
        }
        if (fmt.sharpV) {
            // An operand of the exact type []byte takes Go's fast path, which spells it so.
            String name = t.string();
            buf.append(depth == 0 && name.equals("[]uint8") ? "[]byte" : name);
            if (t.kind() == Kind.SLICE && v.isNil()) {
                buf.append(NIL_PAREN);
                return;
            }
            buf.append('{');
            for (int i = 0; i < v.len(); i++) {
                if (i > 0) {
                    buf.append(", ");
                }
                printValue(v.index(i), verb, depth + 1, readOnly);
            }
            buf.append('}');
        } else {
            buf.append('[');
            for (int i = 0; i < v.len(); i++) {
                if (i > 0) {
                    buf.append(' ');
                }
                printValue(v.index(i), verb, depth + 1, readOnly);
            }
            buf.append(']');
        }
    }

    private static String bytesOf(GoValue v) {
        int n = v.isNil() ? 0 : v.len();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) (v.index(i).longValue() & 0xFF));
        }
        return sb.toString();
    }
}
