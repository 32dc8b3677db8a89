package gopl.frontend.parse;

import gopl.frontend.Diagnostic;
import gopl.frontend.Pos;
import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.ExprString;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.Stmt;
import gopl.grammar.GoParser;
import gopl.grammar.GoParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds statements (one method per grammar rule) and makes the checks gc's parser makes on
 * statement shapes: conditions must be expressions, {@code :=} not in for post statements,
 * {@code range} only in for headers, {@code go}/{@code defer} need calls, and GoPL's
 * {@code txn(mode) { ... }} only with the contextual word {@code txn}.
 */
abstract class StmtBuilder extends ExprBuilder {
  StmtBuilder(SourceMap map, List<Diagnostic> diagnostics, TokenStream tokens) {
    super(map, diagnostics, tokens);
  }

  abstract Decl.Gen declaration(DeclarationContext c);

  @Override
  Stmt.Block block(BlockContext c) {
    Pos rbrace = c.R_CURLY() == null ? pos(c.getStop()) : pos(c.R_CURLY());
    return new Stmt.Block(pos(c), statementList(c.statementList()), rbrace);
  }

  List<Stmt> statementList(StatementListContext c) {
    if (c == null) return List.of();
    if (c.getChildCount() > 0 && c.getChild(c.getChildCount() - 1) instanceof StatementContext) {
      Token next = tokenAfter(c);
      if (next.getType() == GoParser.CASE || next.getType() == GoParser.DEFAULT) {
        error(pos(next), "syntax error: unexpected " + next.getText() + " at end of statement");
      }
    }
    List<Stmt> out = new ArrayList<>(c.statement().size());
    for (StatementContext s : c.statement()) out.add(statement(s));
    checkTxnBraceOnNextLine(c);
    return List.copyOf(out);
  }

  /**
   * GoPL: {@code txn(mode)} at the end of a line followed by a block on the next line is, like
   * gc's {@code if x} + newline + {@code {}, a misplaced brace (the semicolon inserted after ")"
   * ends the statement), not a call of a function named txn followed by a block.
   */
  private void checkTxnBraceOnNextLine(StatementListContext c) {
    for (int i = 0; i + 2 < c.getChildCount(); i++) {
      if (c.getChild(i) instanceof StatementContext s && s.simpleStmt() != null
          && s.getStart().getType() == GoParser.TXN && s.simpleStmt().getChildCount() == 1
          && c.getChild(i + 1) instanceof TerminalNode semi && semi.getText().equals("newline")
          && c.getChild(i + 2) instanceof StatementContext next && next.block() != null) {
        error(pos(semi), "syntax error: unexpected newline, expecting { after txn clause");
      }
    }
  }

  Stmt statement(StatementContext c) {
    ParseTree ch = c.getChild(0);
    return switch (ch) {
      case DeclarationContext d -> new Stmt.DeclStmt(pos(d), declaration(d));
      case LabeledStmtContext l -> labeled(l);
      case TxnStmtContext t -> txn(t);
      case SimpleStmtContext s -> simpleStmt(s);
      case GoStmtContext g -> new Stmt.Go(pos(g), callStmt("go", g.expression()));
      case DeferStmtContext d -> new Stmt.Defer(pos(d), callStmt("defer", d.expression()));
      case ReturnStmtContext r -> new Stmt.Return(pos(r), expressionList(r.expressionList()));
      case BreakStmtContext b -> new Stmt.Branch(pos(b), Op.BREAK, b.IDENTIFIER() == null ? null : ident(b.IDENTIFIER()));
      case ContinueStmtContext k -> new Stmt.Branch(pos(k), Op.CONTINUE, k.IDENTIFIER() == null ? null : ident(k.IDENTIFIER()));
      case GotoStmtContext g -> new Stmt.Branch(pos(g), Op.GOTO, ident(g.IDENTIFIER()));
      case FallthroughStmtContext f -> new Stmt.Branch(pos(f), Op.FALLTHROUGH, null);
      case BlockContext b -> block(b);
      case IfStmtContext i -> ifStmt(i);
      case SwitchStmtContext s -> switchStmt(s);
      case SelectStmtContext s -> selectStmt(s);
      case ForStmtContext f -> forStmt(f);
      default -> new Stmt.Bad(pos(c));
    };
  }

