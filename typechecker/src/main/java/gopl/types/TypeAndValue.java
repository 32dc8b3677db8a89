package gopl.types;

/**
 * What the checker recorded for one expression: its mode, its final type (for an untyped
 * constant, the type its context gave it, e.g. {@code int} in {@code var x int = 1}, or the
 * default type when the context is an interface) and, for constants, the exact value.
 */
public record TypeAndValue(Mode mode, Type type, Constant value) {
  public boolean isVoid() {
    return mode == Mode.NOVALUE;
  }

  public boolean isType() {
    return mode == Mode.TYPEXPR;
  }

  public boolean isBuiltin() {
    return mode == Mode.BUILTIN;
  }

  public boolean isValue() {
    return switch (mode) {
      case CONSTANT, VARIABLE, MAPINDEX, VALUE, COMMAOK -> true;
      default -> false;
    };
  }

  public boolean isConstant() {
    return mode == Mode.CONSTANT && value != null;
  }

  public boolean isNil() {
    return mode == Mode.VALUE && type == Typ.UNTYPED_NIL;
  }

  public boolean addressable() {
    return mode == Mode.VARIABLE;
  }

  /** Whether the expression can be used on the left of a comma-ok assignment. */
  public boolean hasOk() {
    return mode == Mode.COMMAOK || mode == Mode.MAPINDEX;
  }
}
