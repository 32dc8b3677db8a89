package gopl.frontend.ast;

import gopl.frontend.Pos;
import java.util.List;

/** Top-level (and, for Gen, local) declarations. */
public sealed interface Decl extends Node {

  /** Kind of a {@link Gen} declaration. */
  enum Kind { IMPORT, CONST, TYPE, VAR }

  /** {@code import/const/type/var} with one spec or a parenthesized group. */
  record Gen(Pos pos, Kind kind, List<Spec> specs) implements Decl {}

  /**
   * {@code func (recv) name(params) results { body }}; recv nullable (a field with at most one
   * name); body null for a declaration without body (std packages use that for Java intrinsics).
   * doc is the comment group right above the declaration, null if none.
   */
  record Func(Pos pos, Field recv, Expr.Ident name, Expr.FuncType type, Stmt.Block body, String doc) implements Decl {}

  /** Stands where the parser could not make a declaration; the error was already reported. */
  record Bad(Pos pos) implements Decl {}
}