  private Stmt labeled(LabeledStmtContext c) {
    Expr.Ident label = ident(c.IDENTIFIER());
    Stmt s = c.statement() == null ? new Stmt.Empty(pos(tokenAfter(c))) : statement(c.statement());
    return new Stmt.Labeled(label.pos(), label, s);
  }

  /** spec (GoPL): TxnStmt = "txn" "(" [ Expression ] ")" Block . */
  private Stmt txn(TxnStmtContext c) {
    ArgumentsContext a = c.arguments();
    List<Expr> args = expressionList(a.expressionList());
    if (args.size() > 1) error(args.get(1).pos(), "syntax error: txn takes at most one argument (the log mode)");
    else if (a.ELLIPSIS() != null) error(pos(a.ELLIPSIS()), "syntax error: unexpected ..., expecting )");
    return new Stmt.Txn(pos(c), args.isEmpty() ? null : args.get(0), block(c.block()));
  }

  private Expr callStmt(String keyword, ExpressionContext c) {
    Expr x = expression(c);
    if (x instanceof Expr.Paren p) {
      error(x.pos(), "expression in " + keyword + " must not be parenthesized");
      x = p.x();
    }
    if (!(x instanceof Expr.Call)) error(x.pos(), "expression in " + keyword + " must be function call");
    return x;
  }

  /** A simple statement; a range clause is rejected here (for headers handle it first). */
  Stmt simpleStmt(SimpleStmtContext c) {
    List<Expr> lhs = expressionList(c.expressionList(0));
    Pos pos = lhs.isEmpty() ? pos(c) : lhs.get(0).pos();
    if (c.getChildCount() == 1) {
      if (lhs.size() != 1) unexpectedAfter(c, "expecting := or = or comma");
      return new Stmt.ExprStmt(pos, lhs.get(0));
    }
    Token op = ((TerminalNode) c.getChild(1)).getSymbol();
    switch (op.getType()) {
      case GoParser.PLUS_PLUS, GoParser.MINUS_MINUS -> {
        if (lhs.size() != 1) error(pos(op), "syntax error: unexpected " + op.getText() + ", expecting := or = or comma");
        return new Stmt.IncDec(pos, lhs.get(0), op.getType() == GoParser.PLUS_PLUS ? Op.INC : Op.DEC);
      }
      case GoParser.RECEIVE -> {
        if (lhs.size() != 1) error(pos(op), "syntax error: unexpected <-, expecting := or = or comma");
        return new Stmt.Send(pos, lhs.get(0), expression(c.expression()));
      }
      case GoParser.ASSIGN_OP -> {
        if (lhs.size() != 1) error(pos(op), "syntax error: unexpected " + op.getText() + ", expecting := or = or comma");
        return new Stmt.Assign(pos, lhs, assignOp(op.getText()), expressionList(c.expressionList(1)), pos(op));
      }
      default -> {
        Op tok = op.getType() == GoParser.DECLARE_ASSIGN ? Op.DEFINE : Op.ASSIGN;
        if (tok == Op.DEFINE) {
          for (Expr x : lhs) {
            if (!(x instanceof Expr.Ident)) error(x.pos(), "non-name " + ExprString.of(x) + " on left side of :=");
          }
        }
        return new Stmt.Assign(pos, lhs, tok, expressionList(c.expressionList(1)), pos(op));
      }
    }
  }

  static Op assignOp(String text) {
    return switch (text) {
      case "+=" -> Op.ADD_ASSIGN;
      case "-=" -> Op.SUB_ASSIGN;
      case "*=" -> Op.MUL_ASSIGN;
      case "/=" -> Op.QUO_ASSIGN;
      case "%=" -> Op.REM_ASSIGN;
      case "&=" -> Op.AND_ASSIGN;
      case "|=" -> Op.OR_ASSIGN;
      case "^=" -> Op.XOR_ASSIGN;
      case "<<=" -> Op.SHL_ASSIGN;
      case ">>=" -> Op.SHR_ASSIGN;
      default -> Op.AND_NOT_ASSIGN;
    };
  }

