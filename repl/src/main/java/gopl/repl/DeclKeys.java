package gopl.repl;

import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a top-level declaration defines, as keys of the session's declaration table: a
 * function {@code f} is "f", a method is "T.M", types and constants their names. Declaring a key
 * again replaces the older declaration for later inputs.
 */
final class DeclKeys {
  private DeclKeys() {}

  static String funcKey(Decl.Func f) {
    if (f.recv() == null) return f.name().name();
    return receiverBase(f.recv().type()) + "." + f.name().name();
  }

  /** The base type name of a receiver type expression ({@code *T} or {@code T}). */
  static String receiverBase(Expr t) {
    return switch (t) {
      case Expr.Star s -> receiverBase(s.x());
      case Expr.Paren p -> receiverBase(p.x());
      case Expr.Ident id -> id.name();
      default -> "?";
    };
  }

  /** The keys of a func, type or const declaration (imports and vars have none). */
  static List<String> of(Decl d) {
    List<String> out = new ArrayList<>();
    switch (d) {
      case Decl.Func f -> out.add(funcKey(f));
      case Decl.Gen g when g.kind() == Decl.Kind.TYPE -> {
        for (Spec s : g.specs()) out.add(((Spec.Type) s).name().name());
      }
      case Decl.Gen g when g.kind() == Decl.Kind.CONST -> {
        for (Spec s : g.specs()) for (Expr.Ident n : ((Spec.Value) s).names()) out.add(n.name());
      }
      default -> {}
    }
    return out;
  }

  /** The type names a declaration defines (a type redefinition starts a new generation). */
  static List<String> typeNames(Decl d) {
    List<String> out = new ArrayList<>();
    if (d instanceof Decl.Gen g && g.kind() == Decl.Kind.TYPE) {
      for (Spec s : g.specs()) out.add(((Spec.Type) s).name().name());
    }
    return out;
  }

  /** The names of the struct types a declaration defines ({@code type T struct{...}}, not aliases). */
  static List<String> structTypeNames(Decl d) {
    List<String> out = new ArrayList<>();
    if (d instanceof Decl.Gen g && g.kind() == Decl.Kind.TYPE) {
      for (Spec s : g.specs()) {
        if (s instanceof Spec.Type t && !t.alias() && t.type() instanceof Expr.StructType) out.add(t.name().name());
      }
    }
    return out;
  }
}
