package gopl.types;

import gopl.frontend.Pos;

/**
 * A variable: package-level, local, parameter, result, receiver or struct field. {@link #used()}
 * backs "declared but not used"; {@link #captured()} is set when a function literal refers to a
 * local variable of an enclosing function (the code generator boxes those).
 */
public final class Var extends Obj {
  /** What kind of variable this is. */
  public enum Kind { PACKAGE, LOCAL, PARAM, RESULT, RECV, FIELD }

  private final Kind kind;
  private final boolean embedded;
  boolean used;
  boolean captured;
  boolean addressTaken;

  public Var(Pos pos, Package pkg, String name, Type type, Kind kind, boolean embedded) {
    super(pos, pkg, name, type);
    this.kind = kind;
    this.embedded = embedded;
  }

  public Var(Pos pos, Package pkg, String name, Type type, Kind kind) {
    this(pos, pkg, name, type, kind, false);
  }

  public Kind kind() {
    return kind;
  }

  public boolean isField() {
    return kind == Kind.FIELD;
  }

  public boolean isPackageLevel() {
    return kind == Kind.PACKAGE;
  }

  public boolean isParam() {
    return kind == Kind.PARAM || kind == Kind.RESULT || kind == Kind.RECV;
  }

  /** For fields: declared without a name (embedded). */
  public boolean embedded() {
    return embedded;
  }

  public boolean used() {
    return used;
  }

  /** A function literal refers to this local variable (from a nested function). */
  public boolean captured() {
    return captured;
  }

  /** The program takes this variable's address ({@code &x}, or a method with pointer receiver on x). */
  public boolean addressTaken() {
    return addressTaken;
  }
}
