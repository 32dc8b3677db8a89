package gopl.runtime;

/**
 * Go strings as byte strings: a Go string is a Java String whose chars are its bytes (0-255), so
 * len, indexing, slicing, concatenation, comparison and hashing are the JDK's and have Go's byte
 * semantics. This class holds what needs UTF-8: decoding for {@code range} and {@code []rune(s)},
 * encoding for {@code string(r)} and {@code string(runes)}, and the byte-slice conversions.
 *
 * <p>Decoding follows Go's unicode/utf8: an invalid or truncated sequence, an encoded surrogate
 * or a value above U+10FFFF decodes as U+FFFD with width 1.
 */
public final class GoStrings {
  private GoStrings() {}

  /** U+FFFD, what invalid UTF-8 decodes to. */
  public static final int RUNE_ERROR = 0xFFFD;

  /**
   * Decodes the rune starting at byte {@code i} of {@code s}: returns {@code (rune << 32) | width}
   * so that a range loop needs no allocation. Precondition: 0 <= i < len(s).
   */
  public static long decodeRune(String s, int i) {
    int n = s.length();
    int b0 = s.charAt(i);
    if (b0 < 0x80) return ((long) b0 << 32) | 1;
    int need;
    int min;
    int r;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      min = 0x80;
      r = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      min = 0x800;
      r = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      min = 0x10000;
      r = b0 & 0x07;
    } else {
      return ((long) RUNE_ERROR << 32) | 1;
    }
    for (int k = 1; k <= need; k++) {
      if (i + k >= n) return ((long) RUNE_ERROR << 32) | 1;
      int b = s.charAt(i + k);
      if ((b & 0xC0) != 0x80) return ((long) RUNE_ERROR << 32) | 1;
      r = (r << 6) | (b & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return ((long) RUNE_ERROR << 32) | 1;
    return ((long) r << 32) | (need + 1);
  }

  /** Rune part of a {@link #decodeRune} result. */
  public static int runeOf(long decoded) {
    return (int) (decoded >>> 32);
  }

  /** Width part of a {@link #decodeRune} result. */
  public static int widthOf(long decoded) {
    return (int) decoded;
  }

  /** spec: "Converting a signed or unsigned integer value to a string type yields a string containing the UTF-8 representation of the integer. Values outside the range of valid Unicode code points are converted to "\uFFFD"." */
  public static String fromRune(long r) {
    StringBuilder sb = new StringBuilder(4);
    appendRune(sb, r);
    return sb.toString();
  }

  /** Appends the UTF-8 bytes of rune r (U+FFFD for invalid code points) as chars. */
  public static void appendRune(StringBuilder sb, long r) {
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = RUNE_ERROR;
    int c = (int) r;
    if (c < 0x80) {
      sb.append((char) c);
    } else if (c < 0x800) {
      sb.append((char) (0xC0 | (c >> 6))).append((char) (0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      sb.append((char) (0xE0 | (c >> 12))).append((char) (0x80 | ((c >> 6) & 0x3F))).append((char) (0x80 | (c & 0x3F)));
    } else {
      sb.append((char) (0xF0 | (c >> 18)))
          .append((char) (0x80 | ((c >> 12) & 0x3F)))
          .append((char) (0x80 | ((c >> 6) & 0x3F)))
          .append((char) (0x80 | (c & 0x3F)));
    }
  }

  /** Encodes a Java (UTF-16) string as a Go byte string: used for literals and host text. */
  public static String fromJava(String javaString) {
    boolean ascii = true;
    for (int i = 0; i < javaString.length() && ascii; i++) ascii = javaString.charAt(i) < 0x80;
    if (ascii) return javaString;
    StringBuilder sb = new StringBuilder(javaString.length() + 8);
    javaString.codePoints().forEach(cp -> appendRune(sb, cp));
    return sb.toString();
  }

  /** Decodes a Go byte string as UTF-8 into a Java string (for host APIs such as file names). */
  public static String toJava(String goString) {
    StringBuilder sb = new StringBuilder(goString.length());
    for (int i = 0; i < goString.length(); ) {
      long d = decodeRune(goString, i);
      sb.appendCodePoint(runeOf(d));
      i += widthOf(d);
    }
    return sb.toString();
  }

  /** The number of runes in s (utf8.RuneCountInString). */
  public static int runeCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); n++) {
      char c = s.charAt(i);
      i += c < 0x80 ? 1 : widthOf(decodeRune(s, i));
    }
    return n;
  }

  /** {@code []rune(s)} as a fresh int array (the slice layer wraps it). */
  public static int[] toRunes(String s) {
    int[] out = new int[runeCount(s)];
    int k = 0;
    for (int i = 0; i < s.length(); ) {
      long d = decodeRune(s, i);
      out[k++] = runeOf(d);
      i += widthOf(d);
    }
    return out;
  }

  /** {@code string(runes[off:off+len])}. */
  public static String fromRunes(int[] runes, int off, int len) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) appendRune(sb, runes[off + i]);
    return sb.toString();
  }

  /** {@code []byte(s)} as a fresh byte array. */
  public static byte[] toBytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** {@code string(b[off:off+len])}. */
  public static String fromBytes(byte[] b, int off, int len) {
    return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** {@code s[i]} with Go's bounds check; the byte as a zero-extended int (a uint8 value). */
  public static int index(String s, long i) {
    if (i < 0 || i >= s.length()) throw Panics.index(i, s.length());
    return s.charAt((int) i);
  }

  /** {@code s[lo:hi]} with Go's bounds checks (hi < 0 means "omitted": len(s)). */
  public static String slice(String s, long lo, long hi) {
    int n = s.length();
    if (hi < 0) hi = n;
    else if (hi > n) throw Panics.sliceHighLen(hi, n);
    if (lo < 0 || lo > hi) throw Panics.sliceLowHigh(lo, hi);
    return s.substring((int) lo, (int) hi);
  }

  /** Go's string comparison (bytewise, unsigned): negative, zero or positive. */
  public static int compare(String a, String b) {
    return a.compareTo(b);
  }
}
