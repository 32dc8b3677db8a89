package gopl.types;

import gopl.frontend.Pos;

/** A predeclared function ({@code len}, {@code append}, GoPL's {@code pnew}/{@code pmake}, ...). */
public final class Builtin extends Obj {
  /** The builtins, go/types order, plus GoPL's persistent-allocation builtins and unsafe's. */
  public enum Id {
    APPEND("append", 1, true), CAP("cap", 1, false), CLOSE("close", 1, false),
    COMPLEX("complex", 2, false), COPY("copy", 2, false), DELETE("delete", 2, false),
    IMAG("imag", 1, false), LEN("len", 1, false), MAKE("make", 1, true), NEW("new", 1, false),
    PANIC("panic", 1, false), PRINT("print", 0, true), PRINTLN("println", 0, true),
    REAL("real", 1, false), RECOVER("recover", 0, false),
    PNEW("pnew", 1, false), PMAKE("pmake", 1, true),
    UNSAFE_SIZEOF("Sizeof", 1, false);

    public final String goName;
    public final int nargs;
    public final boolean variadic;

    Id(String goName, int nargs, boolean variadic) {
      this.goName = goName;
      this.nargs = nargs;
      this.variadic = variadic;
    }
  }

  private final Id id;

  Builtin(Id id, Package pkg) {
    super(Pos.NONE, pkg, id.goName, Typ.INVALID);
    this.id = id;
  }

  public Id id() {
    return id;
  }
}
