package gopl.codegen;

import gopl.frontend.ast.Expr;
import gopl.types.Info;
import gopl.types.Mode;
import gopl.types.Type;
import gopl.types.TypeAndValue;
import gopl.types.Var;
import java.util.List;
import java.util.Set;

/**
 * The first phase of a tuple assignment {@code a, b = x, y} (spec "Assignment statements"): "First,
 * the operands of index expressions and pointer indirections (including implicit pointer
 * indirections in selectors) on the left and the expressions on the right are all evaluated in the
 * usual order. Second, the assignments are carried out in left-to-right order." So in {@code i,
 * arr[i] = 1, 99} the index is the old i. {@link #freeze} evaluates such operands into fresh
 * locals now and returns the left-hand side rewritten to read them (synthetic identifiers recorded
 * in the package's Info); operands that no assignment of the statement can change (constants,
 * locals that are not assigned by it and that no pointer or closure reaches) are left in place.
 */
final class TupleAssign {
  private final FuncGen f;
  private final Info info;
  private final Set<Var> assigned;

  private TupleAssign(FuncGen f, Set<Var> assigned) {
    this.f = f;
    this.info = f.info;
    this.assigned = assigned;
  }

  /** Freezes the operands of every left-hand side of lhs; returns the rewritten list. */
  static List<Expr> freeze(FuncGen f, List<Expr> lhs) {
    Set<Var> assigned = new java.util.HashSet<>();
    for (Expr e : lhs) {
      if (ExprGen.unparen(e) instanceof Expr.Ident id && f.info.uses.get(id) instanceof Var v) assigned.add(v);
    }
    TupleAssign t = new TupleAssign(f, assigned);
    return lhs.stream().map(t::location).toList();
  }

  /** e as a location whose operands are frozen. */
  private Expr location(Expr e) {
    Expr u = ExprGen.unparen(e);
    Expr r = switch (u) {
      case Expr.Index ix -> new Expr.Index(ix.pos(), base(ix.x()), operand(ix.index()), ix.lbrack());
      case Expr.Star st -> new Expr.Star(st.pos(), operand(st.x()));
      case Expr.Selector s when info.selections.get(s) != null -> {
        Expr.Selector n = new Expr.Selector(s.pos(), base(s.x()), s.sel());
        info.selections.put(n, info.selections.get(s));
        yield n;
      }
      default -> u;
    };
    if (r != u) info.types.put(r, info.types.get(u));
    return r;
  }

  /** The operand left of [ or . : pointers and slices are values to freeze; arrays and structs are locations. */
  private Expr base(Expr e) {
    Type t = f.expr.typeOf(e);
    if (TypeLayout.isValueObject(t)) return location(e);
    return operand(e);
  }

  /** Evaluates e into a fresh local unless no assignment of the statement can change it. */
  private Expr operand(Expr e) {
    TypeAndValue tv = info.types.get(e);
    if (tv == null || tv.value() != null) return e;
    Expr u = ExprGen.unparen(e);
    if (u instanceof Expr.Ident id && info.uses.get(id) instanceof Var v
        && !v.isPackageLevel() && !v.captured() && !v.addressTaken() && !assigned.contains(v)) {
      return e;
    }
    Type t = tv.type();
    Var tmp = new Var(e.pos(), null, "tmp$", t, Var.Kind.LOCAL);
    f.expr.gen(e);
    f.declareAndStore(tmp);
    Expr.Ident id = new Expr.Ident(e.pos(), "tmp$");
    info.uses.put(id, tmp);
    info.types.put(id, new TypeAndValue(Mode.VARIABLE, t, null));
    return id;
  }
}
