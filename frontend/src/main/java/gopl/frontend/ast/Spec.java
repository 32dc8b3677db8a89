package gopl.frontend.ast;

import gopl.frontend.Pos;
import java.util.List;

/** The specs of a {@link Decl.Gen}: imports, constants/variables, types. */
public sealed interface Spec extends Node {

  /** {@code import name "path"}; name nullable, or {@code .} or {@code _}; path is the string literal. */
  record Import(Pos pos, Expr.Ident name, Expr.BasicLit path) implements Spec {}

  /**
   * {@code names type = values} of a const or var declaration. type and values may be
   * empty/null; for a const spec that omits both, the checker repeats the previous spec's list
   * (spec: "Within a parenthesized const declaration list the expression list may be omitted").
   * iota is the spec's index within its declaration (0 for the first).
   */
  record Value(Pos pos, List<Expr.Ident> names, Expr type, List<Expr> values, int iota) implements Spec {}

  /** {@code type name = type} when alias, else {@code type name type}. */
  record Type(Pos pos, Expr.Ident name, boolean alias, Expr type) implements Spec {}
}
