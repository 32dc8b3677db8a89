package gopl.types;

import gopl.frontend.ast.Expr;

/**
 * The checker's working value for an expression being checked (go/types operand): mode, the
 * expression, its type, constant value (mode CONSTANT) and builtin id (mode BUILTIN).
 */
final class Operand {
  Mode mode = Mode.INVALID;
  Expr expr;
  Type type = Typ.INVALID;
  Constant val;
  Builtin.Id id;
  /** The operand is the predeclared nil (types2 mode nilvalue), whatever type it was given. */
  boolean nil;

  Operand() {}

  Operand(Mode mode, Expr expr, Type type, Constant val) {
    this.mode = mode;
    this.expr = expr;
    this.type = type;
    this.val = val;
  }

  void invalidate() {
    mode = Mode.INVALID;
  }

  boolean invalid() {
    return mode == Mode.INVALID;
  }

  boolean isNil() {
    return nil && mode == Mode.VALUE;
  }

  void set(Operand o) {
    mode = o.mode;
    expr = o.expr;
    type = o.type;
    val = o.val;
    id = o.id;
    nil = o.nil;
  }

  Operand copy() {
    Operand o = new Operand();
    o.set(this);
    return o;
  }

  /** types2 operandString: {@code x (variable of type int)}, {@code 1 (untyped int constant)}. */
  String describe(Package pkg) {
    if (isNil()) return type == Typ.UNTYPED_NIL ? "nil" : "nil (of type " + TypeString.of(type, pkg) + ")";
    StringBuilder sb = new StringBuilder();
    String e = null;
    if (expr != null) e = ExprString.of(expr);
    else if (mode == Mode.BUILTIN) e = id.goName;
    else if (mode == Mode.TYPEXPR) e = TypeString.of(type, pkg);
    else if (mode == Mode.CONSTANT) e = val.toString();
    if (e != null) sb.append(e).append(" (");
    boolean hasType = false;
    switch (mode) {
      case INVALID, NOVALUE, BUILTIN, TYPEXPR -> {}
      default -> {
        if (type instanceof Basic b && b.isUntyped()) sb.append(b.name()).append(' ');
        else if (type != null) hasType = true;
      }
    }
    sb.append(modeString());
    if (mode == Mode.CONSTANT && val != null) {
      String s = val.toString();
      if (!s.equals(e)) sb.append(' ').append(s);
    }
    if (hasType) {
      if (type != Typ.INVALID) sb.append(" of type ").append(TypeString.of(type, pkg));
      else sb.append(" with invalid type");
    }
    if (e != null) sb.append(')');
    return sb.toString();
  }

  private String modeString() {
    return switch (mode) {
      case INVALID -> "invalid operand";
      case NOVALUE -> "no value";
      case BUILTIN -> "built-in";
      case TYPEXPR -> "type";
      case CONSTANT -> "constant";
      case VARIABLE -> "variable";
      case MAPINDEX -> "map index expression";
      case VALUE -> "value";
      case COMMAOK -> "comma, ok expression";
    };
  }
}
