package gopl.types;

import gopl.frontend.Pos;

/** An imported package name in a file scope. */
public final class PkgName extends Obj {
  private final Package imported;
  boolean used;

  public PkgName(Pos pos, Package pkg, String name, Package imported) {
    super(pos, pkg, name, Typ.INVALID);
    this.imported = imported;
  }

  public Package imported() {
    return imported;
  }

  public boolean used() {
    return used;
  }
}
