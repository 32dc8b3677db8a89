package gopl.types;

import static gopl.types.Predicates.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls, conversions-by-call syntax, argument passing and selectors (types2 call.go). */
abstract class Calls extends Exprs {
  Calls(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  @Override
  void callExpr(Operand x, Expr.Call call) {
    exprOrType(x, call.fun());
    switch (x.mode) {
      case INVALID -> {
        use(call.args());
        x.expr = call;
        return;
      }
      case TYPEXPR -> {
        Type T = x.type;
        x.mode = Mode.INVALID;
        int n = call.args().size();
        if (n == 0) {
          errorAt(call.rparen(), "missing argument in conversion to %s", T);
        } else if (n == 1) {
          expr(x, call.args().get(0));
          if (x.mode != Mode.INVALID) {
            if (call.hasEllipsis()) {
              errorf(call.args().get(0), "invalid use of ... in type conversion to %s", T);
              x.mode = Mode.INVALID;
            } else {
              conversion(x, T);
            }
          }
        } else {
          use(call.args());
          errorf(call.args().get(n - 1), "too many arguments in conversion to %s", T);
        }
        x.expr = call;
        return;
      }
      case BUILTIN -> {
        Builtin.Id id = x.id;
        if (!builtin(x, call, id)) x.mode = Mode.INVALID;
        x.expr = call;
        if (x.mode != Mode.INVALID && x.mode != Mode.CONSTANT) env.hasCallOrRecv = true;
        return;
      }
      default -> {}
    }
    if (!(x.type.underlying() instanceof Signature sig)) {
      errorf(x, INVALID_OP + "cannot call non-function %s", x);
      x.mode = Mode.INVALID;
      x.expr = call;
      use(call.args());
      return;
    }
    List<Operand> args = exprList(call.args());
    arguments(call, sig, args);
    switch (sig.results().size()) {
      case 0 -> x.mode = Mode.NOVALUE;
      case 1 -> {
        x.mode = Mode.VALUE;
        x.type = sig.results().at(0).type();
      }
      default -> {
        x.mode = Mode.VALUE;
        x.type = sig.results();
      }
    }
    x.expr = call;
    env.hasCallOrRecv = true;
  }

  abstract boolean builtin(Operand x, Expr.Call call, Builtin.Id id);

  /** Evaluates expressions for use as call arguments; a single multi-valued call is spread. */
  List<Operand> exprList(List<Expr> elist) {
    List<Operand> out = new ArrayList<>();
    if (elist.size() == 1) {
      Expr e = elist.get(0);
      Operand x = new Operand();
      multiExpr(x, e);
      if (x.type instanceof Tuple t && x.mode != Mode.INVALID) {
        for (Var v : t.vars()) out.add(new Operand(Mode.VALUE, e, v.type(), null));
        return out;
      }
      out.add(x);
      return out;
    }
    for (Expr e : elist) {
      Operand x = new Operand();
      expr(x, e);
      out.add(x);
    }
    return out;
  }

  void use(List<Expr> es) {
    for (Expr e : es) {
      if (e == null || (e instanceof Expr.Ident id && id.name().equals("_"))) continue;
      rawExpr(new Operand(), e, null);
    }
  }

  /** spec "Calls": argument count and assignability, variadic parameters, f(g()) spreading. */
  void arguments(Expr.Call call, Signature sig, List<Operand> args) {
    for (Operand a : args) {
      if (a.mode == Mode.TYPEXPR) {
        errorf(a, "%s used as value", a);
        return;
      }
      if (a.mode == Mode.INVALID) return;
    }
    int nargs = args.size();
    int npars = sig.params().size();
    boolean ddd = call.hasEllipsis();
    List<Type> params = new ArrayList<>();
    for (Var v : sig.params().vars()) params.add(v.type());
    if (sig.variadic()) {
      if (ddd) {
        if (call.args().size() == 1 && nargs > 1) {
          errorf(call, "cannot use ... with %d-valued %s", nargs, call.args().get(0));
          return;
        }
      } else {
        if (nargs >= npars - 1) {
          Type last = ((Slice) params.get(npars - 1)).elem();
          params.remove(npars - 1);
          while (params.size() < nargs) params.add(last);
          npars = nargs;
        } else {
          npars--;
        }
      }
    } else if (ddd) {
      errorf(call, "cannot use ... in call to non-variadic %s", call.fun());
      return;
    }
    if (nargs != npars) {
      gopl.frontend.Pos at = call.rparen();
      String q = "not enough";
      if (nargs > npars) {
        at = startPos(args.get(npars).expr);
        q = "too many";
      } else if (nargs > 0) {
        at = startPos(args.get(nargs - 1).expr);
      }
      List<Type> have = new ArrayList<>();
      for (Operand a : args) have.add(a.type);
      List<Type> want = new ArrayList<>();
      for (Var v : sig.params().vars()) want.add(v.type());
      errorAt(at, "%s arguments in call to %s\n\thave %s\n\twant %s", q, call.fun(), typesSummary(have, false), typesSummary(want, sig.variadic()));
      return;
    }
    String context = sprintf("argument to %s", call.fun());
    for (int i = 0; i < nargs; i++) assignment(args.get(i), params.get(i), context);
  }

  String typesSummary(List<Type> list, boolean variadic) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) sb.append(", ");
      Type t = list.get(i);
      String s;
      if (t == null || t == Typ.INVALID) s = "<T>";
      else if (isUntyped(t)) s = isNumeric(t) ? "number" : ((Basic) t).name().replace("untyped ", "");
      else if (variadic && i == list.size() - 1 && t instanceof Slice sl) s = "..." + sprintf("%s", sl.elem());
      else s = sprintf("%s", t);
      sb.append(s);
    }
    return sb.append(')').toString();
  }

  /** spec "Selectors", "Qualified identifiers", "Method expressions". */
  @Override
  void selector(Operand x, Expr.Selector e, boolean wantType) {
    String sel = e.sel().name();
    if (e.x() instanceof Expr.Ident ident) {
      Obj obj = env.scope.lookupParent(ident.name());
      if (obj instanceof PkgName pname) {
        recordUse(ident, pname);
        pname.used = true;
        Package p = pname.imported();
        Obj exp = p.scope().lookup(sel);
        // gc imports export data, which has no unexported objects: they are simply undefined
        if (exp != null && !exp.exported() && p != Universe.unsafe()) exp = null;
        if (exp == null) {
          errorf(e.sel(), "undefined: %s.%s", p.name(), sel);
          x.mode = Mode.INVALID;
          x.expr = e;
          return;
        }
        recordUse(e.sel(), exp);
        x.val = null;
        switch (exp) {
          case Const c -> {
            x.mode = Mode.CONSTANT;
            x.type = c.type();
            x.val = c.value();
          }
          case TypeName tn -> {
            x.mode = Mode.TYPEXPR;
            x.type = tn.type();
          }
          case Var v -> {
            x.mode = Mode.VARIABLE;
            x.type = v.type();
          }
          case Func f -> {
            x.mode = Mode.VALUE;
            x.type = f.type();
          }
          case Builtin b -> {
            x.mode = Mode.BUILTIN;
            x.type = Typ.INVALID;
            x.id = b.id();
          }
          default -> x.mode = Mode.INVALID;
        }
        if (x.type == null) x.type = Typ.INVALID;
        x.expr = e;
        return;
      }
    }
    exprOrType(x, e.x());
    switch (x.mode) {
      case BUILTIN -> {
        errorf(e, "cannot select on %s", x);
        x.mode = Mode.INVALID;
        x.expr = e;
        return;
      }
      case INVALID -> {
        x.expr = e;
        return;
      }
      default -> {}
    }
    Lookup.Result r = Lookup.lookupFieldOrMethod(x.type, x.mode == Mode.VARIABLE, pkg, sel);
    if (r.obj() == null) {
      x.expr = e.x();
      if (x.type.underlying() == Typ.INVALID) {
        x.mode = Mode.INVALID;
        x.expr = e;
        return;
      }
      if (r.needPtr()) {
        errorf(e.sel(), "cannot call pointer method %s on %s", sel, x.type);
      } else if (r.index() != null) {
        errorf(e.sel(), "ambiguous selector %s.%s", e.x(), sel);
      } else {
        String why;
        if (Lookup.isInterfacePtr(x.type)) {
          why = sprintf("type %s is pointer to interface, not interface", x.type);
        } else {
          why = sprintf("type %s has no field or method %s", x.type, sel);
          if (!sel.isEmpty()) {
            String cc = Character.isUpperCase(sel.charAt(0))
                ? Character.toLowerCase(sel.charAt(0)) + sel.substring(1)
                : Character.toUpperCase(sel.charAt(0)) + sel.substring(1);
            if (Lookup.lookupFieldOrMethod(x.type, x.mode == Mode.VARIABLE, pkg, cc).obj() != null) why += ", but does have " + cc;
          }
        }
        errorf(e.sel(), "%s.%s undefined (%s)", e.x(), sel, why);
      }
      x.mode = Mode.INVALID;
      x.expr = e;
      return;
    }
    Obj obj = r.obj();
    if (x.mode == Mode.TYPEXPR) {
      if (!(obj instanceof Func m)) {
        errorf(e.sel(), "%s.%s undefined (type %s has no method %s)", e.x(), sel, x.type, sel);
        x.mode = Mode.INVALID;
        x.expr = e;
        return;
      }
      recordSelection(e, Selection.Kind.METHOD_EXPR, x.type, m, r.index(), r.indirect());
      Signature sig = m.signature();
      List<Var> params = new ArrayList<>();
      params.add(new Var(m.pos(), pkg, "", x.type, Var.Kind.PARAM));
      params.addAll(sig.params().vars());
      x.mode = Mode.VALUE;
      x.type = new Signature(null, new Tuple(params), sig.results(), sig.variadic());
      addDeclDep(m);
    } else if (obj instanceof Var f) {
      recordSelection(e, Selection.Kind.FIELD_VAL, x.type, f, r.index(), r.indirect());
      x.mode = x.mode == Mode.VARIABLE || r.indirect() ? Mode.VARIABLE : Mode.VALUE;
      x.type = f.type();
    } else if (obj instanceof Func m) {
      recordSelection(e, Selection.Kind.METHOD_VAL, x.type, m, r.index(), r.indirect());
      if (Lookup.ptrRecv(m) && !r.indirect()) markAddressTaken(e.x());
      Signature sig = m.signature();
      x.mode = Mode.VALUE;
      x.type = new Signature(null, sig.params(), sig.results(), sig.variadic());
      addDeclDep(m);
    }
    x.expr = e;
  }
}
