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
        // gc parses imports in their own loop, which wants ";" (fileOrNil).
        boolean afterImport = ctx.getChildCount() > 0
            && ctx.getChild(ctx.getChildCount() - 1) instanceof GoParser.TopLevelDeclContext d && d.importDecl() != null;
        return unexpected + (afterImport ? ", expecting semicolon or newline" : " after top level declaration");
      }
      return "syntax error: non-declaration statement outside function body";
    }
    // gc (ifStmt): "else must be followed by if or statement block".
    if (ctx instanceof GoParser.IfStmtContext && prev != null && prev.getType() == GoLexer.ELSE) {
      return "syntax error: else must be followed by if or statement block";
    }
    // gc (simpleStmt): a list of several expressions must be assigned.
    if (endsWithBareList(ctx) && t.getType() != GoLexer.SEMI && t.getType() != GoLexer.R_CURLY) {
      return unexpected + ", expecting := or = or comma";
    }
    // gc (funcDeclOrNil/paramList): the parameter list must start with "(".
    if (ctx instanceof GoParser.ParametersContext && ctx.getChildCount() == 0) return unexpected + ", expecting (";
    // gc (nameList): a name after the comma.
    if (ctx instanceof GoParser.IdentifierListContext && prev != null && prev.getType() == GoLexer.COMMA) {
      return unexpected + ", expecting name";
    }
    // gc (pexpr): a selector or type assertion follows ".".
    if (prev != null && prev.getType() == GoLexer.DOT) return unexpected + ", expecting name or (";
    // gc (structType/fieldDecl, interfaceType/methodDecl): a new field or method.
    if (prev != null && (prev.getType() == GoLexer.SEMI || prev.getType() == GoLexer.L_CURLY) && t.getType() != Token.EOF) {
      if (ctx instanceof GoParser.StructTypeContext || ctx instanceof GoParser.FieldDeclContext) {
        return unexpected + ", expecting field name or embedded type";
      }
    }
    // gc (type_): a type is needed (parameters, conversions in type position).
    if (typeExpected(ctx, expected) && !canStartType(t.getType())) return unexpected + ", expecting type";
    String brace = missingBrace(ctx, t, expected, unexpected);
    if (brace != null) return brace;
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
    // gc (funcDeclOrNil): after the receiver comes the method name.
    if (ctx instanceof GoParser.FunctionDeclContext && expected.contains(GoLexer.IDENTIFIER)) {
      return unexpected + ", expecting name or (";
    }
    // gc (pexpr): index or slice expression.
    if (ctx instanceof GoParser.IndexExprContext && expected.contains(GoLexer.R_BRACKET) && prev != null
        && prev.getType() != GoLexer.COLON && prev.getType() != GoLexer.L_BRACKET) {
      return unexpected + ", expecting comma, : or ]";
    }
    // gc (switchStmt, selectStmt): only clauses inside the braces.
    if ((ctx instanceof GoParser.SwitchStmtContext || ctx instanceof GoParser.SelectStmtContext) && expected.contains(GoLexer.CASE)) {
      return unexpected + ", expecting case or default or }";
    }
    // gc (unaryExpr/operand): after an operator or opening bracket an operand must follow.
    if (prev != null && needsOperand(prev.getType()) && !canStartExpression(t.getType())
        && !(ctx instanceof GoParser.ParametersContext)
        && !(prev.getType() == GoLexer.L_PAREN && ctx instanceof GoParser.ArgumentsContext && t.getType() == GoLexer.R_PAREN)) {
      return unexpected + ", expecting expression";
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

  /**
   * gc (header, blockStmt, switchStmt, selectStmt): the "{" after a statement header is missing.
   * After a header without ";", gc asks for "{"; after a complete for/if clause it names the
   * clause; switch and select say "missing { after ... clause".
   */
  private static String missingBrace(ParserRuleContext ctx, Token t, IntervalSet expected, String unexpected) {
    if (!expected.contains(GoLexer.L_CURLY) || t.getType() == GoLexer.L_CURLY) return null;
    if (ctx instanceof GoParser.BlockContext && ctx.getChildCount() > 0) return null;
    RuleContext owner = ctx instanceof GoParser.BlockContext || ctx instanceof GoParser.HeaderContext
        || ctx instanceof GoParser.ForHeaderContext ? ctx.parent : ctx;
    if (owner instanceof GoParser.SelectStmtContext) return "syntax error: missing { after select clause";
    ParserRuleContext header = null;
    if (owner instanceof GoParser.IfStmtContext i) header = i.header();
    else if (owner instanceof GoParser.SwitchStmtContext s) header = s.header();
    else if (owner instanceof GoParser.ForStmtContext f) header = f.forHeader();
    else return null;
    boolean clause = t.getType() == GoLexer.SEMI || (header != null && header.getToken(GoLexer.SEMI, 0) != null);
    if (!clause) return unexpected + ", expecting {";
    // gc (header): after "init;" of an if or switch, a condition or tag is parsed first.
    boolean endsInSemi = header != null && header.getChildCount() > 0
        && header.getChild(header.getChildCount() - 1) instanceof org.antlr.v4.runtime.tree.TerminalNode n
        && n.getSymbol().getType() == GoLexer.SEMI;
    if (endsInSemi && !(owner instanceof GoParser.ForStmtContext) && !canStartExpression(t.getType())) {
      return unexpected + ", expecting expression";
    }
    if (owner instanceof GoParser.SwitchStmtContext) return "syntax error: missing { after switch clause";
    return unexpected + ", expecting { after " + (owner instanceof GoParser.IfStmtContext ? "if" : "for") + " clause";
  }

  /** Does the statement list or header in ctx end with a bare list of two or more expressions? */
  private static boolean endsWithBareList(ParserRuleContext ctx) {
    ParserRuleContext last = null;
    if (ctx instanceof GoParser.StatementListContext && ctx.getChildCount() > 0
        && ctx.getChild(ctx.getChildCount() - 1) instanceof GoParser.StatementContext s) {
      last = s.simpleStmt();
    } else if (ctx instanceof GoParser.BlockContext && ctx.getChildCount() == 0) {
      RuleContext owner = ctx.parent;
      ParserRuleContext header = owner instanceof GoParser.IfStmtContext i ? i.header()
          : owner instanceof GoParser.SwitchStmtContext w ? w.header()
          : owner instanceof GoParser.ForStmtContext f ? f.forHeader() : null;
      if (header != null && header.getChildCount() > 0 && header.getChild(header.getChildCount() - 1) instanceof GoParser.SimpleStmtContext s) {
        last = s;
      }
    }
    return last instanceof GoParser.SimpleStmtContext s && s.getChildCount() == 1
        && s.expressionList(0).expression().size() >= 2;
  }

  private static boolean typeExpected(ParserRuleContext ctx, IntervalSet expected) {
    return (ctx instanceof GoParser.Type_Context || ctx instanceof GoParser.ParameterDeclContext
        || ctx instanceof GoParser.TypeLitContext || ctx instanceof GoParser.TypeNameContext)
        && expected.contains(GoLexer.IDENTIFIER) && !expected.contains(GoLexer.INT_LIT);
  }

  private static boolean canStartType(int type) {
    return switch (type) {
      case GoLexer.IDENTIFIER, GoLexer.L_PAREN, GoLexer.L_BRACKET, GoLexer.STAR, GoLexer.FUNC, GoLexer.MAP, GoLexer.CHAN,
          GoLexer.STRUCT, GoLexer.INTERFACE, GoLexer.RECEIVE, GoLexer.ELLIPSIS -> true;
      default -> false;
    };
  }

  private static boolean needsOperand(int type) {
    return switch (type) {
      case GoLexer.L_PAREN, GoLexer.L_BRACKET, GoLexer.COMMA, GoLexer.ASSIGN, GoLexer.DECLARE_ASSIGN, GoLexer.ASSIGN_OP,
          GoLexer.RECEIVE, GoLexer.EXCLAMATION, GoLexer.CARET, GoLexer.STAR, GoLexer.AMPERSAND, GoLexer.PLUS, GoLexer.MINUS,
          GoLexer.DIV, GoLexer.MOD, GoLexer.LSHIFT, GoLexer.RSHIFT, GoLexer.BIT_CLEAR, GoLexer.OR, GoLexer.EQUALS,
          GoLexer.NOT_EQUALS, GoLexer.LESS, GoLexer.LESS_OR_EQUALS, GoLexer.GREATER, GoLexer.GREATER_OR_EQUALS,
          GoLexer.LOGICAL_AND, GoLexer.LOGICAL_OR, GoLexer.GO, GoLexer.DEFER, GoLexer.RANGE, GoLexer.CASE -> true;
      default -> false;
    };
  }

  private static boolean canStartExpression(int type) {
    return switch (type) {
      case GoLexer.IDENTIFIER, GoLexer.TXN, GoLexer.INT_LIT, GoLexer.FLOAT_LIT, GoLexer.IMAGINARY_LIT, GoLexer.RUNE_LIT,
          GoLexer.INTERPRETED_STRING_LIT, GoLexer.RAW_STRING_LIT, GoLexer.L_PAREN, GoLexer.L_BRACKET, GoLexer.FUNC,
          GoLexer.MAP, GoLexer.CHAN, GoLexer.STRUCT, GoLexer.INTERFACE, GoLexer.STAR, GoLexer.AMPERSAND, GoLexer.PLUS,
          GoLexer.MINUS, GoLexer.EXCLAMATION, GoLexer.CARET, GoLexer.RECEIVE -> true;
      default -> false;
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
