package gopl.runtime;

/**
 * An interface value whose dynamic type has no JVM class of its own: every type except {@code int}
 * (held as Long), {@code int32} (Integer), {@code float64} (Double), {@code bool} (Boolean), {@code
 * string} (String) and pointers to structs (the struct object itself). See docs/codegen.md.
 *
 * <p>Guarantees: immutable; {@link #raw} is the value in its typed JVM representation, Java-boxed
 * for primitives ({@code uint8} -> Integer holding 0-255, {@code uint64} -> Long holding the bits,
 * {@code float32} -> Float, a struct value -> a private copy, a slice -> its slice object, ...).
 * {@link #equals} is Go's {@code ==} on interface values of this dynamic type (panicking for
 * uncomparable types), {@link #hashCode} agrees with it.
 */
public final class Boxed implements Typed {
  /** The dynamic type; never null. */
  public final RType type;

  /** The value; null for nil pointers/slices/maps/funcs/chans of this type. */
  public final Object raw;

  public Boxed(RType type, Object raw) {
    this.type = type;
    this.raw = raw;
  }

  @Override
  public RType goType() {
    return type;
  }

  public long longBits() {
    return ((Number) raw).longValue();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Boxed b && b.type == type && Iface.rawEquals(type, raw, b.raw);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Iface.rawHash(type, raw);
  }

  @Override
  public String toString() {
    return type.string() + "(" + raw + ")";
  }
}
