package gopl.types;

/**
 * A predeclared type (bool, the numeric types, string, unsafe.Pointer) or the type of an untyped
 * constant ({@code untyped int}, ...). {@code byte} and {@code rune} are Basic types of kind
 * UINT8 and INT32 whose name differs; they are identical to uint8/int32 (identity compares kinds).
 * The instances are the constants of {@link Typ}; never construct others.
 */
public final class Basic implements Type {

  /** The kinds of basic types, in go/types order. */
  public enum Kind {
    INVALID, BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
    FLOAT32, FLOAT64, COMPLEX64, COMPLEX128, STRING, UNSAFE_POINTER,
    UNTYPED_BOOL, UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_COMPLEX, UNTYPED_STRING, UNTYPED_NIL
  }

  /** Property flags, as go/types BasicInfo. */
  public static final int IS_BOOLEAN = 1, IS_INTEGER = 2, IS_UNSIGNED = 4, IS_FLOAT = 8,
      IS_COMPLEX = 16, IS_STRING = 32, IS_UNTYPED = 64;
  public static final int IS_ORDERED = IS_INTEGER | IS_FLOAT | IS_STRING;
  public static final int IS_NUMERIC = IS_INTEGER | IS_FLOAT | IS_COMPLEX;
  public static final int IS_CONST_TYPE = IS_BOOLEAN | IS_NUMERIC | IS_STRING;

  private final Kind kind;
  private final int info;
  private final String name;

  Basic(Kind kind, int info, String name) {
    this.kind = kind;
    this.info = info;
    this.name = name;
  }

  public Kind kind() {
    return kind;
  }

  /** The flags (IS_INTEGER, ...). */
  public int info() {
    return info;
  }

  public String name() {
    return name;
  }

  public boolean is(int flags) {
    return (info & flags) != 0;
  }

  public boolean isUntyped() {
    return (info & IS_UNTYPED) != 0;
  }

  @Override
  public String toString() {
    return TypeString.of(this, null);
  }
}
