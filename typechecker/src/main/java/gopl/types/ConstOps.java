package gopl.types;

import gopl.frontend.ast.Op;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact constant arithmetic (go/constant): unary and binary operations, shifts, comparisons and
 * conversions between kinds, on {@link Constant} values. Integer division truncates towards zero
 * (spec "Integer operators"); float division is exact on rationals.
 */
public final class ConstOps {
  private ConstOps() {}

  static BigInteger num(Constant c) {
    return c instanceof Constant.Rat r ? r.num() : ((Constant.Int) c).value();
  }

  static BigInteger den(Constant c) {
    return c instanceof Constant.Rat r ? r.den() : BigInteger.ONE;
  }

  /** x as an Int if it is integral, else UNKNOWN. */
  public static Constant toInt(Constant x) {
    if (x instanceof Constant.Int) return x;
    if (x instanceof Constant.Rat r && r.den().equals(BigInteger.ONE)) return Constant.of(r.num());
    return Constant.UNKNOWN;
  }

  /** The number of bits of |x| (x an Int). */
  static int bitLen(Constant x) {
    return ((Constant.Int) x).value().abs().bitLength();
  }

  static int sign(Constant x) {
    return num(x).signum();
  }

  /** spec "Operators": the unary operators + - ^ ! on a constant; prec is the bit size for ^ on unsigned types (0: signed/untyped). */
  public static Constant unary(Op op, Constant x, int prec) {
    if (x.isUnknown()) return x;
    switch (op) {
      case ADD:
        return x;
      case SUB:
        if (x instanceof Constant.Int i) return Constant.of(i.value().negate());
        return Constant.rat(num(x).negate(), den(x));
      case XOR: {
        BigInteger v = ((Constant.Int) x).value().not();
        if (prec > 0) v = v.and(BigInteger.ONE.shiftLeft(prec).subtract(BigInteger.ONE));
        return Constant.of(v);
      }
      case NOT:
        return Constant.of(!x.boolValue());
      default:
        throw new IllegalArgumentException("unary " + op);
    }
  }

  /**
   * x op y for arithmetic/logical operators. intDiv selects truncated integer division for QUO
   * (operands of integer type); returns UNKNOWN on division by zero (callers check first).
   */
  public static Constant binary(Constant x, Op op, Constant y, boolean intDiv) {
    if (x.isUnknown() || y.isUnknown()) return Constant.UNKNOWN;
    if (x instanceof Constant.Bool bx) {
      boolean a = bx.value(), b = y.boolValue();
      return switch (op) {
        case LAND -> Constant.of(a && b);
        case LOR -> Constant.of(a || b);
        default -> throw new IllegalArgumentException("bool " + op);
      };
    }
    if (x instanceof Constant.Str sx) {
      if (op == Op.ADD) return Constant.ofString(sx.value() + y.stringValue());
      throw new IllegalArgumentException("string " + op);
    }
    if (x instanceof Constant.Int ix && y instanceof Constant.Int iy) {
      BigInteger a = ix.value(), b = iy.value();
      switch (op) {
        case ADD: return Constant.of(a.add(b));
        case SUB: return Constant.of(a.subtract(b));
        case MUL: return Constant.of(a.multiply(b));
        case QUO:
          if (b.signum() == 0) return Constant.UNKNOWN;
          return intDiv ? Constant.of(a.divide(b)) : Constant.rat(a, b);
        case REM:
          if (b.signum() == 0) return Constant.UNKNOWN;
          return Constant.of(a.remainder(b));
        case AND: return Constant.of(a.and(b));
        case OR: return Constant.of(a.or(b));
        case XOR: return Constant.of(a.xor(b));
        case AND_NOT: return Constant.of(a.andNot(b));
        default: throw new IllegalArgumentException("int " + op);
      }
    }
    BigInteger an = num(x), ad = den(x), bn = num(y), bd = den(y);
    return switch (op) {
      case ADD -> Constant.rat(an.multiply(bd).add(bn.multiply(ad)), ad.multiply(bd));
      case SUB -> Constant.rat(an.multiply(bd).subtract(bn.multiply(ad)), ad.multiply(bd));
      case MUL -> Constant.rat(an.multiply(bn), ad.multiply(bd));
      case QUO -> bn.signum() == 0 ? Constant.UNKNOWN : Constant.rat(an.multiply(bd), ad.multiply(bn));
      default -> throw new IllegalArgumentException("float " + op);
    };
  }

  /** x << s or x >> s (x an Int; s non-negative, small). Right shift rounds towards -inf as Go's. */
  public static Constant shift(Constant x, Op op, long s) {
    if (x.isUnknown()) return x;
    BigInteger v = ((Constant.Int) x).value();
    return op == Op.SHL ? Constant.of(v.shiftLeft((int) s)) : Constant.of(v.shiftRight((int) s));
  }

  /** x op y for the comparison operators. */
  public static boolean compare(Constant x, Op op, Constant y) {
    int c;
    if (x instanceof Constant.Bool bx) {
      boolean eq = bx.value() == y.boolValue();
      return op == Op.EQL ? eq : !eq;
    } else if (x instanceof Constant.Str sx) {
      c = sx.value().compareTo(y.stringValue());
    } else {
      c = num(x).multiply(den(y)).compareTo(num(y).multiply(den(x)));
    }
    return switch (op) {
      case EQL -> c == 0;
      case NEQ -> c != 0;
      case LSS -> c < 0;
      case LEQ -> c <= 0;
      case GTR -> c > 0;
      case GEQ -> c >= 0;
      default -> throw new IllegalArgumentException("compare " + op);
    };
  }

