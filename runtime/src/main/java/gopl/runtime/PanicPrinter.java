package gopl.runtime;

/**
 * Prints an unrecovered panic as Go 1.19 does (runtime/panic.go printpanics, error.go printany):
 * earlier panics of the chain first, each as {@code panic: <value>} with {@code  [recovered]} when
 * it was recovered and re-panicked, chained ones indented by a tab; then the goroutine header.
 * Errors print their {@code Error()}, Stringers their {@code String()}, predeclared-type values
 * as the runtime's print does, other named types as {@code main.T(v)}, anything else as
 * {@code (T) 0xADDR}.
 */
public final class PanicPrinter {
  private PanicPrinter() {}

  /** Prints p to {@link Sys#err} and exits with status 2 through {@link Sys#exit}. */
  public static void crash(GoPanic p) {
    StringBuilder sb = new StringBuilder();
    chain(sb, p);
    sb.append("\ngoroutine 1 [running]:\nmain.main()\n\t?:0\n");
    Sys.out.flush();
    Sys.write(Sys.err, sb.toString());
    Sys.exit(2);
  }

  private static void chain(StringBuilder sb, GoPanic p) {
    if (p.link != null) {
      chain(sb, p.link);
      sb.append('\t');
    }
    sb.append("panic: ").append(text(p.value));
    if (p.recovered) sb.append(" [recovered]");
    sb.append('\n');
  }

  /** The text after {@code panic: } for panic value v. */
  public static String text(Object v) {
    if (v == null) return "nil";
    String s;
    try {
      s = Methods.errorOrString(v);
    } catch (GoPanic inner) {
      return "panic while printing panic value";
    }
    if (s != null) return s;
    RType t = Iface.typeOf(v);
    Object raw = Iface.raw(v);
    if (!t.named) {
      switch (t.kind()) {
        case STRUCT, ARRAY, SLICE, MAP, POINTER, FUNC, CHAN, INTERFACE, UNSAFE_POINTER:
          return "(" + t.string() + ") 0x" + Long.toHexString(RuntimePrint.address(raw));
        default:
          return RuntimePrint.text(t, raw);
      }
    }
    return switch (t.kind()) {
      case STRING -> t.string() + "(\"" + raw + "\")";
      case BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR, FLOAT32, FLOAT64 ->
          t.string() + "(" + RuntimePrint.text(t, raw) + ")";
      default -> "(" + t.string() + ") 0x" + Long.toHexString(RuntimePrint.address(raw));
    };
  }
}
