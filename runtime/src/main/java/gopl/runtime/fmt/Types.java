package gopl.runtime.fmt;

import java.util.List;

/**
 * A simple, immutable {@link GoType} implementation with factories that spell type strings
 * exactly as Go's {@code reflect.Type.String()} does. Used by the tests; any runtime may use it
 * for its own descriptors.
 */
public final class Types {
    private Types() {}

    public static final GoType BOOL = basic(Kind.BOOL, "bool");
    public static final GoType INT = basic(Kind.INT, "int");
    public static final GoType INT8 = basic(Kind.INT8, "int8");
    public static final GoType INT16 = basic(Kind.INT16, "int16");
    public static final GoType INT32 = basic(Kind.INT32, "int32");
    public static final GoType INT64 = basic(Kind.INT64, "int64");
    public static final GoType UINT = basic(Kind.UINT, "uint");
    public static final GoType UINT8 = basic(Kind.UINT8, "uint8");
    public static final GoType UINT16 = basic(Kind.UINT16, "uint16");
    public static final GoType UINT32 = basic(Kind.UINT32, "uint32");
    public static final GoType UINT64 = basic(Kind.UINT64, "uint64");
    public static final GoType UINTPTR = basic(Kind.UINTPTR, "uintptr");
    public static final GoType FLOAT32 = basic(Kind.FLOAT32, "float32");
    public static final GoType FLOAT64 = basic(Kind.FLOAT64, "float64");
    public static final GoType STRING = basic(Kind.STRING, "string");
    public static final GoType UNSAFE_POINTER = basic(Kind.UNSAFE_POINTER, "unsafe.Pointer");
    /** {@code interface {}} (also what {@code any} prints as in Go 1.19). */
    public static final GoType EMPTY_INTERFACE = basic(Kind.INTERFACE, "interface {}");
    /** The predeclared {@code error} interface. */
    public static final GoType ERROR = basic(Kind.INTERFACE, "error");

    /** A type without structure of its own: a basic type, an interface, a func or chan type. */
    public record Basic(Kind kind, String string) implements GoType {}

    /** A defined (named) type: its own name, everything else from its underlying type. */
    public record Named(String string, GoType underlying) implements GoType {
        @Override public Kind kind() { return underlying.kind(); }
        @Override public GoType elem() { return underlying.elem(); }
        @Override public GoType key() { return underlying.key(); }
        @Override public int numFields() { return underlying.numFields(); }
        @Override public String fieldName(int i) { return underlying.fieldName(i); }
    }

    /** Pointer, slice, array and chan types: kind, element and the composed name. */
    public record Composite(Kind kind, String string, GoType elem) implements GoType {}

    /** Map types. */
    public record MapType(GoType key, GoType elem) implements GoType {
        @Override public Kind kind() { return Kind.MAP; }
        @Override public String string() { return "map[" + key.string() + "]" + elem.string(); }
    }

    /** Struct types; the string is {@code struct { X int; y string }} or {@code struct {}}. */
    public record StructType(List<String> names, List<GoType> types) implements GoType {
        @Override public Kind kind() { return Kind.STRUCT; }
        @Override public int numFields() { return names.size(); }
        @Override public String fieldName(int i) { return names.get(i); }

        @Override public String string() {
            if (names.isEmpty()) {
                return "struct {}";
            }
            StringBuilder sb = new StringBuilder("struct { ");
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append("; ");
                }
                sb.append(names.get(i)).append(' ').append(types.get(i).string());
            }
            return sb.append(" }").toString();
        }
    }

    public static GoType basic(Kind kind, String name) {
        return new Basic(kind, name);
    }

    public static GoType named(String name, GoType underlying) {
        return new Named(name, underlying);
    }

    public static GoType pointer(GoType elem) {
        return new Composite(Kind.POINTER, "*" + elem.string(), elem);
    }

    public static GoType slice(GoType elem) {
        return new Composite(Kind.SLICE, "[]" + elem.string(), elem);
    }

    public static GoType array(int len, GoType elem) {
        return new Composite(Kind.ARRAY, "[" + len + "]" + elem.string(), elem);
    }

    public static GoType chan(GoType elem) {
        return new Composite(Kind.CHAN, "chan " + elem.string(), elem);
    }

    public static GoType map(GoType key, GoType elem) {
        return new MapType(key, elem);
    }

    /** A func type given by its Go spelling, e.g. {@code func(int) string}. */
    public static GoType func(String spelling) {
        return new Basic(Kind.FUNC, spelling);
    }

    /** A (non-empty or named) interface type given by its Go spelling, e.g. {@code main.Shape}. */
    public static GoType iface(String spelling) {
        return new Basic(Kind.INTERFACE, spelling);
    }

    /** A struct type from alternating field names and types: {@code struct_("X", INT, "y", STRING)}. */
    public static GoType struct_(Object... namesAndTypes) {
        List<String> names = new java.util.ArrayList<>();
        List<GoType> types = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            names.add((String) namesAndTypes[i]);
            types.add((GoType) namesAndTypes[i + 1]);
        }
        return new StructType(List.copyOf(names), List.copyOf(types));
    }
}