  private static final BigInteger MAX_F64_INT = new BigDecimal(Double.MAX_VALUE).toBigInteger();

  /** x rounded to float64, or null if it overflows. */
  static Constant roundFloat64(Constant x) {
    double d = roundBinary(num(x), den(x), 53, -1022, 1023);
    if (Double.isInfinite(d)) return null;
    return Constant.ofDouble(d);
  }

  /** x rounded to float32, or null if it overflows. */
  static Constant roundFloat32(Constant x) {
    double f = roundBinary(num(x), den(x), 24, -126, 127);
    if (Double.isInfinite(f)) return null;
    return Constant.ofDouble(f);
  }

  /**
   * The rational num/den (den > 0) correctly rounded (to nearest, ties to even) to a binary
   * floating-point format with mant significand bits and normal exponents minExp..maxExp;
   * infinite on overflow. The result is exact as a double (float32 values included).
   */
  static double roundBinary(BigInteger num, BigInteger den, int mant, int minExp, int maxExp) {
    int sign = num.signum();
    if (sign == 0) return 0.0;
    BigInteger a = num.abs();
    long e = (long) a.bitLength() - den.bitLength();
    if (e > maxExp + 1) return sign * Double.POSITIVE_INFINITY;
    if (e < minExp - mant - 2) return sign * 0.0;
    // normalise e so that 2^e <= a/den < 2^(e+1)
    if (cmpScaled(a, den, e) < 0) e--;
    if (e < minExp) e = minExp; // subnormal: fixed quantum
    long q = mant - 1 - e; // m = round(a/den * 2^q)
    BigInteger n = q >= 0 ? a.shiftLeft((int) q) : a;
    BigInteger d = q >= 0 ? den : den.shiftLeft((int) -q);
    BigInteger[] qr = n.divideAndRemainder(d);
    BigInteger m = qr[0];
    int c = qr[1].shiftLeft(1).compareTo(d);
    if (c > 0 || (c == 0 && m.testBit(0))) m = m.add(BigInteger.ONE);
    if (m.bitLength() > mant) {
      m = m.shiftRight(1);
      q--;
    }
    if (-q + mant - 1 > maxExp) return sign * Double.POSITIVE_INFINITY;
    return sign * Math.scalb(m.doubleValue(), (int) -q);
  }

  /** Compares a with den * 2^e. */
  private static int cmpScaled(BigInteger a, BigInteger den, long e) {
    return e >= 0 ? a.compareTo(den.shiftLeft((int) e)) : a.shiftLeft((int) -e).compareTo(den);
  }

  /** Result of {@link #representable}: the value as represented in the type, or an error code. */
  record Repr(Constant value, int code) {}

  static final int TRUNCATED = 1, OVERFLOW = 2, INVALID = 3;

  /**
   * spec "Representability": whether constant x (of type xt) can be represented by basic type t;
   * the representation rounds floats; integers must be exact.
   */
  static Repr representable(Constant x, Type xt, Basic t) {
    if (x.isUnknown()) return new Repr(x, 0);
    if (fits(x, t)) {
      Constant v = t.is(Basic.IS_INTEGER) ? toInt(x) : x;
      if (t.is(Basic.IS_FLOAT) && !t.isUntyped()) {
        v = t.kind() == Basic.Kind.FLOAT32 ? roundFloat32(x) : roundFloat64(x);
      }
      return new Repr(v, 0);
    }
    if (Predicates.isNumeric(xt) && t.is(Basic.IS_NUMERIC)) {
      if (!Predicates.isInteger(xt) && t.is(Basic.IS_INTEGER)) return new Repr(null, TRUNCATED);
      return new Repr(null, OVERFLOW);
    }
    return new Repr(null, INVALID);
  }

  private static boolean fits(Constant x, Basic t) {
    if (t.is(Basic.IS_INTEGER)) {
      if (!(toInt(x) instanceof Constant.Int i)) return false;
      BigInteger v = i.value();
      return switch (t.kind()) {
        case INT, INT64 -> v.bitLength() <= 63;
        case INT8 -> v.bitLength() <= 7;
        case INT16 -> v.bitLength() <= 15;
        case INT32 -> v.bitLength() <= 31;
        case UINT, UINT64, UINTPTR -> v.signum() >= 0 && v.bitLength() <= 64;
        case UINT8 -> v.signum() >= 0 && v.bitLength() <= 8;
        case UINT16 -> v.signum() >= 0 && v.bitLength() <= 16;
        case UINT32 -> v.signum() >= 0 && v.bitLength() <= 32;
        default -> true; // untyped int/rune
      };
    }
    if (t.is(Basic.IS_FLOAT)) {
      if (!x.isNumeric()) return false;
      return switch (t.kind()) {
        case FLOAT32 -> roundFloat32(x) != null;
        case FLOAT64 -> roundFloat64(x) != null;
        default -> true;
      };
    }
    if (t.is(Basic.IS_COMPLEX)) return x.isNumeric();
    if (t.is(Basic.IS_STRING)) return x instanceof Constant.Str;
    if (t.is(Basic.IS_BOOLEAN)) return x instanceof Constant.Bool;
    return false;
  }

  /** The size in bits of an integer kind (int, uint and uintptr are 64-bit). */
  static int bits(Basic t) {
    return switch (t.kind()) {
      case INT8, UINT8 -> 8;
      case INT16, UINT16 -> 16;
      case INT32, UINT32, FLOAT32 -> 32;
      default -> 64;
    };
  }
}
