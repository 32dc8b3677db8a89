package gopl.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Go's {@code %.Ng} formatting of a double (shortest of %e/%f, trailing zeros removed). */
final class GoFloatFormat {
  private GoFloatFormat() {}

  static String g(double d, int prec) {
    if (d == 0) return (1 / d < 0) ? "-0" : "0";
    return g(new BigDecimal(d), prec);
  }

  static String g(BigDecimal exact, int prec) {
    if (exact.signum() == 0) return "0";
    BigDecimal bd = exact.round(new MathContext(prec, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1; // decimal exponent of the leading digit
    if (exp < -4 || exp >= prec) {
      String digits = bd.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder();
      if (bd.signum() < 0) sb.append('-');
      sb.append(digits.charAt(0));
      if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
      sb.append('e').append(exp < 0 ? '-' : '+');
      int ae = Math.abs(exp);
      if (ae < 10) sb.append('0');
      sb.append(ae);
      return sb.toString();
    }
    return bd.toPlainString();
  }
}
