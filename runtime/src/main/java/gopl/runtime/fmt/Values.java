package gopl.runtime.fmt;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Simple immutable {@link GoValue} implementations, and the conversion of engine operands
 * ({@link #of(Object)}).
 *
 * <p>Operands passed to {@link GoFmt} as {@code Object} are turned into views by {@link #of}:
 * a {@link GoValue} is used as is; Java {@code null} is a nil interface; plain Java boxes map to
 * the unnamed Go type a Go programmer would expect ({@code Boolean}->bool, {@code Long} and
 * {@code Integer}->int, {@code Double}->float64, {@code Float}->float32, {@code String}->string,
 * {@code Byte}->uint8, {@code Character}->int32); anything else goes through the adapter
 * installed with {@link #setAdapter} (the code generator's runtime installs one for its own
 * representation of interface values, or passes GoValues directly).
 */
public final class Values {
    private Values() {}

    private static volatile Function<Object, GoValue> adapter;

    /** Installs the conversion used for operands that are neither GoValues nor plain boxes. */
    public static void setAdapter(Function<Object, GoValue> a) {
        adapter = a;
    }

    /** The view of an engine operand; null stays null (a nil interface). */
    public static GoValue of(Object o) {
        return switch (o) {
            case null -> null;
            case GoValue v -> v;
            case Boolean b -> ofBool(b);
            case Long l -> ofInt(l);
            case Integer i -> ofInt(i);
            case Double d -> of(Types.FLOAT64, d);
            case Float f -> of(Types.FLOAT32, f.doubleValue());
            case String s -> ofString(s);
            case Byte b -> of(Types.UINT8, b & 0xff);
            case Character c -> of(Types.INT32, (long) c.charValue());
            default -> {
                Function<Object, GoValue> a = adapter;
                if (a == null) {
                    throw new IllegalArgumentException("no GoValue view for " + o.getClass());
                }
                yield a.apply(o);
            }
        };
    }

    /** A general-purpose value record; unused components are null/0. */
    public record Simple(
            GoType type,
            Object scalar,
            List<GoValue> elems,
            List<Map.Entry<GoValue, GoValue>> entries,
            GoValue target,
            long address,
            boolean isNil,
            Map<FmtMethod, Supplier<String>> methods)
            implements GoValue {
        @Override public boolean boolValue() { return (Boolean) scalar; }
        @Override public long longValue() { return ((Number) scalar).longValue(); }
        @Override public double doubleValue() { return ((Number) scalar).doubleValue(); }
        @Override public String stringValue() { return (String) scalar; }

        @Override public int len() {
            return entries != null ? entries.size() : elems == null ? 0 : elems.size();
        }

        @Override public GoValue index(int i) { return elems.get(i); }
        @Override public GoValue field(int i) { return elems.get(i); }

        @Override public List<Map.Entry<GoValue, GoValue>> mapEntries() {
            return entries == null ? List.of() : entries;
        }

        @Override public GoValue elem() { return target; }

        @Override public boolean hasMethod(FmtMethod m) {
            return methods != null && methods.containsKey(m);
        }

        @Override public String call(FmtMethod m) {
            return methods.get(m).get();
        }

        @Override public String toString() {
            return "GoValue(" + type.string() + ")";
        }
    }

    private static GoValue scalar(GoType t, Object v) {
        return new Simple(t, v, null, null, null, 0, false, null);
    }

    public static GoValue ofBool(boolean b) {
        return scalar(Types.BOOL, b);
    }

    public static GoValue ofInt(long v) {
        return scalar(Types.INT, v);
    }

    public static GoValue ofString(String s) {
        return scalar(Types.STRING, s);
    }

    /** A value of a bool, integer (raw long bits), float (double) or string type. */
    public static GoValue of(GoType t, Object v) {
        Kind k = t.kind();
        if (k.isFloat()) {
            double d = ((Number) v).doubleValue();
            return scalar(t, k == Kind.FLOAT32 ? (double) (float) d : d);
        }
        if (k.isInteger()) {
            return scalar(t, truncate(k, ((Number) v).longValue()));
        }
        return scalar(t, v);
    }

    /** Truncates {@code v} to the width of an integer kind, sign- or zero-extending. */
    static long truncate(Kind k, long v) {
        return switch (k) {
            case INT8 -> (byte) v;
            case INT16 -> (short) v;
            case INT32 -> (int) v;
            case UINT8 -> v & 0xff;
            case UINT16 -> v & 0xffff;
            case UINT32 -> v & 0xffffffffL;
            default -> v;
        };
    }

    /** A slice (non-nil) or array value with the given elements; {@code address} for %p. */
    public static GoValue list(GoType t, long address, GoValue... elems) {
        return new Simple(t, null, List.of(elems), null, null, address, false, null);
    }

    /** A struct value with its fields in declaration order. */
    public static GoValue struct(GoType t, GoValue... fields) {
        return new Simple(t, null, List.of(fields), null, null, 0, false, null);
    }

    /** A non-nil map value from alternating keys and values. */
    public static GoValue map(GoType t, long address, GoValue... keysAndValues) {
        List<Map.Entry<GoValue, GoValue>> es = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            es.add(new AbstractMap.SimpleImmutableEntry<>(keysAndValues[i], keysAndValues[i + 1]));
        }
        return new Simple(t, null, null, List.copyOf(es), null, address, false, null);
    }

    /** A non-nil pointer to {@code target}. */
    public static GoValue pointer(GoType t, long address, GoValue target) {
        return new Simple(t, null, null, null, target, address, false, null);
    }

    /** An interface-typed slot holding {@code dynamic} (null for a nil interface). */
    public static GoValue iface(GoType t, GoValue dynamic) {
        return new Simple(t, null, null, null, dynamic, 0, dynamic == null, null);
    }

    /** A non-nil func, chan or unsafe.Pointer value identified by its address. */
    public static GoValue opaque(GoType t, long address) {
        return new Simple(t, null, null, null, null, address, address == 0, null);
    }

    /** The nil value of a pointer, slice, map, func, chan or unsafe.Pointer type. */
    public static GoValue nil(GoType t) {
        return new Simple(t, null, null, null, null, 0, true, null);
    }

    /** {@code base} with a method added to its method set. */
    public static GoValue withMethod(GoValue base, FmtMethod m, Supplier<String> body) {
        Simple s = (Simple) base;
        Map<FmtMethod, Supplier<String>> ms = new EnumMap<>(FmtMethod.class);
        if (s.methods() != null) {
            ms.putAll(s.methods());
        }
        ms.put(m, body);
        return new Simple(s.type(), s.scalar(), s.elems(), s.entries(), s.target(), s.address(),
                s.isNil(), ms);
    }
}
