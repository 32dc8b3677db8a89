package gopl.stdlib.strconv;

import gopl.runtime.fmt.GoFmt;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Java intrinsics of package strconv (strconv/strconv.gop). The parse functions return
 * {@code (value, code)} with code 0 (ok), 1 (syntax error) or 2 (range error, value clamped as Go
 * clamps it); the .gop wrappers turn codes into *NumError values.
 */
public final class Natives {
  private Natives() {}

  public static String Itoa(long i) {
    return Long.toString(i);
  }

  public static String FormatInt(long i, long base) {
    return Long.toString(i, (int) base);
  }

  public static String FormatUint(long i, long base) {
    return Long.toUnsignedString(i, (int) base);
  }

  public static String FormatBool(boolean b) {
    return b ? "true" : "false";
  }

  public static String FormatFloat(double f, int fmt, long prec, long bitSize) {
    char c = (char) fmt;
    if (prec < 0 && c == 'f') {
      if (Double.isNaN(f) || Double.isInfinite(f)) return GoFmt.sprintf("%v", f);
      String s = new BigDecimal(bitSize == 32 ? Float.toString((float) f) : Double.toString(f)).stripTrailingZeros().toPlainString();
      return s;
    }
    String verb = prec < 0 ? "%" + (c == 'g' || c == 'G' ? "v" : String.valueOf(c)) : "%." + prec + c;
    if (prec < 0 && (c == 'g' || c == 'G')) return GoFmt.sprintf("%v", f);
    return GoFmt.sprintf(verb, f);
  }

  public static String Quote(String s) {
    return GoFmt.sprintf("%q", s);
  }

  private static Object[] result(Object v, long code) {
    return new Object[] {v, code};
  }

  private static String digits(String s, int[] baseOut) {
    int base = baseOut[0];
    if (base == 0) {
      base = 10;
      if (s.startsWith("0x") || s.startsWith("0X")) {
        base = 16;
        s = s.substring(2);
      } else if (s.startsWith("0b") || s.startsWith("0B")) {
        base = 2;
        s = s.substring(2);
      } else if (s.startsWith("0o") || s.startsWith("0O")) {
        base = 8;
        s = s.substring(2);
      } else if (s.startsWith("0") && s.length() > 1) {
        base = 8;
        s = s.substring(1);
      }
      s = s.replace("_", "");
    }
    baseOut[0] = base;
    return s;
  }

  public static Object[] parseInt(String s, long base, long bitSize) {
    if (bitSize == 0) bitSize = 64;
    String body = s;
    boolean neg = false;
    if (body.startsWith("+") || body.startsWith("-")) {
      neg = body.startsWith("-");
      body = body.substring(1);
    }
    int[] b = {(int) base};
    body = digits(body, b);
    if (body.isEmpty() || !body.chars().allMatch(ch -> Character.digit(ch, b[0]) >= 0)) return result(0L, 1);
    BigInteger v = new BigInteger(body, b[0]);
    if (neg) v = v.negate();
    BigInteger max = BigInteger.ONE.shiftLeft((int) bitSize - 1).subtract(BigInteger.ONE);
    BigInteger min = BigInteger.ONE.shiftLeft((int) bitSize - 1).negate();
    if (v.compareTo(max) > 0) return result(max.longValue(), 2);
    if (v.compareTo(min) < 0) return result(min.longValue(), 2);
    return result(v.longValue(), 0);
  }

  public static Object[] parseUint(String s, long base, long bitSize) {
    if (bitSize == 0) bitSize = 64;
    int[] b = {(int) base};
    String body = digits(s, b);
    if (body.isEmpty() || !body.chars().allMatch(ch -> Character.digit(ch, b[0]) >= 0)) return result(0L, 1);
    BigInteger v = new BigInteger(body, b[0]);
    BigInteger max = BigInteger.ONE.shiftLeft((int) bitSize).subtract(BigInteger.ONE);
    if (v.compareTo(max) > 0) return result(max.longValue(), 2);
    return result(v.longValue(), 0);
  }

  public static Object[] parseFloat(String s) {
    String t = s.replace("_", "");
    switch (t.toLowerCase()) {
      case "inf", "+inf", "infinity", "+infinity" -> {
        return result(Double.POSITIVE_INFINITY, 0);
      }
      case "-inf", "-infinity" -> {
        return result(Double.NEGATIVE_INFINITY, 0);
      }
      case "nan" -> {
        return result(Double.NaN, 0);
      }
      default -> {}
    }
    if (t.isEmpty() || !t.matches("[+-]?(0[xX][0-9a-fA-F.]+[pP][+-]?\\d+|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)")) {
      return result(0.0, 1);
    }
    double d = Double.parseDouble(t.startsWith("0x") || t.startsWith("0X") ? t : t);
    if (Double.isInfinite(d)) return result(d, 2);
    return result(d, 0);
  }
}
