package gopl.runtime.fmt;

/**
 * The text of Go's builtin {@code print} and {@code println} (gc's runtime/print.go), one
 * function per operand class, as the gc compiler dispatches them: {@code print} concatenates
 * operands with no separator; {@code println} puts one space between operands and a newline at
 * the end ({@link #join}).
 *
 * <p>Guarantees gc's exact text: floats as {@code +1.500000e+000} (seven significant digits
 * computed by gc's own repeated-multiplication rounding, three-digit exponent), {@code NaN},
 * {@code +Inf}, {@code -Inf}; signed and unsigned integers in decimal (uintptr too); pointers,
 * maps, chans, funcs and unsafe pointers as {@code 0x...} hex (nil is {@code 0x0}); slices as
 * {@code [len/cap]0xaddr}; interfaces as {@code (0xtype,0xdata)}.
 */
public final class GoBuiltinPrint {
    private GoBuiltinPrint() {}

    public static String formatBool(boolean v) {
        return v ? "true" : "false";
    }

    public static String formatInt(long v) {
        return Long.toString(v);
    }

    public static String formatUint(long v) {
        return Long.toUnsignedString(v);
    }

    /** gc's {@code printhex}: {@code 0x} and lower-case hex digits. */
    public static String formatHex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** A pointer, map, chan, func or unsafe.Pointer operand. */
    public static String formatPointer(long address) {
        return formatHex(address);
    }

    /** A slice operand: {@code [len/cap]0xaddr}. */
    public static String formatSlice(long len, long cap, long address) {
        return "[" + len + "/" + cap + "]" + formatHex(address);
    }

    /** An interface operand: its type word and data word. */
    public static String formatInterface(long typeWord, long dataWord) {
        return "(" + formatHex(typeWord) + "," + formatHex(dataWord) + ")";
    }

    /** gc's {@code printfloat} (float32 operands are converted to float64 first). */
    public static String formatFloat(double v) {
        if (v != v) {
            return "NaN";
        }
        if (v + v == v && v > 0) {
            return "+Inf";
        }
        if (v + v == v && v < 0) {
            return "-Inf";
        }
        final int n = 7; // digits printed
        char[] buf = new char[n + 7];
        buf[0] = '+';
        int e = 0;
        if (v == 0) {
            if (1 / v < 0) {
                buf[0] = '-';
            }
        } else {
            if (v < 0) {
                v = -v;
                buf[0] = '-';
            }
            // normalize
            while (v >= 10) {
                e++;
                v /= 10;
            }
            while (v < 1) {
                e--;
                v *= 10;
            }
            // round
            double h = 5.0;
            for (int i = 0; i < n; i++) {
                h /= 10;
            }
            v += h;
            if (v >= 10) {
                e++;
                v /= 10;
            }
        }
        // format +d.dddd+edd
        for (int i = 0; i < n; i++) {
            int s = (int) v;
            buf[i + 2] = (char) (s + '0');
            v -= s;
            v *= 10;
        }
        buf[1] = buf[2];
        buf[2] = '.';
        buf[n + 2] = 'e';
        buf[n + 3] = '+';
        if (e < 0) {
            e = -e;
            buf[n + 3] = '-';
        }
        buf[n + 4] = (char) (e / 100 + '0');
        buf[n + 5] = (char) (e / 10 % 10 + '0');
        buf[n + 6] = (char) (e % 10 + '0');
        return new String(buf);
    }

    /**
     * The text of one operand viewed through {@link GoValue}: dispatches by kind as gc does.
     * Interface operands are not covered (pass them to {@link #formatInterface}).
     */
    public static String format(GoValue v) {
        Kind k = v.type().kind();
        return switch (k) {
            case BOOL -> formatBool(v.boolValue());
            case INT, INT8, INT16, INT32, INT64 -> formatInt(v.longValue());
            case UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR -> formatUint(v.longValue());
            case FLOAT32, FLOAT64 -> formatFloat(v.doubleValue());
            case STRING -> v.stringValue();
            case POINTER, MAP, CHAN, FUNC, UNSAFE_POINTER -> formatPointer(v.isNil() ? 0 : v.address());
            case SLICE -> v.isNil() ? formatSlice(0, 0, 0) : formatSlice(v.len(), v.cap(), v.address());
            default -> throw new IllegalArgumentException("illegal types for operand: print " + v.type().string());
        };
    }

    /** The whole output of {@code print(parts...)} or, with {@code ln}, {@code println(parts...)}. */
    public static String join(boolean ln, String... formatted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < formatted.length; i++) {
            if (ln && i > 0) {
                sb.append(' ');
            }
            sb.append(formatted[i]);
        }
        if (ln) {
            sb.append('\n');
        }
        return sb.toString();
    }
}
