package gopl.frontend.ast;

import gopl.frontend.Pos;
import java.util.List;

/**
 * Expressions, including type expressions (as in go/ast: {@code T(x)}, {@code []int{1}} and
 * {@code (*T)(p)} make types and values share one syntax). Lists are immutable and never null;
 * fields documented as nullable are null when the source omits them.
 */
public sealed interface Expr extends Node {

  /** An identifier; {@code _} is the blank identifier. */
  record Ident(Pos pos, String name) implements Expr {}

  /** The kind of a literal token. */
  enum LitKind { INT, FLOAT, IMAG, CHAR, STRING }

  /**
   * A literal exactly as written in the source ({@code 0x1F}, {@code 1_000}, {@code 'a'},
   * {@code "a\n"}, a raw string with backquotes). Interpreting it is the checker's job.
   */
  record BasicLit(Pos pos, LitKind kind, String value) implements Expr {}

  /** {@code T{elts}}; type is null for an elided type inside an outer composite literal. */
  record CompositeLit(Pos pos, Expr type, List<Expr> elts, Pos rbrace) implements Expr {}

  /** {@code key: value} inside a composite literal. */
  record KeyValue(Pos pos, Expr key, Expr value) implements Expr {}

  /** {@code func(params) results { body }}. */
  record FuncLit(Pos pos, FuncType type, Stmt.Block body) implements Expr {}

  /** {@code (x)}. */
  record Paren(Pos pos, Expr x) implements Expr {}

  /** {@code x.sel}. */
  record Selector(Pos pos, Expr x, Ident sel) implements Expr {}

  /** {@code x[index]}. */
  record Index(Pos pos, Expr x, Expr index, Pos lbrack) implements Expr {}

  /** {@code x[low:high]} or {@code x[low:high:max]}; each bound nullable, slice3 for the 3-index form. */
  record Slice(Pos pos, Expr x, Expr low, Expr high, Expr max, boolean slice3, Pos lbrack) implements Expr {}

  /** {@code x.(type)}; type is null for the {@code x.(type)} of a type switch. */
  record TypeAssert(Pos pos, Expr x, Expr type) implements Expr {}

  /** {@code fun(args)}, {@code fun(args...)} when hasEllipsis. lparen is the position of {@code (}. */
  record Call(Pos pos, Expr fun, List<Expr> args, boolean hasEllipsis, Pos lparen, Pos rparen) implements Expr {}

  /** {@code *x}: a dereference or a pointer type. */
  record Star(Pos pos, Expr x) implements Expr {}

  /** A unary operation {@code op x}: + - ! ^ & and {@code <-} (receive). */
  record Unary(Pos pos, Op op, Expr x) implements Expr {}

  /** {@code x op y}; pos is the start of x, opPos the operator's position. */
  record Binary(Pos pos, Expr x, Op op, Expr y, Pos opPos) implements Expr {}

  /** {@code ...T} of a variadic parameter, or the {@code ...} length of {@code [...]T{}} (elt null). */
  record Ellipsis(Pos pos, Expr elt) implements Expr {}

  /** Stands where the parser could not make an expression; the error was already reported. */
  record Bad(Pos pos) implements Expr {}

  // ---- type expressions ----

  /** {@code [len]elem}; len is null for a slice type and an {@link Ellipsis} for {@code [...]T}. */
  record ArrayType(Pos pos, Expr len, Expr elem) implements Expr {}

  /** {@code struct { fields }}; an embedded field has no names. */
  record StructType(Pos pos, List<Field> fields) implements Expr {}

  /** {@code func(params) results}; results is empty when there are none. */
  record FuncType(Pos pos, List<Field> params, List<Field> results) implements Expr {}

  /** {@code interface { methods }}; a method is a field with one name and a FuncType, an embedded interface a field with no names. */
  record InterfaceType(Pos pos, List<Field> methods) implements Expr {}

  /** {@code map[key]value}. */
  record MapType(Pos pos, Expr key, Expr value) implements Expr {}

  /** Channel direction of a {@link ChanType}. */
  enum ChanDir { BOTH, SEND, RECV }

  /** {@code chan T}, {@code chan<- T}, {@code <-chan T}. */
  record ChanType(Pos pos, ChanDir dir, Expr value) implements Expr {}
}
