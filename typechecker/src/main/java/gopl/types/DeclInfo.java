package gopl.types;

import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Spec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a package-level object was declared (go/types declInfo): its file scope, type and
 * initialiser expressions, and the package-level objects its initialiser or body refers to
 * (deps, used for initialisation order).
 */
final class DeclInfo {
  final Scope file;
  /** For {@code var a, b = f()}: all lhs variables (null when one lhs per init expression). */
  List<Var> lhs;
  Expr vtyp;
  Expr init;
  /** A const spec that repeats the previous spec's expressions. */
  boolean inherited;
  Constant iota;
  Decl.Func fdecl;
  Spec.Type tdecl;
  final Set<Obj> deps = new LinkedHashSet<>();

  DeclInfo(Scope file) {
    this.file = file;
  }

  void addDep(Obj o) {
    deps.add(o);
  }
}
