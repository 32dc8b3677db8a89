package gopl.grammar;

/**
 * Lexical validation of literal tokens with gc's messages (cmd/compile/internal/syntax's scanner).
 * The lexer rules accept a superset of valid literals; these checks report what is wrong and where
 * (an offset in code points from the token start), and never throw.
 */
public final class GoLiterals {
  /** Receives (offset within the token, message). */
  public interface Sink {
    void error(int offset, String message);
  }

  private GoLiterals() {}

  static String baseName(int base) {
    return switch (base) {
      case 2 -> "binary";
      case 8 -> "octal";
      case 10 -> "decimal";
      default -> "hexadecimal";
    };
  }

  /** Go's {@code %#U}: {@code U+0040 '@'}. */
  public static String unicodeName(int cp) {
    String hex = String.format("U+%04X", cp);
    if (Character.isISOControl(cp) || !Character.isDefined(cp) || Character.isWhitespace(cp)) return hex;
    return hex + " '" + new String(Character.toChars(cp)) + "'";
  }

  static String quoteChar(int cp) {
    return switch (cp) {
      case '\n' -> "'\\n'";
      case '\t' -> "'\\t'";
      case '\'' -> "'\\''";
      case '\\' -> "'\\\\'";
      default -> "'" + new String(Character.toChars(cp)) + "'";
    };
  }

  private static boolean isDecimal(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    char l = Character.toLowerCase(c);
    return isDecimal(c) || (l >= 'a' && l <= 'f');
  }

  /** Checks an int, float or imaginary literal (all ASCII). */
  public static void checkNumber(String lit, Sink sink) {
    new NumberCheck(lit, sink).run();
  }

  /** Scanner state for one number, mirroring the order of gc's checks. */
  private static final class NumberCheck {
    final String s;
    final Sink sink;
    int i;
    int base = 10;
    char prefix = 0;
    int digsep; // bit 0: digits seen, bit 1: '_' seen
    int invalid = -1;
    boolean ok = true;
    boolean isFloat;

    NumberCheck(String lit, Sink sink) {
      this.s = lit;
      this.sink = sink;
    }

    char ch() {
      return i < s.length() ? s.charAt(i) : 0;
    }

    void digits(int b, boolean record) {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (b <= 10 ? !(isDecimal(c) || c == '_') : !(isHex(c) || c == '_')) break;
        if (c == '_') digsep |= 2;
        else {
          digsep |= 1;
          if (record && b <= 10 && c >= '0' + b && invalid < 0) invalid = i;
        }
        i++;
      }
    }

    void error(int at, String msg) {
      sink.error(at, msg);
      ok = false;
    }

