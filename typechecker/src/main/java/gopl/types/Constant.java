package gopl.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact constant value (go/constant): booleans, strings (Java strings whose chars are the
 * string's bytes 0-255), arbitrary-precision integers ({@link Int}) and exact rationals for
 * floats ({@link Rat}). As in go/constant the kind need not match the Go type: an untyped float
 * constant may hold an Int ({@code const f float64 = 1} before conversion), so read numbers with
 * {@link #longValue()} / {@link #doubleValue()} according to the recorded type. {@link Unknown} stands for
 * an erroneous value (an error was reported).
 */
public sealed interface Constant {

  /** A boolean constant. */
  record Bool(boolean value) implements Constant {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A string constant; chars are bytes (0-255). */
  record Str(String value) implements Constant {
    @Override
    public String toString() {
      return Quote.quote(value, 72);
    }
  }

  /** An integer constant of any size. */
  record Int(BigInteger value) implements Constant {
    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * A floating-point constant: the exact rational num/den (den > 0, gcd(num, den) = 1; den may be
   * 1, e.g. for {@code 2.0} or {@code 1e39}, which stay floats as in go/constant).
   */
  record Rat(BigInteger num, BigInteger den) implements Constant {
    @Override
    public String toString() {
      return formatFloat(this);
    }
  }

  /** The value of an erroneous constant expression. */
  record Unknown() implements Constant {
    @Override
    public String toString() {
      return "unknown";
    }
  }

  Constant UNKNOWN = new Unknown();

  static Constant of(boolean b) {
    return new Bool(b);
  }

  static Constant of(long v) {
    return new Int(BigInteger.valueOf(v));
  }

  static Constant of(BigInteger v) {
    return new Int(v);
  }

  static Constant ofString(String bytes) {
    return new Str(bytes);
  }

  /** The float constant num/den, normalised. */
  static Constant rat(BigInteger num, BigInteger den) {
    if (den.signum() == 0) throw new ArithmeticException("division by zero");
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      num = num.divide(g);
      den = den.divide(g);
    }
    return new Rat(num, den);
  }

  /** The exact value of a finite double. */
  static Constant ofDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return UNKNOWN;
    BigDecimal bd = new BigDecimal(d);
    return ofDecimal(bd);
  }

  /** The float constant with the exact value of bd. */
  static Constant ofDecimal(BigDecimal bd) {
    if (bd.scale() <= 0) return rat(bd.toBigIntegerExact(), BigInteger.ONE);
    return rat(bd.unscaledValue(), BigInteger.TEN.pow(bd.scale()));
  }

  default boolean isUnknown() {
    return this instanceof Unknown;
  }

  default boolean isNumeric() {
    return this instanceof Int || this instanceof Rat;
  }

  /** The boolean value (a Bool constant). */
  default boolean boolValue() {
    return ((Bool) this).value;
  }

  /** The string's bytes as chars (a Str constant). */
  default String stringValue() {
    return ((Str) this).value;
  }

  /** The integer value truncated to 64 bits (two's complement) — for typed integer constants. */
  default long longValue() {
    return switch (this) {
      case Int i -> i.value.longValue();
      case Rat r -> r.num.divide(r.den).longValue();
      default -> throw new IllegalStateException("not numeric: " + this);
    };
  }

  default BigInteger bigValue() {
    return switch (this) {
      case Int i -> i.value;
      case Rat r -> r.num.divide(r.den);
      default -> throw new IllegalStateException("not numeric: " + this);
    };
  }

  /** The value rounded to the nearest double (for float constants). */
  default double doubleValue() {
    return switch (this) {
      case Int i -> ConstOps.roundBinary(i.value, BigInteger.ONE, 53, -1022, 1023);
      case Rat r -> ConstOps.roundBinary(r.num, r.den, 53, -1022, 1023);
      default -> throw new IllegalStateException("not numeric: " + this);
    };
  }

  /** Go's %.6g-style spelling of a non-integral rational, as go/constant prints it. */
  static String formatFloat(Rat r) {
    double d = r.doubleValue();
    if ((d == 0 && r.num.signum() != 0) || Double.isInfinite(d)) {
      // outside float64's range: go/constant formats the big.Float
      return GoFloatFormat.g(new BigDecimal(r.num).divide(new BigDecimal(r.den), new MathContext(20, RoundingMode.HALF_EVEN)), 6);
    }
    return GoFloatFormat.g(d, 6);
  }
}
