package gopl.stdlib.strings;

import gopl.runtime.GoStrings;
import gopl.runtime.ObjectSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Java intrinsics of package strings (strings/strings.gop). Go strings are byte strings (one
 * char per byte), so the JDK's String search methods have Go's byte semantics; case mapping and
 * rune searches decode UTF-8.
 */
public final class Natives {
  private Natives() {}

  private static ObjectSlice slice(List<String> parts) {
    return ObjectSlice.of(parts.toArray());
  }

  public static boolean Contains(String s, String sub) {
    return s.contains(sub);
  }

  public static boolean ContainsRune(String s, int r) {
    return IndexRune(s, r) >= 0;
  }

  public static boolean ContainsAny(String s, String chars) {
    return IndexAny(s, chars) >= 0;
  }

  /** spec of strings.Count: "If substr is empty, Count returns 1 + the number of Unicode code points in s." */
  public static long Count(String s, String sub) {
    if (sub.isEmpty()) return GoStrings.runeCount(s) + 1L;
    long n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
    return n;
  }

  public static boolean HasPrefix(String s, String p) {
    return s.startsWith(p);
  }

  public static boolean HasSuffix(String s, String p) {
    return s.endsWith(p);
  }

  public static long Index(String s, String sub) {
    return s.indexOf(sub);
  }

  public static long IndexByte(String s, int c) {
    return s.indexOf((char) (c & 0xFF));
  }

  public static long IndexRune(String s, int r) {
    for (int i = 0; i < s.length(); ) {
      long d = GoStrings.decodeRune(s, i);
      if (GoStrings.runeOf(d) == r) return i;
      i += GoStrings.widthOf(d);
    }
    return -1;
  }

  public static long IndexAny(String s, String chars) {
    for (int i = 0; i < s.length(); ) {
      long d = GoStrings.decodeRune(s, i);
      if (IndexRune(chars, GoStrings.runeOf(d)) >= 0) return i;
      i += GoStrings.widthOf(d);
    }
    return -1;
  }

  public static long LastIndex(String s, String sub) {
    return s.lastIndexOf(sub);
  }

  public static long LastIndexByte(String s, int c) {
    return s.lastIndexOf((char) (c & 0xFF));
  }

  public static ObjectSlice Split(String s, String sep) {
    return SplitN(s, sep, -1);
  }

