package gopl.frontend.parse;

import gopl.grammar.GoLexer;
import gopl.grammar.GoParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Maps an ANTLR syntax error (offending token, expected token set, rule context) to gc's
 * message. gc's parser words errors by where it is: "in argument list; possibly missing comma or
 * )", "at end of statement", "non-declaration statement outside function body", ", expecting X".
 * The rule context ANTLR was in tells us the same thing; the cases below are checked in order and
 * each names the gc construct it imitates.
 */
final class GcSyntaxMessages {
  private GcSyntaxMessages() {}

  /** Tokens that may continue an expression; gc never lists them after "expecting". */
  private static final int[] CONTINUATIONS = {
    GoLexer.STAR, GoLexer.DIV, GoLexer.MOD, GoLexer.LSHIFT, GoLexer.RSHIFT, GoLexer.AMPERSAND, GoLexer.BIT_CLEAR,
    GoLexer.PLUS, GoLexer.MINUS, GoLexer.OR, GoLexer.CARET, GoLexer.EQUALS, GoLexer.NOT_EQUALS, GoLexer.LESS,
    GoLexer.LESS_OR_EQUALS, GoLexer.GREATER, GoLexer.GREATER_OR_EQUALS, GoLexer.LOGICAL_AND, GoLexer.LOGICAL_OR,
    GoLexer.DOT, GoLexer.L_BRACKET, GoLexer.L_PAREN, GoLexer.L_CURLY
  };

  static String message(ParserRuleContext ctx, Token t, IntervalSet expected, Token prev) {
    String unexpected = "syntax error: unexpected " + GcTokens.describe(t);
    // gc (fileOrNil): "{" of a function body on the line after the signature.
    if (t.getType() == GoLexer.L_CURLY && prev != null && prev.getType() == GoLexer.SEMI
        && !prev.getText().equals(";") && atTopLevel(ctx)) {
      return "syntax error: unexpected semicolon or newline before {";
    }
    if (ctx instanceof GoParser.SourceFileContext) {
      if (prev != null && prev.getType() != GoLexer.SEMI && expected.contains(GoLexer.SEMI)) {
        return unexpected + " after top level declaration";
      }
      return "syntax error: non-declaration statement outside function body";
    }
    // gc (ifStmt): "else must be followed by if or statement block".
    if (ctx instanceof GoParser.IfStmtContext && prev != null && prev.getType() == GoLexer.ELSE) {
      return "syntax error: else must be followed by if or statement block";
    }
    // gc (stmtList): after a statement only ";" or "}" may follow ("at end of statement"); a
    // token that cannot start a statement ends the list, and then "}" is wanted.
    if (ctx instanceof GoParser.StatementListContext || ctx instanceof GoParser.BlockContext
        || ctx instanceof GoParser.CaseClauseContext || ctx instanceof GoParser.CommClauseContext) {
      int p = prev == null ? GoLexer.SEMI : prev.getType();
      boolean afterStatement = p != GoLexer.SEMI && p != GoLexer.L_CURLY && p != GoLexer.COLON;
      int type = t.getType();
      if (afterStatement && type != GoLexer.SEMI && type != GoLexer.R_CURLY && type != Token.EOF) {
        return unexpected + " at end of statement";
      }
      if (!canStartStatement(type)) {
        RuleContext owner = ctx instanceof GoParser.StatementListContext ? ctx.parent : ctx;
        boolean inCase = owner instanceof GoParser.CaseClauseContext || owner instanceof GoParser.CommClauseContext;
        return unexpected + (inCase ? ", expecting case or default or }" : ", expecting }");
      }
    }
    // gc (blockStmt, switchStmt, selectStmt): the "{" after a statement header is missing.
    if (expected.contains(GoLexer.L_CURLY) && t.getType() != GoLexer.L_CURLY) {
      RuleContext owner = ctx instanceof GoParser.BlockContext || ctx instanceof GoParser.HeaderContext
          || ctx instanceof GoParser.ForHeaderContext ? ctx.parent : ctx;
      if (owner instanceof GoParser.IfStmtContext) return unexpected + ", expecting { after if clause";
      if (owner instanceof GoParser.ForStmtContext) return unexpected + ", expecting { after for clause";
      if (owner instanceof GoParser.SwitchStmtContext) return "syntax error: missing { after switch clause";
      if (owner instanceof GoParser.SelectStmtContext) return "syntax error: missing { after select clause";
    }
    // gc (funcDeclOrNil): after the receiver comes the method name.
    if (ctx instanceof GoParser.FunctionDeclContext && expected.contains(GoLexer.IDENTIFIER)) {
      return unexpected + ", expecting name or (";
    }
    // gc (pexpr): index or slice expression.
    if (ctx instanceof GoParser.IndexExprContext && expected.contains(GoLexer.R_BRACKET) && prev != null
        && prev.getType() != GoLexer.COLON && prev.getType() != GoLexer.L_BRACKET) {
      return unexpected + ", expecting comma, : or ]";
    }
    boolean startsExpr = expected.contains(GoLexer.IDENTIFIER) && expected.contains(GoLexer.INT_LIT);
    // gc (list): the "in <list>; possibly missing" form is for a token after an element; at the
    // start of a parameter, gc wants the closing parenthesis.
    boolean atElementStart = prev != null && (prev.getType() == GoLexer.COMMA || prev.getType() == GoLexer.L_PAREN
        || prev.getType() == GoLexer.L_CURLY);
    if (atElementStart && ctx instanceof GoParser.ParametersContext) return unexpected + ", expecting )";
    String list = atElementStart ? null : enclosingList(ctx);
    if (list != null && !startsExpr && t.getType() != Token.EOF) return unexpected + " in " + list;
    if (endOfStatement(ctx) && expected.contains(GoLexer.SEMI) && !startsExpr) return unexpected + " at end of statement";
    if (startsExpr) return unexpected + ", expecting expression";
    List<String> names = new ArrayList<>();
    for (int type : expected.toArray()) {
      if (!isContinuation(type) && type > 0) names.add(GcTokens.expected(type));
    }
    if (t.getType() == Token.EOF && names.contains("}")) return unexpected + ", expecting }";
    if (names.size() == 1) return unexpected + ", expecting " + names.get(0);
    if (names.size() == 2) return unexpected + ", expecting " + names.get(0) + " or " + names.get(1);
    if (expected.contains(GoLexer.IDENTIFIER) && expected.contains(GoLexer.STAR) && expected.contains(GoLexer.MAP)) {
      return unexpected + ", expecting type";
    }
    return unexpected;
  }

