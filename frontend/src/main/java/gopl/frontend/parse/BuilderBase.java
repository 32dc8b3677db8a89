package gopl.frontend.parse;

import gopl.frontend.Diagnostic;
import gopl.frontend.Pos;
import gopl.frontend.ast.Expr;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Shared state of the parse-tree-to-AST builders: positions, the diagnostics list, and the token
 * stream (for doc comments and for naming the token after a construct in error messages).
 */
abstract class BuilderBase {
  final SourceMap map;
  final List<Diagnostic> diagnostics;
  final TokenStream tokens;

  BuilderBase(SourceMap map, List<Diagnostic> diagnostics, TokenStream tokens) {
    this.map = map;
    this.diagnostics = diagnostics;
    this.tokens = tokens;
  }

  Pos pos(Token t) {
    return map.pos(t);
  }

  Pos pos(TerminalNode n) {
    return map.pos(n.getSymbol());
  }

  Pos pos(ParserRuleContext c) {
    return map.pos(c.getStart());
  }

  Expr.Ident ident(TerminalNode n) {
    if (n == null || n.getSymbol().getTokenIndex() < 0) {
      return new Expr.Ident(n == null ? Pos.NONE : pos(n), "_");
    }
    return new Expr.Ident(pos(n), n.getText());
  }

  /** Reports an error worded by the caller (include "syntax error: " for syntax errors). */
  void error(Pos pos, String message) {
    diagnostics.add(Diagnostic.error(pos, message));
  }

  /** The first default-channel token after the context (what gc would be looking at next). */
  Token tokenAfter(ParserRuleContext c) {
    int i = c.getStop() == null ? c.getStart().getTokenIndex() : c.getStop().getTokenIndex() + 1;
    return tokens.get(Math.min(i, tokens.size() - 1));
  }
}
