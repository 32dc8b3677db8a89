package gopl.runtime.fmt;

/**
 * A read-only view of a Go type, as much of {@code reflect.Type} as fmt needs.
 *
 * <p>The code generator's runtime implements this for its type descriptors; {@link Types} offers
 * a simple record-based implementation (used by the tests and usable by any caller).
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #string()} is exactly Go's {@code reflect.Type.String()}: the text {@code %T}
 *       prints ({@code int}, {@code main.Celsius}, {@code []string}, {@code map[string]int},
 *       {@code *main.T}, {@code struct { X int; y string }}, {@code interface {}}, {@code error},
 *       {@code func(int) string}, {@code chan int}, {@code [3]int}, {@code unsafe.Pointer}).
 *   <li>{@link #kind()} is the kind of the underlying type ({@code main.Celsius} defined as
 *       {@code int} has kind {@link Kind#INT}).
 *   <li>{@link #elem()} is defined for POINTER, SLICE, ARRAY, MAP (the value type) and CHAN;
 *       {@link #key()} for MAP; {@link #numFields()} / {@link #fieldName(int)} for STRUCT.
 *       Other calls may throw {@link UnsupportedOperationException}.
 * </ul>
 */
public interface GoType {
    /** The kind of the underlying type. */
    Kind kind();

    /** Go's {@code reflect.Type.String()} text, as {@code %T} prints it. */
    String string();

    /** Element type of a pointer, slice, array, map (value type) or chan. */
    default GoType elem() {
        throw new UnsupportedOperationException("elem of " + string());
    }

    /** Key type of a map. */
    default GoType key() {
        throw new UnsupportedOperationException("key of " + string());
    }

    /** Number of fields of a struct type. */
    default int numFields() {
        throw new UnsupportedOperationException("numFields of " + string());
    }

    /**
     * Name of struct field {@code i} as Go's reflect reports it; for an embedded field, the
     * unqualified type name ({@code Point} for an embedded {@code geo.Point} or {@code *Point}).
     * A field is exported iff this name begins with an upper-case letter.
     */
    default String fieldName(int i) {
        throw new UnsupportedOperationException("fieldName of " + string());
    }
}
