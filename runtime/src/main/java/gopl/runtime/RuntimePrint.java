package gopl.runtime;

/**
 * The Go runtime's own value printing, used by the builtins {@code print}/{@code println} and by
 * the crash printer: integers in decimal, floats as {@code +1.500000e+000}, booleans, strings
 * as-is, pointers as hex addresses (runtime/print.go).
 */
public final class RuntimePrint {
  private RuntimePrint() {}

  /** runtime.printfloat: 7 significant digits, sign always shown, 3-digit exponent. */
  public static String formatFloat(double v) {
    if (v != v) return "NaN";
    if (v + v == v && v > 0) return "+Inf";
    if (v + v == v && v < 0) return "-Inf";
    final int n = 7;
    char[] buf = new char[n + 7];
    buf[0] = '+';
    int e = 0;
    if (v == 0) {
      if (1 / v < 0) buf[0] = '-';
    } else {
      if (v < 0) {
        v = -v;
        buf[0] = '-';
      }
      while (v >= 10) {
        e++;
        v /= 10;
      }
      while (v < 1) {
        e--;
        v *= 10;
      }
      double h = 5.0;
      for (int i = 0; i < n; i++) h /= 10;
      v += h;
      if (v >= 10) {
        e++;
        v /= 10;
      }
    }
    for (int i = 0; i < n; i++) {
      int s = (int) v;
      buf[i + 2] = (char) (s + '0');
      v -= s;
      v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[n + 2] = 'e';
    buf[n + 3] = '+';
    if (e < 0) {
      e = -e;
      buf[n + 3] = '-';
    }
    buf[n + 4] = (char) (e / 100 + '0');
    buf[n + 5] = (char) ((e / 10) % 10 + '0');
    buf[n + 6] = (char) (e % 10 + '0');
    return new String(buf);
  }

  /** A fake but stable address for an object (what %p and the runtime print for pointers). */
  public static long address(Object o) {
    return o == null ? 0 : 0xc000010000L + ((System.identityHashCode(o) & 0x7fffffffL) << 4);
  }

  /** {@code print}'s text of one operand given its type and typed (Java-boxed) value. */
  public static String text(RType t, Object raw) {
    return switch (t.kind()) {
      case BOOL -> raw.toString();
      case INT, INT8, INT16, INT32, INT64 -> Long.toString(((Number) raw).longValue());
      case UINT, UINT64, UINTPTR -> Long.toUnsignedString(((Number) raw).longValue());
      case UINT8, UINT16, UINT32 -> Long.toString(((Number) raw).longValue() & 0xFFFFFFFFL);
      case FLOAT32, FLOAT64 -> formatFloat(((Number) raw).doubleValue());
      case STRING -> (String) raw;
      case INTERFACE -> raw == null ? "(0x0,0x0)" : "(0x" + Long.toHexString(address(Iface.typeOf(raw))) + ",0x" + Long.toHexString(address(raw)) + ")";
      case SLICE -> "[" + SliceView.len(raw) + "/" + SliceView.cap(raw) + "]0x" + Long.toHexString(address(raw));
      default -> "0x" + Long.toHexString(address(raw));
    };
  }
}
