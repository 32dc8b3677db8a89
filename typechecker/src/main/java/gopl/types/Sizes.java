package gopl.types;

/**
 * Sizes of types in the persistent layout (DESIGN.md §4, Go's amd64 layout): what
 * {@code unsafe.Sizeof} reports. Pointers, int, uint and uintptr are 8 bytes; a string is 16; a
 * slice 24; an interface 16; structs use natural alignment.
 */
public final class Sizes {
  private Sizes() {}

  public static long sizeof(Type t) {
    Type u = t.underlying();
    return switch (u) {
      case Basic b -> switch (b.kind()) {
        case BOOL, INT8, UINT8 -> 1;
        case INT16, UINT16 -> 2;
        case INT32, UINT32, FLOAT32 -> 4;
        case STRING, COMPLEX128 -> 16;
        case COMPLEX64 -> 8;
        default -> 8;
      };
      case Array a -> a.len() * sizeof(a.elem());
      case Slice s -> 24;
      case Interface i -> 16;
      case Struct s -> {
        long off = 0, max = 1;
        for (Var f : s.fields()) {
          long al = alignof(f.type());
          max = Math.max(max, al);
          off = (off + al - 1) / al * al;
          off += sizeof(f.type());
        }
        yield s.numFields() == 0 ? 0 : (off + max - 1) / max * max;
      }
      default -> 8;
    };
  }

  public static long alignof(Type t) {
    Type u = t.underlying();
    return switch (u) {
      case Array a -> alignof(a.elem());
      case Struct s -> s.fields().stream().mapToLong(f -> alignof(f.type())).max().orElse(1);
      case Basic b when b.kind() == Basic.Kind.STRING || b.kind() == Basic.Kind.COMPLEX128 -> 8;
      case Basic b -> Math.min(8, sizeof(b));
      default -> 8;
    };
  }
}
