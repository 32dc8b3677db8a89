package gopl.runtime.fmt;

import java.util.List;
import java.util.Map;

/**
 * A read-only view of one Go value, as much of {@code reflect.Value} as fmt needs. The engine
 * ({@link GoFmt}) formats only through this interface, so any runtime representation can be
 * printed by implementing it (the code generator's runtime does; {@link Values} offers simple
 * implementations for tests and for callers that build values by hand).
 *
 * <p>Contract, by {@link GoType#kind() kind} of {@link #type()}:
 * <ul>
 *   <li>BOOL: {@link #boolValue()}.
 *   <li>integers: {@link #longValue()} holds the value: sign-extended for signed kinds, the raw
 *       bits for unsigned ones (a {@code uint64} above 2<sup>63</sup>-1 is a negative long; a
 *       {@code uint8}/{@code uint16}/{@code uint32} is zero-extended, never negative).
 *   <li>FLOAT32/FLOAT64: {@link #doubleValue()} (a float32 widened exactly to double).
 *   <li>STRING: {@link #stringValue()}: a Java String whose chars are the string's bytes 0-255.
 *   <li>SLICE, ARRAY: {@link #len()} and {@link #index(int)}; a nil slice has {@link #isNil()}
 *       true and length 0. {@link #address()} of a slice is the address of its first element
 *       (what {@code %p} prints).
 *   <li>MAP: {@link #len()}, {@link #mapEntries()} in any order (the engine sorts keys as Go's
 *       internal/fmtsort does), {@link #isNil()}, {@link #address()}.
 *   <li>STRUCT: {@link #field(int)} for {@code 0 <= i < type().numFields()}.
 *   <li>POINTER: {@link #isNil()}, {@link #address()} (never 0 unless nil), {@link #elem()} the
 *       pointee (only called when not nil).
 *   <li>INTERFACE (only for interface-typed slots inside composite values; top-level operands
 *       are always the dynamic value itself, or Java null for a nil interface):
 *       {@link #elem()} is the dynamic value, or null when the interface is nil.
 *   <li>FUNC, CHAN, UNSAFE_POINTER: {@link #isNil()}, {@link #address()}.
 * </ul>
 *
 * <p>Methods: {@link #hasMethod(FmtMethod)} tells whether the value's dynamic type has the method
 * in its method set (a {@code T} does not have the pointer-receiver methods of {@code *T}), and
 * {@link #call(FmtMethod)} invokes it ({@link #format} for {@code Format}); a Go panic inside it must surface as {@link GoMethodPanic}.
 */
public interface GoValue {
    /** The value's (dynamic) type. */
    GoType type();

    default boolean boolValue() {
        throw unsupported("boolValue");
    }

    /** Integer value: sign-extended when signed, raw bits when unsigned. */
    default long longValue() {
        throw unsupported("longValue");
    }

    /** Floating-point value (float32 widened exactly). */
    default double doubleValue() {
        throw unsupported("doubleValue");
    }

    /** String value: one char per byte, each in 0-255. */
    default String stringValue() {
        throw unsupported("stringValue");
    }

    /** True if this pointer, slice, map, func, chan, unsafe pointer or interface slot is nil. */
    default boolean isNil() {
        return false;
    }

    /** Number of elements of a slice, array or map. */
    default int len() {
        throw unsupported("len");
    }

    /** Capacity of a slice (only the builtin print uses it); defaults to {@link #len()}. */
    default int cap() {
        return len();
    }

    /** Element {@code i} of a slice or array. */
    default GoValue index(int i) {
        throw unsupported("index");
    }

    /** Field {@code i} of a struct, in declaration order. */
    default GoValue field(int i) {
        throw unsupported("field");
    }

    /** The entries of a map, in any order. */
    default List<Map.Entry<GoValue, GoValue>> mapEntries() {
        throw unsupported("mapEntries");
    }

    /** The pointee of a non-nil pointer, or the dynamic value of an interface slot (null if nil). */
    default GoValue elem() {
        throw unsupported("elem");
    }

    /** The address printed by {@code %p} and {@code %v} for pointers, maps, slices, funcs, chans. */
    default long address() {
        throw unsupported("address");
    }

    /** Whether the dynamic type's method set has {@code m}. */
    default boolean hasMethod(FmtMethod m) {
        return false;
    }

    /**
     * Calls method {@code m} and returns its string result.
     *
     * @throws GoMethodPanic if the Go method panicked
     */
    default String call(FmtMethod m) {
        throw unsupported("call " + m.goName);
    }

    /**
     * Calls the value's {@code Format(f fmt.State, verb rune)} method (only when
     * {@link #hasMethod hasMethod(FORMAT)}), passing {@code state} as the Go value {@code f}.
     *
     * @throws GoMethodPanic if the Go method panicked
     */
    default void format(State state, int verb) {
        throw unsupported("call Format");
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " on a value of type " + type().string());
    }
}