  private void unexpectedAfter(org.antlr.v4.runtime.ParserRuleContext c, String expecting) {
    Token t = tokenAfter(c);
    error(pos(t), "syntax error: unexpected " + GcTokens.describe(t) + ", " + expecting);
  }

  /** The statement used as a condition must be an expression (gc: "cannot use ... as value"). */
  private Expr condition(Stmt s) {
    if (s instanceof Stmt.ExprStmt e) return e.x();
    String str = s instanceof Stmt.Assign a && a.op() == Op.ASSIGN
        ? "assignment (" + ExprString.list(a.lhs()) + ") = (" + ExprString.list(a.rhs()) + ")"
        : ExprString.of(s);
    error(s instanceof Stmt.Assign a ? a.opPos() : s.pos(), "syntax error: cannot use " + str + " as value");
    return new Expr.Bad(s.pos());
  }

  /** init and cond/tag of an if or switch header (cond null when absent) and the parse of cond. */
  private record Header(Stmt init, Stmt cond, Token semi, SimpleStmtContext condCtx) {}

  private Header header(HeaderContext c, boolean isSwitch) {
    if (c == null) return new Header(null, null, null, null);
    SimpleStmtContext first = null;
    SimpleStmtContext second = null;
    Token semi = null;
    for (ParseTree ch : c.children) {
      if (ch instanceof TerminalNode t && t.getSymbol().getType() == GoParser.SEMI) semi = t.getSymbol();
      else if (ch instanceof SimpleStmtContext s) {
        if (semi == null) first = s;
        else second = s;
      }
    }
    SimpleStmtContext condCtx = semi == null ? first : second;
    Stmt init = semi == null || first == null ? null : simpleStmt(first);
    Stmt cond = null;
    if (condCtx != null) {
      cond = isSwitch ? typeSwitchGuard(condCtx) : null;
      if (cond == null) cond = simpleStmt(condCtx);
    }
    return new Header(init, cond, semi, condCtx);
  }

  private Stmt ifStmt(IfStmtContext c) {
    Header h = header(c.header(), false);
    Expr cond;
    if (h.cond() != null) cond = condition(h.cond());
    else {
      if (h.semi() == null) error(pos(c.block(0)), "syntax error: missing condition in if statement");
      else if (h.semi().getText().equals("newline")) error(pos(h.semi()), "syntax error: unexpected newline, expecting { after if clause");
      else error(pos(h.semi()), "syntax error: missing condition in if statement");
      cond = new Expr.Bad(pos(c.block(0)));
    }
    Stmt els = null;
    if (c.ifStmt() != null) els = ifStmt(c.ifStmt());
    else if (c.ELSE() != null && c.block().size() > 1) els = block(c.block(1));
    return new Stmt.If(pos(c), h.init(), cond, block(c.block(0)), els);
  }

  private Stmt switchStmt(SwitchStmtContext c) {
    Header h = header(c.header(), true);
    Pos rbrace = c.R_CURLY() == null ? pos(c.getStop()) : pos(c.R_CURLY());
    List<Stmt.CaseClause> clauses = new ArrayList<>();
    for (CaseClauseContext cc : c.caseClause()) {
      List<Expr> list = cc.expressionList() == null ? List.of() : expressionList(cc.expressionList());
      clauses.add(new Stmt.CaseClause(pos(cc), list, cc.DEFAULT() != null, statementList(cc.statementList())));
    }
    if (h.cond() != null && isGuardStmt(h.cond())) return new Stmt.TypeSwitch(pos(c), h.init(), h.cond(), List.copyOf(clauses), rbrace);
    Expr tag = h.cond() == null ? null : condition(h.cond());
    return new Stmt.Switch(pos(c), h.init(), tag, List.copyOf(clauses), rbrace);
  }

