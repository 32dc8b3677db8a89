package gopl.types;

import gopl.frontend.Pos;

/** A declared constant with its exact value (null only while being declared). */
public final class Const extends Obj {
  private Constant value;

  public Const(Pos pos, Package pkg, String name, Type type, Constant value) {
    super(pos, pkg, name, type);
    this.value = value;
  }

  public Constant value() {
    return value;
  }

  void setValue(Constant v) {
    this.value = v;
  }
}
