package gopl.types;

import gopl.frontend.Pos;
import java.util.List;

/**
 * The universe scope: predeclared types (incl. {@code error}, {@code any}, byte/rune aliases),
 * {@code true}/{@code false}/{@code iota}/{@code nil} and the builtin functions, plus the
 * {@code unsafe} package. Built once; shared by every check.
 */
public final class Universe {
  private Universe() {}

  private static Scope universe;
  private static Package unsafe;
  private static Named error;
  private static Interface any;
  private static Const iota;

  /** The universe scope. */
  public static synchronized Scope scope() {
    if (universe == null) init();
    return universe;
  }

  /** The predeclared {@code error} interface. */
  public static Named error() {
    scope();
    return error;
  }

  /** The empty interface that {@code any} denotes. */
  public static Interface any() {
    scope();
    return any;
  }

  /** The predeclared {@code iota}; its value in a const spec is that spec's index. */
  public static Const iota() {
    scope();
    return iota;
  }

  /** The {@code unsafe} package (Pointer and Sizeof). */
  public static Package unsafe() {
    scope();
    return unsafe;
  }

  private static void init() {
    universe = new Scope(null, Pos.NONE, "universe", false);
    for (Basic b : Typ.PREDECLARED) {
      TypeName tn = new TypeName(Pos.NONE, null, b.name(), b);
      if (b == Typ.BYTE || b == Typ.RUNE) tn.setAlias(true);
      universe.insert(tn);
    }
    any = Interface.empty();
    TypeName anyName = new TypeName(Pos.NONE, null, "any", any);
    anyName.setAlias(true);
    universe.insert(anyName);

    // type error interface { Error() string }
    TypeName errName = new TypeName(Pos.NONE, null, "error", null);
    error = new Named(errName, null);
    Signature errSig = new Signature(new Var(Pos.NONE, null, "", error, Var.Kind.RECV),
        Tuple.EMPTY, new Tuple(List.of(new Var(Pos.NONE, null, "", Typ.STRING, Var.Kind.RESULT))), false);
    Func errMethod = new Func(Pos.NONE, null, "Error", errSig);
    Interface errIface = new Interface(List.of(errMethod), List.of());
    errIface.complete();
    error.setUnderlying(errIface);
    universe.insert(errName);

    universe.insert(new Const(Pos.NONE, null, "true", Typ.UNTYPED_BOOL, Constant.of(true)));
    universe.insert(new Const(Pos.NONE, null, "false", Typ.UNTYPED_BOOL, Constant.of(false)));
    iota = new Const(Pos.NONE, null, "iota", Typ.UNTYPED_INT, Constant.of(0));
    universe.insert(iota);
    universe.insert(new Nil());
    for (Builtin.Id id : Builtin.Id.values()) {
      if (id != Builtin.Id.UNSAFE_SIZEOF) universe.insert(new Builtin(id, null));
    }

    unsafe = new Package("unsafe", "unsafe", true);
    unsafe.scope().insert(new TypeName(Pos.NONE, unsafe, "Pointer", Typ.UNSAFE_POINTER));
    unsafe.scope().insert(new Builtin(Builtin.Id.UNSAFE_SIZEOF, unsafe));
  }
}
