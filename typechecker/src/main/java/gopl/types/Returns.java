package gopl.types;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.Stmt;
import java.util.List;
import java.util.Set;

/** Terminating statements (spec "Terminating statements"; types2 return.go), for "missing return". */
final class Returns {
  private final Set<Expr.Call> isPanic;

  Returns(Set<Expr.Call> isPanic) {
    this.isPanic = isPanic;
  }

  boolean isTerminating(Stmt s, String label) {
    switch (s) {
      case Stmt.Labeled l -> {
        return isTerminating(l.stmt(), l.label().name());
      }
      case Stmt.ExprStmt e -> {
        return Exprs.unparen(e.x()) instanceof Expr.Call c && isPanic.contains(c);
      }
      case Stmt.Return r -> {
        return true;
      }
      case Stmt.Branch b -> {
        return b.tok() == Op.GOTO || b.tok() == Op.FALLTHROUGH;
      }
      case Stmt.Block b -> {
        return isTerminatingList(b.stmts(), "");
      }
      case Stmt.If i -> {
        return i.els() != null && isTerminating(i.then(), "") && isTerminating(i.els(), "");
      }
      case Stmt.Switch sw -> {
        return isTerminatingSwitch(sw.clauses(), label);
      }
      case Stmt.TypeSwitch sw -> {
        return isTerminatingSwitch(sw.clauses(), label);
      }
      case Stmt.Select sel -> {
        for (Stmt.CommClause cc : sel.clauses()) {
          if (!isTerminatingList(cc.body(), "") || hasBreakList(cc.body(), label, true)) return false;
        }
        return true;
      }
      case Stmt.For f -> {
        return f.cond() == null && !hasBreak(f.body(), label, true);
      }
      case Stmt.Txn t -> {
        return isTerminating(t.body(), "");
      }
      default -> {
        return false;
      }
    }
  }

  boolean isTerminatingList(List<Stmt> list, String label) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (!(list.get(i) instanceof Stmt.Empty)) return isTerminating(list.get(i), label);
    }
    return false;
  }

  private boolean isTerminatingSwitch(List<Stmt.CaseClause> body, String label) {
    boolean hasDefault = false;
    for (Stmt.CaseClause cc : body) {
      if (cc.isDefault()) hasDefault = true;
      if (!isTerminatingList(cc.body(), "") || hasBreakList(cc.body(), label, true)) return false;
    }
    return hasDefault;
  }

  static boolean hasBreak(Stmt s, String label, boolean implicit) {
    switch (s) {
      case Stmt.Labeled l -> {
        return hasBreak(l.stmt(), label, implicit);
      }
      case Stmt.Branch b -> {
        if (b.tok() == Op.BREAK) {
          if (b.label() == null) return implicit;
          return b.label().name().equals(label);
        }
        return false;
      }
      case Stmt.Block b -> {
        return hasBreakList(b.stmts(), label, implicit);
      }
      case Stmt.Txn t -> {
        return hasBreak(t.body(), label, implicit);
      }
      case Stmt.If i -> {
        return hasBreak(i.then(), label, implicit) || (i.els() != null && hasBreak(i.els(), label, implicit));
      }
      case Stmt.Switch sw -> {
        return !label.isEmpty() && sw.clauses().stream().anyMatch(c -> hasBreakList(c.body(), label, false));
      }
      case Stmt.TypeSwitch sw -> {
        return !label.isEmpty() && sw.clauses().stream().anyMatch(c -> hasBreakList(c.body(), label, false));
      }
      case Stmt.Select sel -> {
        return !label.isEmpty() && sel.clauses().stream().anyMatch(c -> hasBreakList(c.body(), label, false));
      }
      case Stmt.For f -> {
        return !label.isEmpty() && hasBreak(f.body(), label, false);
      }
      case Stmt.Range r -> {
        return !label.isEmpty() && hasBreak(r.body(), label, false);
      }
      default -> {
        return false;
      }
    }
  }

  static boolean hasBreakList(List<Stmt> list, String label, boolean implicit) {
    for (Stmt s : list) if (hasBreak(s, label, implicit)) return true;
    return false;
  }
}
