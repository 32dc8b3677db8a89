package gopl.frontend.parse;

import gopl.frontend.Diagnostic;
import gopl.grammar.GoLexer;
import gopl.grammar.GoParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's default recovery (single-token insertion/deletion, resync on follow sets) with every
 * report rewritten in gc's words by {@link GcSyntaxMessages}, and recorded as a diagnostic
 * instead of printed. gc's own limits are applied too: at most one syntax error per line, and no
 * follow-up error at end of file once an error was reported.
 */
public final class GoErrorStrategy extends DefaultErrorStrategy {
  private final SourceMap map;
  private final List<Diagnostic> diagnostics;
  private boolean reported;
  /** True when the last error was recovered from by ANTLR's resync rather than gc's advance. */
  private boolean antlrRecovered;

  public GoErrorStrategy(SourceMap map, List<Diagnostic> diagnostics) {
    this.map = map;
    this.diagnostics = diagnostics;
  }

  /**
   * gc (stmtList): after a statement, anything but ";" or "}" is an error "at end of statement",
   * after which gc skips to the next ";" or "}" and goes on with the statement list. ANTLR would
   * leave the list instead (the loop may exit) and then conjure a "}", closing the block early.
   */
  @Override
  public void sync(Parser recognizer) {
    ParserRuleContext ctx = recognizer.getContext();
    if (ctx instanceof GoParser.StatementListContext && ctx.getChildCount() > 0
        && ctx.getChild(ctx.getChildCount() - 1) instanceof GoParser.StatementContext) {
      int la = recognizer.getInputStream().LA(1);
      if (la != GoLexer.SEMI && la != GoLexer.R_CURLY && la != GoLexer.CASE && la != GoLexer.DEFAULT && la != Token.EOF) {
        if (!inErrorRecoveryMode(recognizer)) report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
        antlrRecovered = false;
        while (true) {
          int t = recognizer.getInputStream().LA(1);
          if (t == GoLexer.SEMI || t == GoLexer.R_CURLY || t == Token.EOF) break;
          recognizer.consume();
        }
        return;
      }
    }
    // gc (switchStmt/selectStmt): between clauses, skip to the next case, default or "}".
    if ((ctx instanceof GoParser.SwitchStmtContext || ctx instanceof GoParser.SelectStmtContext)
        && ctx.getToken(GoLexer.L_CURLY, 0) != null) {
      int la = recognizer.getInputStream().LA(1);
      if (la != GoLexer.CASE && la != GoLexer.DEFAULT && la != GoLexer.R_CURLY && la != Token.EOF) {
        if (!inErrorRecoveryMode(recognizer)) report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
        antlrRecovered = false;
        while (true) {
          int t = recognizer.getInputStream().LA(1);
          if (t == GoLexer.CASE || t == GoLexer.DEFAULT || t == GoLexer.R_CURLY || t == Token.EOF) break;
          recognizer.consume();
        }
        return;
      }
    }
    super.sync(recognizer);
  }

  @Override
  protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
    report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
  }

  @Override
  protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
    report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
  }

  @Override
  protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
    report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
  }

  @Override
  protected void reportUnwantedToken(Parser recognizer) {
    if (inErrorRecoveryMode(recognizer)) return;
    beginErrorCondition(recognizer);
    report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
  }

  @Override
  protected void reportMissingToken(Parser recognizer) {
    if (inErrorRecoveryMode(recognizer)) return;
    beginErrorCondition(recognizer);
    report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
  }

  private void report(Parser recognizer, Token offending, IntervalSet expected) {
    if (offending == null) offending = recognizer.getCurrentToken();
    // gc: "avoid meaningless follow-up errors" at end of file once an error was reported.
    boolean anyError = reported || !diagnostics.isEmpty();
    if (anyError && (offending.getType() == Token.EOF || isEofSemi(offending))) return;
    ParserRuleContext ctx = recognizer.getContext();
    // A "}" left at top level after an earlier error is an artifact of recovery (ANTLR resyncs
    // less precisely than gc's advance()); gc would not see it, so neither does the user.
    if (antlrRecovered && ctx instanceof GoParser.SourceFileContext && offending.getType() == GoLexer.R_CURLY) return;
    reported = true;
    antlrRecovered = true;
    Token prev = previous(recognizer, offending);
    String msg = GcSyntaxMessages.message(ctx, offending, expected, prev);
    diagnostics.add(Diagnostic.error(map.pos(offending), msg));
  }

  private static boolean isEofSemi(Token t) {
    return t.getType() == GoLexer.SEMI && t.getText().equals("EOF");
  }

  private static Token previous(Parser recognizer, Token t) {
    int i = t.getTokenIndex() - 1;
    var tokens = recognizer.getInputStream();
    while (i >= 0) {
      Token p = tokens.get(i);
      if (p.getChannel() == Token.DEFAULT_CHANNEL) return p;
      i--;
    }
    return null;
  }

  /**
   * gc's filter (base.ErrorfAt): at most one syntax error per line, and an identical message
   * on the same line only once. Input sorted by position.
   */
  public static List<Diagnostic> gcFilter(List<Diagnostic> sorted) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> lines = new HashSet<>();
    Set<String> messages = new HashSet<>();
    for (Diagnostic d : sorted) {
      String line = d.pos().file() + ":" + d.pos().line();
      if (d.message().startsWith("syntax error")) {
        if (!lines.add(line)) continue;
      } else if (!messages.add(line + ":" + d.message())) {
        continue;
      }
      out.add(d);
    }
    return out;
  }
}