    void run() {
      if (ch() != '.') {
        if (ch() == '0') {
          i++;
          switch (Character.toLowerCase(ch())) {
            case 'x' -> { i++; base = 16; prefix = 'x'; }
            case 'o' -> { i++; base = 8; prefix = 'o'; }
            case 'b' -> { i++; base = 2; prefix = 'b'; }
            default -> { base = 8; prefix = '0'; digsep = 1; }
          }
        }
        digits(base, true);
        if (ch() == '.') {
          if (prefix == 'o' || prefix == 'b') error(i, "invalid radix point in " + baseName(base) + " literal");
          i++;
          isFloat = true;
        }
      } else {
        i++;
        isFloat = true;
      }
      if (isFloat) digits(base, true);
      if ((digsep & 1) == 0 && ok) error(i, baseName(base) + " literal has no digits");
      char e = Character.toLowerCase(ch());
      if (e == 'e' || e == 'p') {
        if (ok && e == 'e' && prefix != 0 && prefix != '0') error(i, quoteChar(ch()) + " exponent requires decimal mantissa");
        else if (ok && e == 'p' && prefix != 'x') error(i, quoteChar(ch()) + " exponent requires hexadecimal mantissa");
        i++;
        isFloat = true;
        if (ch() == '+' || ch() == '-') i++;
        int sep = digsep & 2;
        digsep = 0;
        digits(10, false);
        boolean expDigits = (digsep & 1) != 0;
        digsep |= sep;
        if (!expDigits && ok) error(i, "exponent has no digits");
      } else if (prefix == 'x' && isFloat && ok) {
        error(i, "hexadecimal mantissa requires a 'p' exponent");
      }
      boolean imag = ch() == 'i';
      if (!isFloat && !imag && invalid >= 0 && ok) {
        error(invalid, "invalid digit " + quoteChar(s.charAt(invalid)) + " in " + baseName(base) + " literal");
      }
      if ((digsep & 2) != 0 && ok) {
        int bad = invalidSeparator(imag ? s.substring(0, s.length() - 1) : s);
        if (bad >= 0) error(bad, "'_' must separate successive digits");
      }
    }
  }

  /** Index of the first '_' that does not separate two digits (or prefix and digit), else -1. */
  static int invalidSeparator(String x) {
    boolean hex = false;
    char prev = '.'; // '0' = digit, '_' = separator, '.' = anything else
    int i = 0;
    if (x.length() >= 2 && x.charAt(0) == '0') {
      char p = Character.toLowerCase(x.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        hex = p == 'x';
        prev = '0';
        i = 2;
      }
    }
    for (; i < x.length(); i++) {
      char c = x.charAt(i);
      if (c == '_') {
        if (prev != '0') return i;
        prev = '_';
      } else if (isDecimal(c) || (hex && isHex(c))) {
        prev = '0';
      } else {
        if (prev == '_') return i - 1;
        prev = '.';
      }
    }
    return prev == '_' ? x.length() - 1 : -1;
  }

  /** Checks a rune literal's escapes and length; terminated is false when the closing quote is missing. */
  public static void checkRune(String lit, boolean terminated, Sink sink) {
    int end = terminated ? lit.length() - 1 : lit.length();
    int n = 0;
    boolean ok = true;
    int i = 1;
    while (i < end) {
      int cp = lit.codePointAt(i);
      if (cp == '\\') {
        int next = escape(lit, i + 1, end, '\'', sink);
        if (next < 0) {
          ok = false;
          next = -next;
        }
        i = next;
      } else {
        i += Character.charCount(cp);
      }
      n++;
    }
    if (terminated && ok) {
      if (n == 0) sink.error(cpOffset(lit, end), "empty rune literal or unescaped '");
      else if (n != 1) sink.error(0, "more than one character in rune literal");
    }
  }

  /** Checks the escapes of an interpreted string literal (terminated or not). */
  public static void checkString(String lit, Sink sink) {
    int end = lit.endsWith("\"") && lit.length() > 1 && !escapedQuoteAtEnd(lit) ? lit.length() - 1 : lit.length();
    int i = 1;
    while (i < end) {
      int cp = lit.codePointAt(i);
      if (cp == '\\') {
        int next = escape(lit, i + 1, end, '"', sink);
        i = Math.abs(next);
      } else {
        i += Character.charCount(cp);
      }
    }
  }

  private static boolean escapedQuoteAtEnd(String lit) {
    int backslashes = 0;
    for (int k = lit.length() - 2; k >= 1 && lit.charAt(k) == '\\'; k--) backslashes++;
    return backslashes % 2 == 1;
  }

  /**
   * Validates the escape whose character (after the backslash) is at index i; returns the index
   * after it, negated when the escape is invalid.
   */
  private static int escape(String s, int i, int end, char quote, Sink sink) {
    if (i >= end) return i;
    char c = s.charAt(i);
    int n;
    int base;
    long max;
    switch (c) {
      case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
        return i + 1;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        n = 3;
        base = 8;
        max = 255;
      }
      case 'x' -> {
        i++;
        n = 2;
        base = 16;
        max = 255;
      }
      case 'u' -> {
        i++;
        n = 4;
        base = 16;
        max = Character.MAX_CODE_POINT;
      }
      case 'U' -> {
        i++;
        n = 8;
        base = 16;
        max = Character.MAX_CODE_POINT;
      }
      default -> {
        if (c == quote) return i + 1;
        sink.error(cpOffset(s, i), "unknown escape");
        return -(i + Character.charCount(s.codePointAt(i)));
      }
    }
    long x = 0;
    for (int k = n; k > 0; k--) {
      if (i >= end) return i;
      int cp = s.codePointAt(i);
      int d = base;
      if (cp >= '0' && cp <= '9') d = cp - '0';
      else if (Character.toLowerCase(cp) >= 'a' && Character.toLowerCase(cp) <= 'f') d = Character.toLowerCase(cp) - 'a' + 10;
      if (d >= base) {
        sink.error(cpOffset(s, i), "invalid character " + quoteChar(cp) + " in " + baseName(base) + " escape");
        return -i;
      }
      x = x * base + d;
      i++;
    }
    if (x > max && base == 8) {
      sink.error(cpOffset(s, i), "octal escape value " + x + " > 255");
      return -i;
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
      sink.error(cpOffset(s, i), "escape is invalid Unicode code point " + String.format("U+%04X", x));
      return -i;
    }
    return i;
  }

  /** Offset in code points of char index i (the sink expects code point offsets). */
  private static int cpOffset(String s, int i) {
    return s.codePointCount(0, i);
  }
}
