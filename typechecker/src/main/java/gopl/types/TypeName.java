package gopl.types;

import gopl.frontend.Pos;

/** A type name: a defined type (type() is a {@link Named}), an alias, or a predeclared type. */
public final class TypeName extends Obj {
  private boolean alias;

  public TypeName(Pos pos, Package pkg, String name, Type type) {
    super(pos, pkg, name, type);
  }

  /** True for {@code type A = T} (and for byte/rune). */
  public boolean isAlias() {
    return alias;
  }

  void setAlias(boolean a) {
    alias = a;
  }
}
