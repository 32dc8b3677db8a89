package gopl.types;

import static gopl.types.Predicates.*;

import gopl.frontend.Pos;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements and function bodies (types2 stmt.go): scopes, assignments, if/for/range/switch/
 * type switch/select, go/defer, return, GoPL's txn block, "declared but not used" and "missing
 * return". Branch statements and labels are checked by {@link Labels} (gc's wording).
 */
abstract class Stmts extends Assignments {
  static final int BREAK_OK = 1, CONTINUE_OK = 2, FALLTHROUGH_OK = 4, FINAL_SWITCH_CASE = 8, IN_TYPE_SWITCH = 16;

  Stmts(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  /** Checks a body whose parameters are declared in scope s (a function scope). */
  @Override
  void funcBodyIn(DeclInfo decl, Signature sig, Stmt.Block body, Scope s) {
    Env saved = env;
    Env e = new Env();
    e.decl = decl;
    e.scope = s;
    e.funcScope = s;
    e.iota = saved.iota;
    e.sig = sig;
    env = e;
    try {
      stmtList(0, body.stmts());
      if (env.hasLabel || hasBranchStmts(body)) new Labels(this::error).check(body);
      if (sig.results().size() > 0 && !new Returns(isPanic).isTerminating(body, "")) {
        error(body.rbrace(), "missing return");
      }
      usage(s);
    } finally {
      env = saved;
    }
  }

  private static boolean hasBranchStmts(Stmt.Block body) {
    return true; // cheap enough: Labels walks the body once
  }

  /** spec: "Implementation restriction: A compiler may make it illegal to declare a variable inside a function body if the variable is never used." */
  void usage(Scope scope) {
    List<Var> unused = new ArrayList<>();
    for (Obj o : scope.objects()) {
      if (o instanceof Var v && !v.used && !v.isParam() && !v.name().equals("_")) unused.add(v);
    }
    unused.sort((a, b) -> a.pos().compareTo(b.pos()));
    for (Var v : unused) error(v.pos(), v.name() + " declared but not used");
    for (Scope c : scope.children()) if (!c.isFunc) usage(c);
  }

  @Override
  void stmtList(int ctxt, List<Stmt> list) {
    boolean ok = (ctxt & FALLTHROUGH_OK) != 0;
    int inner = ctxt & ~FALLTHROUGH_OK;
    int n = list.size();
    while (n > 0 && list.get(n - 1) instanceof Stmt.Empty) n--;
    for (int i = 0; i < n; i++) {
      int in = inner;
      if (ok && i + 1 == n) in |= FALLTHROUGH_OK;
      stmt(in, list.get(i));
    }
  }

  void simpleStmt(Stmt s) {
    if (s != null) stmt(0, s);
  }

  /** The kind of an expression statement's expression, as types2 exprKind. */
  private enum Kind { CONVERSION, EXPRESSION, STATEMENT }

  private Kind exprKind(Expr e) {
    e = unparen(e);
    if (e instanceof Expr.Unary u && u.op() == Op.ARROW) return Kind.STATEMENT;
    if (!(e instanceof Expr.Call c)) return Kind.EXPRESSION;
    TypeAndValue tv = info.types.get(c.fun());
    if (tv != null && tv.mode() == Mode.TYPEXPR) return Kind.CONVERSION;
    Expr f = unparen(c.fun());
    Obj o = f instanceof Expr.Ident id ? info.uses.get(id) : f instanceof Expr.Selector s ? info.uses.get(s.sel()) : null;
    if (o instanceof Builtin b) {
      return switch (b.id()) {
        case APPEND, CAP, COMPLEX, IMAG, LEN, MAKE, NEW, REAL, UNSAFE_SIZEOF, PNEW, PMAKE -> Kind.EXPRESSION;
        default -> Kind.STATEMENT;
      };
    }
    return Kind.STATEMENT;
  }

  void suspendedCall(String keyword, Expr call) {
    Operand x = new Operand();
    rawExpr(x, call, null);
    if (x.mode == Mode.INVALID) return;
    if (!(unparen(call) instanceof Expr.Call)) {
      // the parser reported "expression in go must be function call"; gc's checker then
      // treats the operand as the callee of a call without arguments
      if (!(x.type.underlying() instanceof Signature)) errorf(x, INVALID_OP + "cannot call non-function %s", x);
      return;
    }
    String msg = switch (exprKind(call)) {
      case CONVERSION -> "requires function call, not conversion";
      case EXPRESSION -> "discards result of";
      case STATEMENT -> null;
    };
    if (msg != null) errorf(x, "%s %s %s", keyword, msg, x);
  }

  void stmt(int ctxt, Stmt s0) {
    int inner = ctxt & ~(FALLTHROUGH_OK | FINAL_SWITCH_CASE | IN_TYPE_SWITCH);
    switch (s0) {
      case Stmt.Empty s -> {}
      case Stmt.Bad s -> {}
      case Stmt.DeclStmt s -> declStmt(s.decl());
      case Stmt.Labeled s -> {
        env.hasLabel = true;
        stmt(ctxt, s.stmt());
      }
      case Stmt.ExprStmt s -> {
        Operand x = new Operand();
        rawExpr(x, s.x(), null);
        String msg;
        switch (x.mode) {
          case INVALID -> {
            return;
          }
          case BUILTIN -> msg = "must be called";
          case TYPEXPR -> msg = "is not an expression";
          default -> {
            if (exprKind(s.x()) == Kind.STATEMENT) return;
            msg = "is not used";
          }
        }
        errorf(x, "%s %s", x, msg);
      }
      case Stmt.Send s -> {
        Operand ch = new Operand(), val = new Operand();
        expr(ch, s.chan());
        expr(val, s.value());
        if (ch.mode == Mode.INVALID || val.mode == Mode.INVALID) return;
        if (!(ch.type.underlying() instanceof Chan uch)) {
          errorf(s, INVALID_OP + "cannot send to non-channel %s", ch);
          return;
        }
        if (uch.dir() == Chan.Dir.RECV_ONLY) {
          errorf(s, INVALID_OP + "cannot send to receive-only channel %s", ch);
          return;
        }
        assignment(val, uch.elem(), "send");
      }
      case Stmt.IncDec s -> {
        Operand x = new Operand();
        expr(x, s.x());
        if (x.mode == Mode.INVALID) return;
        if (!isNumeric(x.type)) {
          errorf(s.x(), INVALID_OP + "%s%s (non-numeric type %s)", s.x(), s.op().text, x.type);
          return;
        }
        assignVar(s.x(), x);
      }
      case Stmt.Assign s -> {
        switch (s.op()) {
          case ASSIGN -> assignVars(s.lhs(), s.rhs());
          case DEFINE -> shortVarDecl(s.opPos(), s.lhs(), s.rhs());
          default -> {
            if (s.lhs().size() != 1 || s.rhs().size() != 1) {
              errorAt(s.opPos(), "assignment operation %s requires single-valued expressions", s.op().text);
              return;
            }
            Operand x = new Operand();
            binary(x, null, s.lhs().get(0), s.rhs().get(0), s.op().binaryOfAssign(), s.opPos());
            assignVar(s.lhs().get(0), x);
          }
        }
      }
      case Stmt.Go s -> suspendedCall("go", s.call());
      case Stmt.Defer s -> suspendedCall("defer", s.call());
      case Stmt.Return s -> {
        Tuple res = env.sig.results();
        if (s.results().isEmpty() && res.size() > 0 && !res.at(0).name().isEmpty()) {
          for (Var obj : res.vars()) {
            Obj alt = env.scope.lookupParent(obj.name());
            if (alt != null && alt != obj) {
              errorf(s, "result parameter %s not in scope at return\n\t%s: inner declaration of %s", obj.name(), alt.pos(), sprintf("var %s %s", alt.name(), alt.type()));
            }
          }
        } else {
          initVars(res.vars(), s.results(), s);
        }
      }
      case Stmt.Branch s -> {
        if (s.label() != null) env.hasLabel = true;
      }
      case Stmt.Block s -> {
        openScope(s, "block");
        try {
          stmtList(inner, s.stmts());
        } finally {
          closeScope();
        }
      }
      case Stmt.If s -> {
        openScope(s, "if");
        try {
          simpleStmt(s.init());
          Operand x = new Operand();
          expr(x, s.cond());
          if (x.mode != Mode.INVALID && !isBoolean(x.type)) errorf(s.cond(), "non-boolean condition in if statement");
          stmt(inner, s.then());
          if (s.els() != null) stmt(inner, s.els());
        } finally {
          closeScope();
        }
      }
      case Stmt.Switch s -> {
        inner |= BREAK_OK;
        openScope(s, "switch");
        try {
          simpleStmt(s.init());
          switchStmt(inner, s);
        } finally {
          closeScope();
        }
      }
      case Stmt.TypeSwitch s -> {
        inner |= BREAK_OK;
        openScope(s, "switch");
        try {
          simpleStmt(s.init());
          typeSwitchStmt(inner | IN_TYPE_SWITCH, s);
        } finally {
          closeScope();
        }
      }
      case Stmt.Select s -> selectStmt(inner | BREAK_OK, s);
      case Stmt.For s -> {
        inner |= BREAK_OK | CONTINUE_OK;
        openScope(s, "for");
        try {
          simpleStmt(s.init());
          if (s.cond() != null) {
            Operand x = new Operand();
            expr(x, s.cond());
            if (x.mode != Mode.INVALID && !isBoolean(x.type)) errorf(s.cond(), "non-boolean condition in for statement");
          }
          simpleStmt(s.post());
          if (s.post() instanceof Stmt.Assign a && a.op() == Op.DEFINE) {
            errorAt(a.opPos(), "cannot declare in post statement of for loop");
          }
          stmt(inner, s.body());
        } finally {
          closeScope();
        }
      }
      case Stmt.Range s -> rangeStmt(inner | BREAK_OK | CONTINUE_OK, s);
      case Stmt.Txn s -> txnStmt(inner, s);
      case Stmt.CaseClause s -> errorf(s, "invalid statement");
      case Stmt.CommClause s -> errorf(s, "invalid statement");
    }
  }

  /** GoPL: {@code txn(mode) { body }}; mode absent or one of the constant strings "undo", "redo", "null". */
  private void txnStmt(int inner, Stmt.Txn s) {
    if (s.mode() != null) {
      Operand x = new Operand();
      expr(x, s.mode());
      if (x.mode != Mode.INVALID) {
        if (x.mode != Mode.CONSTANT || !isString(x.type)) {
          errorf(x, "txn mode must be a constant string \"undo\", \"redo\" or \"null\", not %s", x);
        } else {
          String m = x.val.stringValue();
          if (!m.equals("undo") && !m.equals("redo") && !m.equals("null")) {
            errorf(x, "invalid txn mode %s: must be \"undo\", \"redo\" or \"null\"", x.val);
          } else {
            convertUntyped(x, Typ.STRING);
          }
        }
      }
    }
    env.txnDepth++;
    try {
      stmt(inner, s.body());
    } finally {
      env.txnDepth--;
    }
  }

  private void multipleDefaults(List<? extends Stmt> clauses) {
    Stmt first = null;
    for (Stmt c : clauses) {
      boolean isDefault = c instanceof Stmt.CaseClause cc ? cc.isDefault() : ((Stmt.CommClause) c).comm() == null;
      if (isDefault) {
        if (first != null) errorf(c, "multiple defaults (first at %s)", first.pos());
        else first = c;
      }
    }
  }

  private void switchStmt(int inner, Stmt.Switch s) {
    Operand x = new Operand();
    if (s.tag() != null) {
      expr(x, s.tag());
      assignment(x, null, "switch expression");
      if (x.mode != Mode.INVALID && !comparable(x.type) && !hasNil(x.type)) {
        errorf(x, "cannot switch on %s (%s is not comparable)", x, x.type);
        x.mode = Mode.INVALID;
      }
    } else {
      x.mode = Mode.CONSTANT;
      x.type = Typ.BOOL;
      x.val = Constant.of(true);
      Pos pos = s.clauses().isEmpty() ? s.rbrace() : s.clauses().get(0).pos();
      x.expr = new Expr.Ident(pos, "true");
    }
    multipleDefaults(s.clauses());
    Map<Object, List<Object[]>> seen = new HashMap<>();
    for (int i = 0; i < s.clauses().size(); i++) {
      Stmt.CaseClause clause = s.clauses().get(i);
      int in = inner;
      if (i + 1 < s.clauses().size()) in |= FALLTHROUGH_OK;
      else in |= FINAL_SWITCH_CASE;
      caseValues(x, clause.list(), seen);
      openScope(clause, "case");
      stmtList(in, clause.body());
      closeScope();
    }
  }

  private void caseValues(Operand x, List<Expr> values, Map<Object, List<Object[]>> seen) {
    outer:
    for (Expr e : values) {
      Operand v = new Operand();
      expr(v, e);
      if (x.mode == Mode.INVALID || v.mode == Mode.INVALID) continue;
      convertUntyped(v, x.type);
      if (v.mode == Mode.INVALID) continue;
      Operand res = v.copy();
      comparison(res, x, Op.EQL, true);
      if (res.mode == Mode.INVALID) continue;
      if (v.mode != Mode.CONSTANT || v.val instanceof Constant.Bool || v.val.isUnknown()) continue;
      Object key = keyVal(v.val);
      List<Object[]> prev = seen.computeIfAbsent(key, k -> new ArrayList<>());
      for (Object[] vt : prev) {
        if (identical(v.type, (Type) vt[1])) {
          errorf(v, "duplicate case %s in expression switch\n\t%s: previous case", v, vt[0]);
          continue outer;
        }
      }
      prev.add(new Object[] {startPos(v.expr), v.type});
    }
  }

  private void typeSwitchStmt(int inner, Stmt.TypeSwitch s) {
    Expr.Ident lhs = null;
    Expr guardX;
    if (s.assign() instanceof Stmt.Assign a) {
      lhs = (Expr.Ident) a.lhs().get(0);
      guardX = ((Expr.TypeAssert) a.rhs().get(0)).x();
      if (lhs.name().equals("_")) {
        errorf(lhs, "no new variable on left side of :=");
        lhs = null;
      } else {
        info.defs.put(lhs, null);
      }
    } else {
      guardX = ((Expr.TypeAssert) ((Stmt.ExprStmt) s.assign()).x()).x();
    }
    Operand x = new Operand();
    expr(x, guardX);
    if (x.mode == Mode.INVALID) return;
    Operand sx = null;
    if (x.type.underlying() instanceof Interface) sx = x;
    else errorf(x, "%s is not an interface", x);
    multipleDefaults(s.clauses());
    List<Var> lhsVars = new ArrayList<>();
    List<Object[]> seen = new ArrayList<>();
    for (Stmt.CaseClause clause : s.clauses()) {
      Type T = caseTypes(sx, clause.list(), seen);
      openScope(clause, "case");
      if (lhs != null) {
        if (clause.list().size() != 1 || T == null) T = x.type;
        Var obj = new Var(lhs.pos(), pkg, lhs.name(), T, Var.Kind.LOCAL);
        env.scope.insert(obj);
        recordImplicit(clause, obj);
        lhsVars.add(obj);
      }
      stmtList(inner, clause.body());
      closeScope();
    }
    if (lhs != null) {
      boolean used = false;
      for (Var v : lhsVars) {
        if (v.used) used = true;
        v.used = true;
      }
      if (!used) error(lhs.pos(), lhs.name() + " declared but not used");
    }
  }

  private boolean isNilExpr(Expr e) {
    return unparen(e) instanceof Expr.Ident id && env.scope.lookupParent(id.name()) instanceof Nil;
  }

  private Type caseTypes(Operand x, List<Expr> types, List<Object[]> seen) {
    Type T = null;
    outer:
    for (Expr e : types) {
      if (isNilExpr(e)) {
        T = null;
        expr(new Operand(), e);
      } else {
        T = varType(e);
        if (T == Typ.INVALID) continue;
      }
      for (Object[] o : seen) {
        Type t = (Type) o[0];
        if ((T == null && t == null) || (T != null && t != null && identical(T, t))) {
          String ts = T == null ? "nil" : TypeString.of(T, pkg);
          errorf(e, "duplicate case %s in type switch\n\t%s: previous case", ts, startPos((Expr) o[1]));
          continue outer;
        }
      }
      seen.add(new Object[] {T, e});
      if (x != null && T != null) typeAssertion(e, x, (Interface) x.type.underlying(), T, true);
    }
    return T;
  }

  private void selectStmt(int inner, Stmt.Select s) {
    multipleDefaults(s.clauses());
    for (Stmt.CommClause clause : s.clauses()) {
      boolean valid = false;
      Expr rhs = null;
      switch (clause.comm()) {
        case null -> valid = true;
        case Stmt.Send send -> valid = true;
        case Stmt.Assign a -> {
          if (a.rhs().size() == 1) rhs = a.rhs().get(0);
        }
        case Stmt.ExprStmt es -> rhs = es.x();
        default -> {}
      }
      if (rhs != null && unparen(rhs) instanceof Expr.Unary u && u.op() == Op.ARROW) valid = true;
      if (!valid) {
        errorf(clause.comm(), "select case must be send or receive (possibly with assignment)");
        continue;
      }
      openScope(clause, "case");
      if (clause.comm() != null) stmt(inner, clause.comm());
      stmtList(inner, clause.body());
      closeScope();
    }
  }

  private static Type[] rangeKeyVal(Type t) {
    if (t instanceof Pointer p && p.elem().underlying() instanceof Array a) t = a;
    return switch (t) {
      case Basic b when isString(b) -> new Type[] {Typ.INT, Typ.RUNE};
      case Array a -> new Type[] {Typ.INT, a.elem()};
      case Slice s -> new Type[] {Typ.INT, s.elem()};
      case MapType m -> new Type[] {m.key(), m.elem()};
      case Chan c -> new Type[] {c.elem(), null};
      default -> null;
    };
  }

  /** spec "For statements with range clause". */
  private void rangeStmt(int inner, Stmt.Range s) {
    Expr sKey = s.key(), sValue = s.value();
    Operand x = new Operand();
    expr(x, s.x());
    Type key = null, val = null;
    if (x.mode != Mode.INVALID) {
      String cause = "";
      Type u = x.type.underlying();
      if (u instanceof Chan c) {
        if (sValue != null) errorf(sValue, "range over %s permits only one iteration variable", x);
        if (c.dir() == Chan.Dir.SEND_ONLY) cause = "receive from send-only channel";
      }
      Type[] kv = rangeKeyVal(u);
      if (kv != null) {
        key = kv[0];
        val = kv[1];
      }
      if (kv == null || !cause.isEmpty()) {
        if (cause.isEmpty()) errorf(x, "cannot range over %s", x);
        else errorf(x, "cannot range over %s (%s)", x, cause);
        key = null;
        val = null;
      } else if (isUntyped(x.type)) {
        convertUntyped(x, Typ.STRING);
      }
    }
    openScope(s, "range");
    try {
      Expr[] lhs = {sKey, sValue};
      Type[] rhs = {key, val};
      if (s.tok() == Op.DEFINE) {
        List<Var> vars = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          if (lhs[i] == null) continue;
          Var obj;
          if (lhs[i] instanceof Expr.Ident ident) {
            obj = new Var(ident.pos(), pkg, ident.name(), null, Var.Kind.LOCAL);
            recordDef(ident, obj);
            if (!ident.name().equals("_")) vars.add(obj);
          } else {
            errorf(lhs[i], "non-name %s on left side of :=", lhs[i]);
            obj = new Var(lhs[i].pos(), pkg, "_", null, Var.Kind.LOCAL);
          }
          if (rhs[i] != null) {
            Operand y = new Operand(Mode.VALUE, lhs[i], rhs[i], null);
            initVar(obj, y, "range clause");
          } else {
            obj.setType(Typ.INVALID);
            obj.used = true;
          }
        }
        if (!vars.isEmpty()) {
          for (Var v : vars) {
            Obj alt = env.scope.insert(v);
            if (alt != null) reportRedeclared(v, alt);
          }
        } else {
          errorf(s, "no new variables on left side of :=");
        }
      } else if (s.tok() == Op.ASSIGN) {
        for (int i = 0; i < 2; i++) {
          if (lhs[i] == null) continue;
          if (rhs[i] != null) {
            Operand y = new Operand(Mode.VALUE, lhs[i], rhs[i], null);
            assignVar(lhs[i], y);
          }
        }
      }
      stmt(inner, s.body());
    } finally {
      closeScope();
    }
  }
}
