package gopl.runtime;

import gopl.runtime.fmt.GoBuiltinPrint;

/**
 * The Go runtime's own value printing, used by the builtins {@code print}/{@code println} and by
 * the crash printer: integers in decimal, floats as {@code +1.500000e+000}, booleans, strings
 * as-is, pointers as hex addresses (runtime/print.go).
 */
public final class RuntimePrint {
  private RuntimePrint() {}

  /** runtime.printfloat (gopl.runtime.fmt.GoBuiltinPrint owns the algorithm). */
  public static String formatFloat(double v) {
    return GoBuiltinPrint.formatFloat(v);
  }

  /** A fake but stable address for an object (what %p and the runtime print for pointers). */
  public static long address(Object o) {
    return o == null ? 0 : 0xc000010000L + ((System.identityHashCode(o) & 0x7fffffffL) << 4);
  }

  /** {@code print}'s text of one operand given its type and typed (Java-boxed) value. */
  public static String text(RType t, Object raw) {
    return switch (t.kind()) {
      case BOOL -> GoBuiltinPrint.formatBool((Boolean) raw);
      case INT, INT8, INT16, INT32, INT64 -> GoBuiltinPrint.formatInt(((Number) raw).longValue());
      case UINT, UINT64, UINTPTR -> GoBuiltinPrint.formatUint(((Number) raw).longValue());
      case UINT8, UINT16, UINT32 -> GoBuiltinPrint.formatUint(((Number) raw).longValue() & 0xFFFFFFFFL);
      case FLOAT32, FLOAT64 -> formatFloat(((Number) raw).doubleValue());
      case STRING -> (String) raw;
      case INTERFACE -> raw == null ? GoBuiltinPrint.formatInterface(0, 0)
          : GoBuiltinPrint.formatInterface(address(Iface.typeOf(raw)), address(raw));
      case SLICE -> GoBuiltinPrint.formatSlice(SliceView.len(raw), SliceView.cap(raw), address(SliceView.array(raw)));
      default -> GoBuiltinPrint.formatPointer(address(raw));
    };
  }
}
