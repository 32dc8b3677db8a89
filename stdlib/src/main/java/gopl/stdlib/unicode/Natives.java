package gopl.stdlib.unicode;

import gopl.runtime.fmt.GoUnicode;

/**
 * Java intrinsics of package unicode (unicode/unicode.gop): general-category tests over
 * java.lang.Character, Go's IsPrint/IsGraphic tables from gopl.runtime.fmt.GoUnicode, and simple
 * case mappings. Runes outside 0..MaxRune are in no category and map to themselves.
 */
public final class Natives {
  private Natives() {}

  private static int type(int r) {
    return r < 0 || r > Character.MAX_CODE_POINT ? Character.UNASSIGNED : Character.getType(r);
  }

  public static boolean IsLetter(int r) {
    return switch (type(r)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER -> true;
      default -> false;
    };
  }

  public static boolean IsDigit(int r) {
    return type(r) == Character.DECIMAL_DIGIT_NUMBER;
  }

  public static boolean IsNumber(int r) {
    int t = type(r);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }

  public static boolean IsUpper(int r) {
    return type(r) == Character.UPPERCASE_LETTER;
  }

  public static boolean IsLower(int r) {
    return type(r) == Character.LOWERCASE_LETTER;
  }

  public static boolean IsTitle(int r) {
    return type(r) == Character.TITLECASE_LETTER;
  }

  public static boolean IsMark(int r) {
    int t = type(r);
    return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  public static boolean IsPunct(int r) {
    return switch (type(r)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  public static boolean IsSymbol(int r) {
    return switch (type(r)) {
      case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  public static boolean IsPrint(int r) {
    return GoUnicode.isPrint(r);
  }

  public static boolean IsGraphic(int r) {
    return GoUnicode.isGraphic(r);
  }

  /** Unicode's White_Space property above Latin-1. */
  public static boolean isWhiteSpace(int r) {
    return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029
        || r == 0x202F || r == 0x205F || r == 0x3000;
  }

  private static boolean valid(int r) {
    return r >= 0 && r <= Character.MAX_CODE_POINT;
  }

  public static int ToUpper(int r) {
    return valid(r) ? Character.toUpperCase(r) : r;
  }

  public static int ToLower(int r) {
    return valid(r) ? Character.toLowerCase(r) : r;
  }

  public static int ToTitle(int r) {
    return valid(r) ? Character.toTitleCase(r) : r;
  }

  /** The orbit of r under simple case folding: the next larger member, wrapping to the smallest. */
  public static int SimpleFold(int r) {
    if (!valid(r)) return r;
    int[] orbit = orbit(r);
    int next = -1;
    int min = r;
    for (int c : orbit) {
      if (c > r && (next < 0 || c < next)) next = c;
      if (c < min) min = c;
    }
    return next >= 0 ? next : min;
  }

  private static java.util.Map<Integer, int[]> orbits;

  /** Fold classes: code points grouped by lower(upper(c)), built once on first use. */
  private static synchronized int[] orbit(int r) {
    if (orbits == null) {
      java.util.Map<Integer, java.util.List<Integer>> groups = new java.util.HashMap<>();
      for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
        int k = Character.toLowerCase(Character.toUpperCase(c));
        if (k != c || Character.toUpperCase(c) != c) {
          groups.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(c);
        }
      }
      java.util.Map<Integer, int[]> m = new java.util.HashMap<>();
      for (var e : groups.entrySet()) {
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>(e.getValue());
        set.add(e.getKey());
        int[] a = set.stream().mapToInt(Integer::intValue).toArray();
        for (int c : a) m.put(c, a);
      }
      orbits = m;
    }
    int[] a = orbits.get(r);
    return a == null ? new int[] {r} : a;
  }

  private static final String[] TYPE_NAMES = new String[32];

  static {
    TYPE_NAMES[Character.UPPERCASE_LETTER] = "Lu";
    TYPE_NAMES[Character.LOWERCASE_LETTER] = "Ll";
    TYPE_NAMES[Character.TITLECASE_LETTER] = "Lt";
    TYPE_NAMES[Character.MODIFIER_LETTER] = "Lm";
    TYPE_NAMES[Character.OTHER_LETTER] = "Lo";
    TYPE_NAMES[Character.NON_SPACING_MARK] = "Mn";
    TYPE_NAMES[Character.ENCLOSING_MARK] = "Me";
    TYPE_NAMES[Character.COMBINING_SPACING_MARK] = "Mc";
    TYPE_NAMES[Character.DECIMAL_DIGIT_NUMBER] = "Nd";
    TYPE_NAMES[Character.LETTER_NUMBER] = "Nl";
    TYPE_NAMES[Character.OTHER_NUMBER] = "No";
    TYPE_NAMES[Character.SPACE_SEPARATOR] = "Zs";
    TYPE_NAMES[Character.LINE_SEPARATOR] = "Zl";
    TYPE_NAMES[Character.PARAGRAPH_SEPARATOR] = "Zp";
    TYPE_NAMES[Character.CONTROL] = "Cc";
    TYPE_NAMES[Character.FORMAT] = "Cf";
    TYPE_NAMES[Character.PRIVATE_USE] = "Co";
    TYPE_NAMES[Character.SURROGATE] = "Cs";
    TYPE_NAMES[Character.UNASSIGNED] = "Cn";
    TYPE_NAMES[Character.DASH_PUNCTUATION] = "Pd";
    TYPE_NAMES[Character.START_PUNCTUATION] = "Ps";
    TYPE_NAMES[Character.END_PUNCTUATION] = "Pe";
    TYPE_NAMES[Character.CONNECTOR_PUNCTUATION] = "Pc";
    TYPE_NAMES[Character.OTHER_PUNCTUATION] = "Po";
    TYPE_NAMES[Character.MATH_SYMBOL] = "Sm";
    TYPE_NAMES[Character.CURRENCY_SYMBOL] = "Sc";
    TYPE_NAMES[Character.MODIFIER_SYMBOL] = "Sk";
    TYPE_NAMES[Character.OTHER_SYMBOL] = "So";
    TYPE_NAMES[Character.INITIAL_QUOTE_PUNCTUATION] = "Pi";
    TYPE_NAMES[Character.FINAL_QUOTE_PUNCTUATION] = "Pf";
  }

  /**
   * Whether r is in general category {@code name}: two letters ("Lu") or a major class ("L").
   * Go's C table holds Cc, Cf, Co, Cs only (no unassigned code points).
   */
  public static boolean inCategory(String name, int r) {
    if (!valid(r)) return false;
    String t = TYPE_NAMES[Character.getType(r)];
    if (t == null) return false;
    if (name.length() == 1) return t.charAt(0) == name.charAt(0) && !t.equals("Cn");
    return t.equals(name);
  }

  /** Whether r belongs to the Unicode script with Java's name {@code name} ("LATIN"). */
  public static boolean inScript(String name, int r) {
    if (!valid(r)) return false;
    try {
      return Character.UnicodeScript.of(r) == Character.UnicodeScript.valueOf(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
