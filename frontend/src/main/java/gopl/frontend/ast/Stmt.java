package gopl.frontend.ast;

import gopl.frontend.Pos;
import java.util.List;

/** Statements. Fields documented as nullable are null when the source omits them. */
public sealed interface Stmt extends Node {

  /** A const, type or var declaration inside a function. */
  record DeclStmt(Pos pos, Decl.Gen decl) implements Stmt {}

  /** The empty statement (also what an implicit semicolon leaves). */
  record Empty(Pos pos) implements Stmt {}

  /** {@code label: stmt}. */
  record Labeled(Pos pos, Expr.Ident label, Stmt stmt) implements Stmt {}

  /** An expression used as a statement (calls and receives). */
  record ExprStmt(Pos pos, Expr x) implements Stmt {}

  /** {@code ch <- value}. */
  record Send(Pos pos, Expr chan, Expr value) implements Stmt {}

  /** {@code x++} or {@code x--}; op is INC or DEC. */
  record IncDec(Pos pos, Expr x, Op op) implements Stmt {}

  /** {@code lhs op rhs}; op is ASSIGN, DEFINE or an op-assignment; opPos is the operator's position. */
  record Assign(Pos pos, List<Expr> lhs, Op op, List<Expr> rhs, Pos opPos) implements Stmt {}

  /** {@code go call}. */
  record Go(Pos pos, Expr call) implements Stmt {}

  /** {@code defer call}. */
  record Defer(Pos pos, Expr call) implements Stmt {}

  /** {@code return results}. */
  record Return(Pos pos, List<Expr> results) implements Stmt {}

  /** {@code break}, {@code continue}, {@code goto}, {@code fallthrough}; label nullable. */
  record Branch(Pos pos, Op tok, Expr.Ident label) implements Stmt {}

  /** {@code { stmts }}; rbrace is the closing brace (Go reports "missing return" there). */
  record Block(Pos pos, List<Stmt> stmts, Pos rbrace) implements Stmt {}

  /** {@code if init; cond { then } else els}; init nullable; els is null, an If or a Block. */
  record If(Pos pos, Stmt init, Expr cond, Block then, Stmt els) implements Stmt {}

  /** A case of a switch or type switch; list is empty for {@code default}. */
  record CaseClause(Pos pos, List<Expr> list, boolean isDefault, List<Stmt> body) implements Stmt {}

  /** {@code switch init; tag { clauses }}; init and tag nullable. */
  record Switch(Pos pos, Stmt init, Expr tag, List<CaseClause> clauses, Pos rbrace) implements Stmt {}

  /**
   * {@code switch init; x := y.(type) { clauses }}; init nullable; assign is an Assign (DEFINE)
   * with a TypeAssert(type=null) on the right, or an ExprStmt of such a TypeAssert.
   */
  record TypeSwitch(Pos pos, Stmt init, Stmt assign, List<CaseClause> clauses, Pos rbrace) implements Stmt {}

  /** A case of a select; comm is a Send, an ExprStmt receive or an Assign receive; null for default. */
  record CommClause(Pos pos, Stmt comm, List<Stmt> body) implements Stmt {}

  /** {@code select { clauses }}. */
  record Select(Pos pos, List<CommClause> clauses) implements Stmt {}

  /** {@code for init; cond; post { body }}; each part nullable. */
  record For(Pos pos, Stmt init, Expr cond, Stmt post, Block body) implements Stmt {}

  /**
   * {@code for key, value := range x { body }}; key and value nullable; tok is DEFINE, ASSIGN,
   * or null for {@code for range x}.
   */
  record Range(Pos pos, Expr key, Expr value, Op tok, Expr x, Block body) implements Stmt {}

  /**
   * GoPL's transaction block {@code txn("undo") { body }} (also {@code txn() {}},
   * {@code txn("redo")}, {@code txn("null")}). mode is the argument expression, null for
   * {@code txn()}; its validity is checked by the type checker.
   */
  record Txn(Pos pos, Expr mode, Block body) implements Stmt {}

  /** Stands where the parser could not make a statement; the error was already reported. */
  record Bad(Pos pos) implements Stmt {}
}
