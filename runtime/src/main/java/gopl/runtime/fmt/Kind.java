package gopl.runtime.fmt;

/**
 * The kind of a Go type as the fmt engine sees it: the same classification as Go's
 * {@code reflect.Kind} for the types GoPL supports (no complex numbers).
 *
 * <p>Guarantees: every {@link GoType} reports exactly one kind; the integer kinds report whether
 * they are unsigned through {@link #isUnsigned()}, which decides how {@link GoValue#longValue()}
 * bits are read.
 */
public enum Kind {
    BOOL,
    INT, INT8, INT16, INT32, INT64,
    UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
    FLOAT32, FLOAT64,
    STRING,
    POINTER, UNSAFE_POINTER,
    SLICE, ARRAY, MAP, STRUCT,
    /** A value held in an interface-typed slot (struct field, slice element, map entry). */
    INTERFACE,
    FUNC, CHAN;

    /** True for int, int8 .. int64. */
    public boolean isSigned() {
        return this.compareTo(INT) >= 0 && this.compareTo(INT64) <= 0;
    }

    /** True for uint, uint8 .. uint64, uintptr. */
    public boolean isUnsigned() {
        return this.compareTo(UINT) >= 0 && this.compareTo(UINTPTR) <= 0;
    }

    /** True for every integer kind, signed or unsigned. */
    public boolean isInteger() {
        return isSigned() || isUnsigned();
    }

    /** True for float32 and float64. */
    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** True for the kinds whose values can be nil. */
    public boolean isNillable() {
        return switch (this) {
            case POINTER, UNSAFE_POINTER, SLICE, MAP, INTERFACE, FUNC, CHAN -> true;
            default -> false;
        };
    }
}
