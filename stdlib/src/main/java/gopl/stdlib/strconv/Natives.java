package gopl.stdlib.strconv;

import gopl.runtime.GoPanic;
import gopl.runtime.fmt.GoFloats;
import gopl.runtime.fmt.GoQuote;
import gopl.runtime.fmt.GoStrconv;
import gopl.runtime.fmt.GoUnicode;
import gopl.runtime.fmt.GoUnquote;

/**
 * Java intrinsics of package strconv (strconv/*.gop) over gopl.runtime.fmt's Go-exact engine.
 * The parse functions return {@code (value, error text)}, "" meaning success; the .gop wrappers
 * turn the text into *NumError values. Multiple results are Object[] as the codegen expects.
 */
public final class Natives {
  private Natives() {}

  private static String text(GoStrconv.NumError e) {
    return e == null ? "" : e.err();
  }

  public static Object[] parseInt(String s, long base, long bitSize) {
    GoStrconv.IntResult r = GoStrconv.parseInt(s, (int) base, (int) bitSize);
    return new Object[] {r.value(), text(r.err())};
  }

  public static Object[] parseUint(String s, long base, long bitSize) {
    GoStrconv.IntResult r = GoStrconv.parseUint(s, (int) base, (int) bitSize);
    return new Object[] {r.value(), text(r.err())};
  }

  public static Object[] parseFloat(String s, long bitSize) {
    GoStrconv.FloatResult r = GoStrconv.parseFloat(s, (int) bitSize);
    return new Object[] {r.value(), text(r.err())};
  }

  public static String Itoa(long i) {
    return Long.toString(i);
  }

  /** Go panics "strconv: illegal AppendInt/FormatInt base" for a base outside 2..36. */
  private static int base(long base) {
    if (base < 2 || base > 36) throw new GoPanic("strconv: illegal AppendInt/FormatInt base");
    return (int) base;
  }

  public static String FormatInt(long i, long base) {
    return Long.toString(i, base(base));
  }

  public static String FormatUint(long i, long base) {
    return Long.toUnsignedString(i, base(base));
  }

  public static String FormatFloat(double f, int fmt, long prec, long bitSize) {
    if (bitSize != 32 && bitSize != 64) throw new GoPanic("strconv: illegal AppendFloat/FormatFloat bitSize");
    return GoFloats.formatFloat(f, (char) fmt, (int) prec, (int) bitSize);
  }

  public static String Quote(String s) {
    return GoQuote.quote(s);
  }

  public static String QuoteToASCII(String s) {
    return GoQuote.quoteToASCII(s);
  }

  public static String QuoteToGraphic(String s) {
    return GoQuote.quoteToGraphic(s);
  }

  public static String QuoteRune(int r) {
    return GoQuote.quoteRune(r);
  }

  public static String QuoteRuneToASCII(int r) {
    return GoQuote.quoteRuneToASCII(r);
  }

  public static String QuoteRuneToGraphic(int r) {
    return GoQuote.quoteRuneToGraphic(r);
  }

  public static boolean CanBackquote(String s) {
    return GoQuote.canBackquote(s);
  }

  public static boolean IsPrint(int r) {
    return GoUnicode.isPrint(r);
  }

  public static boolean IsGraphic(int r) {
    return GoUnicode.isGraphic(r);
  }

  public static Object[] unquote(String s) {
    String out = GoUnquote.unquote(s);
    return new Object[] {out == null ? "" : out, out != null};
  }

  public static Object[] quotedPrefix(String s) {
    String out = GoUnquote.quotedPrefix(s);
    return new Object[] {out == null ? "" : out, out != null};
  }

  public static Object[] unquoteChar(String s, int quote) {
    GoUnquote.Char c = GoUnquote.unquoteChar(s, (char) quote);
    if (c == null) return new Object[] {0, false, "", false};
    return new Object[] {c.value(), c.multibyte(), c.tail(), true};
  }
}