  /** strings.SplitN: at most n substrings (n < 0: all); an empty sep splits after each UTF-8 sequence. */
  public static ObjectSlice SplitN(String s, String sep, long n) {
    if (n == 0) return null;
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      for (int i = 0; i < s.length(); ) {
        if (n > 0 && out.size() == n - 1) {
          out.add(s.substring(i));
          return slice(out);
        }
        long d = GoStrings.decodeRune(s, i);
        int w = GoStrings.widthOf(d);
        // Go's explode: every piece but the last that decodes as RuneError becomes "\uFFFD".
        boolean last = i + w == s.length();
        out.add(!last && GoStrings.runeOf(d) == 0xFFFD ? "\u00ef\u00bf\u00bd" : s.substring(i, i + w));
        i += w;
      }
      return slice(out);
    }
    int start = 0;
    while (n < 0 || out.size() < n - 1) {
      int i = s.indexOf(sep, start);
      if (i < 0) break;
      out.add(s.substring(start, i));
      start = i + sep.length();
    }
    out.add(s.substring(start));
    return slice(out);
  }

  private static boolean isSpace(int r) {
    return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0 || r == 0x1680
        || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000;
  }

  public static ObjectSlice Fields(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      long d = GoStrings.decodeRune(s, i);
      boolean sp = isSpace(GoStrings.runeOf(d));
      if (sp && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      } else if (!sp && start < 0) {
        start = i;
      }
      i += GoStrings.widthOf(d);
    }
    if (start >= 0) out.add(s.substring(start));
    return slice(out);
  }

  public static String Join(ObjectSlice elems, String sep) {
    int n = ObjectSlice.len(elems);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(sep);
      sb.append((String) elems.a[elems.off + i]);
    }
    return sb.toString();
  }

  public static String Repeat(String s, long count) {
    if (count < 0) throw new gopl.runtime.GoPanic("strings: negative Repeat count");
    return s.repeat((int) count);
  }

  public static String Replace(String s, String old, String nw, long n) {
    if (n == 0 || old.equals(nw)) return s;
    StringBuilder sb = new StringBuilder();
    if (old.isEmpty()) {
      int done = 0;
      int i = 0;
      sb.append(nw);
      done++;
      while (i < s.length() && (n < 0 || done < n)) {
        int w = GoStrings.widthOf(GoStrings.decodeRune(s, i));
        sb.append(s, i, i + w).append(nw);
        i += w;
        done++;
      }
      sb.append(s.substring(i));
      return sb.toString();
    }
    int start = 0;
    long done = 0;
    while (n < 0 || done < n) {
      int i = s.indexOf(old, start);
      if (i < 0) break;
      sb.append(s, start, i).append(nw);
      start = i + old.length();
      done++;
    }
    sb.append(s.substring(start));
    return sb.toString();
  }

  public static String ReplaceAll(String s, String old, String nw) {
    return Replace(s, old, nw, -1);
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
    return true;
  }

  /**
   * strings.Map with a Java mapping: each rune (an invalid byte decodes as U+FFFD, written
   * back as its 3-byte encoding, as Go's Map does) replaced by its image.
   */
  static String mapRunes(String s, java.util.function.IntUnaryOperator f) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      long d = GoStrings.decodeRune(s, i);
      int r = GoStrings.runeOf(d);
      gopl.runtime.fmt.Utf8.encode(sb, f.applyAsInt(r));
      i += GoStrings.widthOf(d);
    }
    return sb.toString();
  }

  /** unicode.ToUpper etc.: simple case mappings, invalid runes unchanged. */
  private static int upper(int r) {
    return r >= 0 && r <= Character.MAX_CODE_POINT ? Character.toUpperCase(r) : r;
  }

  private static int lower(int r) {
    return r >= 0 && r <= Character.MAX_CODE_POINT ? Character.toLowerCase(r) : r;
  }

  private static int title(int r) {
    return r >= 0 && r <= Character.MAX_CODE_POINT ? Character.toTitleCase(r) : r;
  }

  public static String ToUpper(String s) {
    if (ascii(s)) return s.toUpperCase(Locale.ROOT);
    return mapRunes(s, Natives::upper);
  }

  public static String ToLower(String s) {
    if (ascii(s)) return s.toLowerCase(Locale.ROOT);
    return mapRunes(s, Natives::lower);
  }

  public static String ToTitle(String s) {
    return mapRunes(s, Natives::title);
  }

  /** Go's isSeparator: ASCII alphanumerics and '_' are not; other ASCII, and spaces, are. */
  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      return !(('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) return false;
    return isSpace(r);
  }

  /** Go's deprecated Title: title-cases the first letter of each word (after a separator). */
  public static String Title(String s) {
    int[] prev = {' '};
    return mapRunes(s, r -> {
      int out = isSeparator(prev[0]) ? title(r) : r;
      prev[0] = r;
      return out;
    });
  }

  public static String TrimSpace(String s) {
    int a = 0;
    int b = s.length();
    while (a < b) {
      long d = GoStrings.decodeRune(s, a);
      if (!isSpace(GoStrings.runeOf(d))) break;
      a += GoStrings.widthOf(d);
    }
    while (b > a) {
      int k = b - 1;
      while (k > a && (s.charAt(k) & 0xC0) == 0x80) k--;
      long d = GoStrings.decodeRune(s, k);
      if (k + GoStrings.widthOf(d) != b || !isSpace(GoStrings.runeOf(d))) break;
      b = k;
    }
    return s.substring(a, b);
  }

  public static String TrimLeft(String s, String cutset) {
    int a = 0;
    while (a < s.length()) {
      long d = GoStrings.decodeRune(s, a);
      if (IndexRune(cutset, GoStrings.runeOf(d)) < 0) break;
      a += GoStrings.widthOf(d);
    }
    return s.substring(a);
  }

  public static String TrimRight(String s, String cutset) {
    int b = s.length();
    while (b > 0) {
      int k = b - 1;
      while (k > 0 && (s.charAt(k) & 0xC0) == 0x80) k--;
      long d = GoStrings.decodeRune(s, k);
      if (k + GoStrings.widthOf(d) != b) {
        k = b - 1;
        d = GoStrings.decodeRune(s, k);
      }
      if (IndexRune(cutset, GoStrings.runeOf(d)) < 0) break;
      b = k;
    }
    return s.substring(0, b);
  }

  public static String Trim(String s, String cutset) {
    return TrimRight(TrimLeft(s, cutset), cutset);
  }

  public static String TrimPrefix(String s, String p) {
    return s.startsWith(p) ? s.substring(p.length()) : s;
  }

  public static String TrimSuffix(String s, String p) {
    return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
  }

  public static boolean EqualFold(String s, String t) {
    return GoStrings.toJava(s).equalsIgnoreCase(GoStrings.toJava(t));
  }

  public static long Compare(String a, String b) {
    return Integer.signum(a.compareTo(b));
  }
}
