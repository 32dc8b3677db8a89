package gopl.types;

import static gopl.types.Predicates.*;

import gopl.frontend.Pos;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Node;
import gopl.frontend.ast.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assignments and initialisations (spec "Assignments", "Variable declarations", "Short variable
 * declarations"; types2 assignments.go). A comma-ok right-hand side ({@code v, ok := m[k]}) gets a
 * {@link Tuple} type (value type, bool) recorded for it.
 */
abstract class Assignments extends Conversions {
  Assignments(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  /** spec "Assignability": assigns x to a variable of type t (null: the blank identifier). */
  @Override
  void assignment(Operand x, Type T, String context) {
    singleValue(x);
    switch (x.mode) {
      case INVALID -> {
        return;
      }
      case CONSTANT, VARIABLE, MAPINDEX, VALUE, COMMAOK -> {}
      default -> {
        errorf(x, "cannot assign %s to %s in %s", x, T, context);
        x.mode = Mode.INVALID;
        return;
      }
    }
    if (isUntyped(x.type)) {
      Type target = T;
      if (x.isNil()) {
        if (T == null) {
          errorf(x, "use of untyped nil in %s", context);
          x.mode = Mode.INVALID;
          return;
        }
      } else if (T == null || isInterface(T)) {
        target = defaultType(x.type);
      }
      Implicit r = implicitTypeAndValue(x, target);
      if (r.type() == null) {
        String msg = sprintf("cannot use %s as %s value in %s", x, target, context);
        if (r.code() == ConstOps.TRUNCATED) msg += " (truncated)";
        else if (r.code() == ConstOps.OVERFLOW) msg += " (overflows)";
        errorf(x, "%s", msg);
        x.mode = Mode.INVALID;
        return;
      }
      if (r.val() != null) {
        x.val = r.val();
        updateExprVal(x.expr, r.val());
      }
      if (r.type() != x.type) {
        x.type = r.type();
        updateExprType(x.expr, r.type(), false);
      }
    }
    if (T == null) return;
    if (!assignableTo(x, T)) {
      if (reason != null && !reason.isEmpty()) errorf(x, "cannot use %s as type %s in %s:\n\t%s", x, T, context, reason);
      else errorf(x, "cannot use %s as type %s in %s", x, T, context);
      x.mode = Mode.INVALID;
    }
  }

  void initConst(Const lhs, Operand x) {
    if (x.mode == Mode.INVALID || x.type == Typ.INVALID || lhs.type() == Typ.INVALID) {
      if (lhs.type() == null) lhs.setType(Typ.INVALID);
      return;
    }
    if (x.mode != Mode.CONSTANT) {
      errorf(x, "%s is not constant", x);
      if (lhs.type() == null) lhs.setType(Typ.INVALID);
      return;
    }
    if (lhs.type() == null) lhs.setType(x.type);
    assignment(x, lhs.type(), "constant declaration");
    if (x.mode == Mode.INVALID) return;
    lhs.setValue(x.val);
  }

  /** Returns the assigned type or null on failure. */
  Type initVar(Var lhs, Operand x, String context) {
    if (x.mode == Mode.INVALID || x.type == Typ.INVALID || lhs.type() == Typ.INVALID) {
      if (lhs.type() == null) lhs.setType(Typ.INVALID);
      lhs.used = true;
      return null;
    }
    if (lhs.type() == null) {
      Type t = x.type;
      if (isUntyped(t)) {
        if (t == Typ.UNTYPED_NIL) {
          errorf(x, "use of untyped nil in %s", context);
          lhs.setType(Typ.INVALID);
          return null;
        }
        t = defaultType(t);
      }
      lhs.setType(t);
    }
    assignment(x, lhs.type(), context);
    if (x.mode == Mode.INVALID) {
      lhs.used = true;
      return null;
    }
    return x.type;
  }

  /** Assigns x to the lhs expression; returns the type or null on failure. */
  Type assignVar(Expr lhs, Operand x) {
    if (x.mode == Mode.INVALID || x.type == Typ.INVALID) {
      use(List.of(lhs));
      return null;
    }
    Expr.Ident ident = unparen(lhs) instanceof Expr.Ident id ? id : null;
    if (ident != null && ident.name().equals("_")) {
      info.defs.put(ident, null);
      assignment(x, null, "assignment to _ identifier");
      return x.mode == Mode.INVALID ? null : x.type;
    }
    Var v = null;
    boolean vUsed = false;
    if (ident != null && env.scope.lookupParent(ident.name()) instanceof Var w && w.pkg() == pkg) {
      v = w;
      vUsed = w.used;
    }
    Operand z = new Operand();
    expr(z, lhs);
    if (v != null) v.used = vUsed;
    if (z.mode == Mode.INVALID || z.type == Typ.INVALID) return null;
    switch (z.mode) {
      case VARIABLE, MAPINDEX -> {}
      default -> {
        if (z.expr instanceof Expr.Selector sel) {
          Operand op = new Operand();
          expr(op, sel.x());
          if (op.mode == Mode.MAPINDEX) {
            errorf(z, "cannot assign to struct field %s in map", z.expr);
            return null;
          }
        }
        errorf(z, "cannot assign to %s", z);
        return null;
      }
    }
    assignment(x, z.type, "assignment");
    return x.mode == Mode.INVALID ? null : x.type;
  }

  /** exprList with comma-ok: returns the operands and whether the second one is a synthesized ok. */
  record ExprListResult(List<Operand> list, boolean commaOk) {}

  ExprListResult exprListCommaOk(List<Expr> elist, boolean allowCommaOk) {
    if (elist.size() == 1 && allowCommaOk) {
      Expr e = elist.get(0);
      Operand x = new Operand();
      multiExpr(x, e);
      if (x.type instanceof Tuple t && x.mode != Mode.INVALID) {
        List<Operand> out = new ArrayList<>();
        for (Var v : t.vars()) out.add(new Operand(Mode.VALUE, e, v.type(), null));
        return new ExprListResult(out, false);
      }
      if (x.mode == Mode.MAPINDEX || x.mode == Mode.COMMAOK) {
        x.mode = Mode.VALUE;
        List<Operand> out = new ArrayList<>();
        out.add(x);
        out.add(new Operand(Mode.VALUE, e, Typ.UNTYPED_BOOL, null));
        return new ExprListResult(out, true);
      }
      return new ExprListResult(new ArrayList<>(List.of(x)), false);
    }
    return new ExprListResult(exprList(elist), false);
  }

  void recordCommaOkTypes(Expr x, Type a0, Type a1) {
    if (a0 == null || a1 == null) return;
    while (true) {
      TypeAndValue tv = info.types.get(x);
      Mode m = tv != null ? tv.mode() : Mode.COMMAOK;
      Tuple t = new Tuple(List.of(new Var(x.pos(), null, "", a0, Var.Kind.LOCAL), new Var(x.pos(), null, "", a1, Var.Kind.LOCAL)));
      info.types.put(x, new TypeAndValue(m, t, null));
      if (x instanceof Expr.Paren p) x = p.x();
      else break;
    }
  }

  static String measure(int n, String unit) {
    return n + " " + unit + (n != 1 ? "s" : "");
  }

  void assignError(List<Expr> rhs, int nvars, int nvals) {
    String vars = measure(nvars, "variable"), vals = measure(nvals, "value");
    Expr rhs0 = rhs.get(0);
    if (rhs.size() == 1 && unparen(rhs0) instanceof Expr.Call call) {
      errorf(rhs0, "assignment mismatch: %s but %s returns %s", vars, call.fun(), vals);
      return;
    }
    errorf(rhs0, "assignment mismatch: %s but %s", vars, vals);
  }

  /** Initialises lhs from rhs (var declarations, :=, return statements when returnStmt != null). */
  void initVars(List<Var> lhs, List<Expr> origRhs, Node returnStmt) {
    ExprListResult r = exprListCommaOk(origRhs, lhs.size() == 2 && returnStmt == null);
    List<Operand> rhs = r.list();
    if (lhs.size() != rhs.size()) {
      for (Var v : lhs) {
        v.used = true;
        if (v.type() == null) v.setType(Typ.INVALID);
      }
      for (Operand x : rhs) if (x.mode == Mode.INVALID) return;
      if (returnStmt != null) {
        Pos at = returnStmt.pos();
        String q = "not enough";
        if (rhs.size() > lhs.size()) {
          at = startPos(rhs.get(lhs.size()).expr);
          q = "too many";
        } else if (!rhs.isEmpty()) {
          at = startPos(rhs.get(rhs.size() - 1).expr);
        }
        List<Type> have = new ArrayList<>();
        for (Operand x : rhs) have.add(x.type);
        List<Type> want = new ArrayList<>();
        for (Var v : lhs) want.add(v.type());
        errorAt(at, "%s return values\n\thave %s\n\twant %s", q, typesSummary(have, false), typesSummary(want, false));
        return;
      }
      assignError(origRhs, lhs.size(), rhs.size());
      return;
    }
    String context = returnStmt != null ? "return statement" : "assignment";
    if (r.commaOk()) {
      Type a0 = initVar(lhs.get(0), rhs.get(0), context);
      Type a1 = initVar(lhs.get(1), rhs.get(1), context);
      recordCommaOkTypes(origRhs.get(0), a0, a1);
      return;
    }
    boolean ok = true;
    for (int i = 0; i < lhs.size(); i++) if (initVar(lhs.get(i), rhs.get(i), context) == null) ok = false;
    if (!ok) for (Var v : lhs) v.used = true;
  }

  void assignVars(List<Expr> lhs, List<Expr> origRhs) {
    ExprListResult r = exprListCommaOk(origRhs, lhs.size() == 2);
    List<Operand> rhs = r.list();
    if (lhs.size() != rhs.size()) {
      use(lhs);
      for (Operand x : rhs) if (x.mode == Mode.INVALID) return;
      assignError(origRhs, lhs.size(), rhs.size());
      return;
    }
    if (r.commaOk()) {
      Type a0 = assignVar(lhs.get(0), rhs.get(0));
      Type a1 = assignVar(lhs.get(1), rhs.get(1));
      recordCommaOkTypes(origRhs.get(0), a0, a1);
      return;
    }
    boolean ok = true;
    for (int i = 0; i < lhs.size(); i++) if (assignVar(lhs.get(i), rhs.get(i)) == null) ok = false;
    if (!ok) {
      for (Expr l : lhs) {
        if (unparen(l) instanceof Expr.Ident name && env.scope.lookupParent(name.name()) instanceof Var v && v.pkg() == pkg) v.used = true;
      }
    }
  }

  /** spec "Short variable declarations". */
  void shortVarDecl(Pos pos, List<Expr> lhs, List<Expr> rhs) {
    Scope scope = env.scope;
    Set<String> seen = new HashSet<>();
    List<Var> lhsVars = new ArrayList<>();
    List<Var> newVars = new ArrayList<>();
    List<Expr.Ident> newIdents = new ArrayList<>();
    boolean hasErr = false;
    for (Expr l : lhs) {
      if (!(l instanceof Expr.Ident ident)) {
        use(List.of(l));
        errorf(l, "non-name %s on left side of :=", l);
        hasErr = true;
        lhsVars.add(null);
        continue;
      }
      String name = ident.name();
      if (!name.equals("_")) {
        if (!seen.add(name)) {
          errorf(l, "%s repeated on left side of :=", l);
          hasErr = true;
          lhsVars.add(null);
          continue;
        }
      }
      Obj alt = scope.lookup(name);
      if (alt != null) {
        recordUse(ident, alt);
        if (alt instanceof Var v) {
          lhsVars.add(v);
        } else {
          errorf(l, "cannot assign to %s", l);
          hasErr = true;
          lhsVars.add(null);
        }
        continue;
      }
      Var obj = new Var(ident.pos(), pkg, name, null, Var.Kind.LOCAL);
      lhsVars.add(obj);
      if (!name.equals("_")) {
        newVars.add(obj);
        newIdents.add(ident);
      }
      recordDef(ident, obj);
    }
    for (int i = 0; i < lhsVars.size(); i++) {
      if (lhsVars.get(i) == null) lhsVars.set(i, new Var(lhs.get(i).pos(), pkg, "_", null, Var.Kind.LOCAL));
    }
    initVars(lhsVars, rhs, null);
    if (newVars.isEmpty() && !hasErr) {
      error(pos, "no new variables on left side of :=");
      return;
    }
    for (Var v : newVars) scope.insert(v);
  }
}
