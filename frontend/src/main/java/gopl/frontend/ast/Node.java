package gopl.frontend.ast;

import gopl.frontend.Pos;

/**
 * Root of the immutable AST. Every node carries the position of its first token (for binary
 * expressions and a few others an extra position is recorded too, see each record). The shape
 * follows Go's go/ast closely so that the Go specification and go/types map onto it directly.
 */
public sealed interface Node permits Expr, Stmt, Decl, Spec, Field, SourceFile {
  Pos pos();
}
