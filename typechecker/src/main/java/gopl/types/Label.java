package gopl.types;

import gopl.frontend.Pos;

/** A statement label (labels have their own function-wide scope). */
public final class Label extends Obj {
  boolean used;

  public Label(Pos pos, Package pkg, String name) {
    super(pos, pkg, name, Typ.INVALID);
  }

  public boolean used() {
    return used;
  }
}
