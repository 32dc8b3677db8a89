package gopl.types;

import gopl.frontend.Pos;

/** The predeclared {@code nil}; its type is {@code untyped nil}. */
public final class Nil extends Obj {
  Nil() {
    super(Pos.NONE, null, "nil", Typ.UNTYPED_NIL);
  }
}