  /** {@code x := y.(type)} or {@code y.(type)} as a switch header's tag statement, else null. */
  private Stmt typeSwitchGuard(SimpleStmtContext s) {
    if (s.getChildCount() == 1 && s.expressionList(0).expression().size() == 1) {
      ExpressionContext g = s.expressionList(0).expression(0);
      if (!isTypeGuard(g)) return null;
      Expr x = guardExpression(g);
      return new Stmt.ExprStmt(x.pos(), x);
    }
    if (s.DECLARE_ASSIGN() != null && s.expressionList().size() == 2
        && s.expressionList(1).expression().size() == 1 && isTypeGuard(s.expressionList(1).expression(0))) {
      List<Expr> lhs = expressionList(s.expressionList(0));
      Expr x = guardExpression(s.expressionList(1).expression(0));
      return new Stmt.Assign(lhs.get(0).pos(), lhs, Op.DEFINE, List.of(x), pos(s.DECLARE_ASSIGN()));
    }
    return null;
  }

  private static boolean isGuardStmt(Stmt s) {
    Expr x = s instanceof Stmt.ExprStmt e ? e.x() : s instanceof Stmt.Assign a && a.rhs().size() == 1 ? a.rhs().get(0) : null;
    return x instanceof Expr.TypeAssert t && t.type() == null;
  }

  private static boolean isTypeGuard(ExpressionContext e) {
    return e instanceof UnaryExpressionContext u && u.unaryExpr().primaryExpr() instanceof TypeAssertExprContext t && t.TYPE() != null;
  }

  private Stmt selectStmt(SelectStmtContext c) {
    List<Stmt.CommClause> clauses = new ArrayList<>();
    for (CommClauseContext cc : c.commClause()) {
      Stmt comm = cc.simpleStmt() == null ? null : simpleStmt(cc.simpleStmt());
      clauses.add(new Stmt.CommClause(pos(cc), comm, statementList(cc.statementList())));
    }
    return new Stmt.Select(pos(c), List.copyOf(clauses));
  }

  private Stmt forStmt(ForStmtContext c) {
    Pos pos = pos(c);
    Stmt.Block body = block(c.block());
    ForHeaderContext h = c.forHeader();
    if (h == null) return new Stmt.For(pos, null, null, null, body);
    if (h.RANGE() != null) {
      if (h.expressionList() == null) return new Stmt.Range(pos, null, null, null, expression(h.expression()), body);
      return range(pos, h, body);
    }
    Stmt init = null;
    Expr cond = null;
    Stmt post = null;
    int semis = 0;
    for (ParseTree ch : h.children) {
      if (ch instanceof TerminalNode t && t.getSymbol().getType() == GoParser.SEMI) semis++;
      else if (ch instanceof ExpressionContext e) cond = expression(e);
      else if (ch instanceof SimpleStmtContext s) {
        Stmt st = simpleStmt(s);
        if (semis == 0) init = st;
        else post = st;
      }
    }
    if (semis == 0) return new Stmt.For(pos, null, condition(init), null, body);
    if (post instanceof Stmt.Assign a && a.op() == Op.DEFINE) {
      error(a.opPos(), "syntax error: cannot declare in post statement of for loop");
    }
    return new Stmt.For(pos, init, cond, post, body);
  }

  /** spec: RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression . */
  private Stmt range(Pos pos, ForHeaderContext s, Stmt.Block body) {
    List<Expr> lhs = expressionList(s.expressionList());
    Expr key = lhs.isEmpty() ? null : lhs.get(0);
    Expr value = lhs.size() > 1 ? lhs.get(1) : null;
    if (lhs.size() > 2) error(lhs.get(2).pos(), "range clause permits at most two iteration variables");
    Op tok = s.DECLARE_ASSIGN() != null ? Op.DEFINE : Op.ASSIGN;
    if (tok == Op.DEFINE) {
      for (Expr x : lhs) {
        if (!(x instanceof Expr.Ident)) error(x.pos(), "non-name " + ExprString.of(x) + " on left side of :=");
      }
    }
    return new Stmt.Range(pos, key, value, tok, expression(s.expression()), body);
  }
}
