package gopl.types;

/** Go's strconv.Quote for byte strings (chars 0-255), shortened as go/constant does in messages. */
final class Quote {
  private Quote() {}

  /** Quotes s; if longer than max chars, keeps a prefix and suffix joined by "..." (go/constant). */
  static String quote(String s, int max) {
    String q = quote(s);
    if (q.length() <= max) return q;
    int n = max / 3;
    return q.substring(0, n) + "..." + q.substring(q.length() - n);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    byte[] bytes = new byte[s.length()];
    for (int i = 0; i < s.length(); i++) bytes[i] = (byte) s.charAt(i);
    String u = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    boolean valid = java.util.Arrays.equals(u.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes);
    if (valid) {
      u.codePoints().forEach(c -> appendRune(sb, c));
    } else {
      for (byte b : bytes) {
        int c = b & 0xff;
        if (c < 0x80) appendRune(sb, c);
        else sb.append(String.format("\\x%02x", c));
      }
    }
    return sb.append('"').toString();
  }

  private static void appendRune(StringBuilder sb, int c) {
    switch (c) {
      case '\u0007' -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0b -> sb.append("\\v");
      case '"' -> sb.append("\\\"");
      case '\\' -> sb.append("\\\\");
      default -> {
        if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", c));
        else sb.appendCodePoint(c);
      }
    }
  }
}