  private static boolean canStartStatement(int type) {
    return switch (type) {
      case GoLexer.ELSE, GoLexer.R_PAREN, GoLexer.R_BRACKET, GoLexer.R_CURLY, GoLexer.COMMA, GoLexer.COLON,
          GoLexer.ASSIGN, GoLexer.DECLARE_ASSIGN, GoLexer.ASSIGN_OP, GoLexer.PACKAGE, GoLexer.IMPORT, Token.EOF,
          GoLexer.CASE, GoLexer.DEFAULT, GoLexer.DOT, GoLexer.ELLIPSIS -> false;
      default -> true;
    };
  }

  private static boolean isContinuation(int type) {
    for (int c : CONTINUATIONS) if (c == type) return true;
    return false;
  }

  private static boolean atTopLevel(ParserRuleContext ctx) {
    return ctx instanceof GoParser.SourceFileContext || ctx instanceof GoParser.FunctionDeclContext
        || ctx instanceof GoParser.TopLevelDeclContext;
  }

  /** gc's list(context, ...) message for the innermost list the error is in, else null. */
  private static String enclosingList(ParserRuleContext ctx) {
    for (RuleContext c = ctx; c != null; c = c.parent) {
      if (c instanceof GoParser.ArgumentsContext) return "argument list; possibly missing comma or )";
      if (c instanceof GoParser.LiteralValueContext) return "composite literal; possibly missing comma or }";
      if (c instanceof GoParser.ParametersContext) return "parameter list; possibly missing comma or )";
      if (c instanceof GoParser.StructTypeContext) return "struct type; possibly missing semicolon or newline or }";
      if (c instanceof GoParser.InterfaceTypeContext) return "interface type; possibly missing semicolon or newline or }";
      if (c instanceof GoParser.BlockContext || c instanceof GoParser.StatementContext
          || c instanceof GoParser.ParenOperandContext || c instanceof GoParser.IndexExprContext) {
        return null;
      }
    }
    return null;
  }

  /** Is the parser between statements (gc's stmtList: "at end of statement")? */
  private static boolean endOfStatement(ParserRuleContext ctx) {
    return ctx instanceof GoParser.StatementListContext || ctx instanceof GoParser.BlockContext
        || ctx instanceof GoParser.CaseClauseContext || ctx instanceof GoParser.CommClauseContext
        || ctx instanceof GoParser.StatementContext || ctx instanceof GoParser.SimpleStmtContext;
  }
}
