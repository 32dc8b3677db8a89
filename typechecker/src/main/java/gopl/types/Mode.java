package gopl.types;

/** The addressing mode of an operand (go/types operandMode). */
public enum Mode {
  /** An erroneous operand (already reported). */
  INVALID,
  /** A call of a function without results. */
  NOVALUE,
  /** A builtin function name (only valid as the callee of a call). */
  BUILTIN,
  /** A type expression. */
  TYPEXPR,
  /** A constant; the value is in {@link TypeAndValue#value()}. */
  CONSTANT,
  /** An addressable variable. */
  VARIABLE,
  /** A map index expression (assignable, not addressable). */
  MAPINDEX,
  /** A computed value. */
  VALUE,
  /** A value that may be used in a comma-ok assignment (map index, type assertion, receive). */
  COMMAOK
}
