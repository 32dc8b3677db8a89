package gopl.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Interprets literal tokens exactly (spec "Integer literals", "Floating-point literals", "Rune
 * literals", "String literals"). Strings become byte strings (UTF-8 encoded, one char per byte).
 * Returns null for a malformed literal (the scanner normally rejects those already).
 */
final class Literals {
  private Literals() {}

  /** Largest decimal exponent of a float literal kept exactly. */
  static final int MAX_EXPONENT = 10000;

  static Constant intLit(String s) {
    s = s.replace("_", "");
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) return Constant.of(new BigInteger(s.substring(2), 16));
      if (s.startsWith("0b") || s.startsWith("0B")) return Constant.of(new BigInteger(s.substring(2), 2));
      if (s.startsWith("0o") || s.startsWith("0O")) return Constant.of(new BigInteger(s.substring(2), 8));
      if (s.length() > 1 && s.startsWith("0")) return Constant.of(new BigInteger(s.substring(1), 8));
      return Constant.of(new BigInteger(s));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Constant floatLit(String s) {
    s = s.replace("_", "");
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) return hexFloat(s.substring(2));
      BigDecimal bd = new BigDecimal(s);
      // Exact rationals cannot hold 1e+500000000: the exponent of such literals (legal Go, never
      // seen in real programs) is clamped just beyond MAX_EXPONENT, which keeps them far out of
      // every type's range (overflow and truncation are still reported).
      if (Math.abs((long) bd.scale()) > MAX_EXPONENT) {
        int scale = bd.scale() > 0 ? MAX_EXPONENT + 1 : -(MAX_EXPONENT + 1);
        bd = new BigDecimal(bd.unscaledValue().signum() == 0 ? java.math.BigInteger.ZERO : java.math.BigInteger.valueOf(bd.unscaledValue().signum()), scale);
      }
      return Constant.ofDecimal(bd);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static Constant hexFloat(String s) {
    int p = Math.max(s.indexOf('p'), s.indexOf('P'));
    String mant = p < 0 ? s : s.substring(0, p);
    long exp = p < 0 ? 0 : Long.parseLong(s.substring(p + 1).replace("+", ""));
    if (Math.abs(exp) > 4 * MAX_EXPONENT) return Constant.UNKNOWN;
    int dot = mant.indexOf('.');
    if (dot >= 0) {
      exp -= 4L * (mant.length() - dot - 1);
      mant = mant.substring(0, dot) + mant.substring(dot + 1);
    }
    BigInteger m = mant.isEmpty() ? BigInteger.ZERO : new BigInteger(mant, 16);
    if (exp >= 0) return Constant.of(m.shiftLeft((int) exp));
    return Constant.rat(m, BigInteger.ONE.shiftLeft((int) -exp));
  }

  /** A rune literal's code point, or null. */
  static Constant charLit(String s) {
    if (s.length() < 3) return null;
    String body = s.substring(1, s.length() - 1);
    StringBuilder bytes = new StringBuilder();
    int[] pos = {0};
    int cp;
    if (body.charAt(0) == '\\') {
      cp = escape(body, pos, '\'', bytes, true);
    } else {
      cp = body.codePointAt(0);
      pos[0] = Character.charCount(cp);
    }
    if (cp < 0 || pos[0] != body.length()) return null;
    return Constant.of(cp);
  }

  /** A string literal's bytes as a byte string, or null. */
  static Constant stringLit(String s) {
    if (s.startsWith("`")) {
      String raw = s.substring(1, s.length() - 1).replace("\r", "");
      return Constant.ofString(bytes(raw));
    }
    String body = s.substring(1, s.length() - 1);
    StringBuilder out = new StringBuilder();
    int[] pos = {0};
    while (pos[0] < body.length()) {
      char c = body.charAt(pos[0]);
      if (c == '\\') {
        int before = out.length();
        int cp = escape(body, pos, '"', out, false);
        if (cp == -1) return null;
        if (out.length() == before) out.append(bytes(new String(Character.toChars(cp))));
      } else {
        int cp = body.codePointAt(pos[0]);
        pos[0] += Character.charCount(cp);
        out.append(bytes(new String(Character.toChars(cp))));
      }
    }
    return Constant.ofString(out.toString());
  }

  /** UTF-8 encodes s and returns the bytes as chars 0-255. */
  static String bytes(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(b.length);
    for (byte x : b) sb.append((char) (x & 0xff));
    return sb.toString();
  }

  /**
   * Decodes the escape at body[pos] (a backslash). Byte escapes (\x, octal) inside strings append
   * the raw byte to out and return 0; other escapes return the code point (-1 when malformed).
   */
  private static int escape(String body, int[] pos, char quote, StringBuilder out, boolean rune) {
    int i = pos[0] + 1;
    if (i >= body.length()) return -1;
    char c = body.charAt(i);
    pos[0] = i + 1;
    switch (c) {
      case 'a': return 7;
      case 'b': return 8;
      case 'f': return 12;
      case 'n': return 10;
      case 'r': return 13;
      case 't': return 9;
      case 'v': return 11;
      case '\\': return '\\';
      case '\'': case '"':
        return c == quote ? c : -1;
      case 'x': case 'u': case 'U': {
        int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (i + 1 + n > body.length()) return -1;
        int v = Integer.parseUnsignedInt(body.substring(i + 1, i + 1 + n), 16);
        pos[0] = i + 1 + n;
        if (c == 'x' && !rune) {
          out.append((char) v);
          return 0;
        }
        return v;
      }
      default:
        if (c >= '0' && c <= '7') {
          if (i + 3 > body.length()) return -1;
          int v = Integer.parseInt(body.substring(i, i + 3), 8);
          pos[0] = i + 3;
          if (v > 255) return -1;
          if (!rune) {
            out.append((char) v);
            return 0;
          }
          return v;
        }
        return -1;
    }
  }
}
