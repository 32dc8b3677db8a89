package gopl.types;

import gopl.frontend.Pos;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Branch statements and labels of one function body (spec "Label scopes", "Break statements",
 * "Continue statements", "Goto statements", "Fallthrough statements"), with gc's wording
 * (cmd/compile/internal/syntax/branches.go, which gc runs instead of types2's label check).
 */
final class Labels {
  private final BiConsumer<Pos, String> err;
  private final Map<String, Label> labels = new HashMap<>();

  private static final class Label {
    final Block parent;
    final Stmt.Labeled lstmt;
    boolean used;

    Label(Block parent, Stmt.Labeled lstmt) {
      this.parent = parent;
      this.lstmt = lstmt;
    }
  }

  private record Block(Block parent, Pos start, Stmt.Labeled lstmt) {}

  /** Enclosing break/continue targets; caseIndex for fallthrough (-1 outside a switch case). */
  private record Targets(Stmt breaks, Stmt continues, int caseIndex) {}

  private static final Stmt.Labeled INVALID = new Stmt.Labeled(Pos.NONE, null, null);

  Labels(BiConsumer<Pos, String> err) {
    this.err = err;
  }

  /** Checks the body; reports through err. */
  void check(Stmt.Block body) {
    List<Stmt.Branch> fwd = blockBranches(null, new Targets(null, null, -1), null, body.pos(), body.stmts());
    for (Stmt.Branch f : fwd) {
      String name = f.label().name();
      Label l = labels.get(name);
      if (l != null) {
        l.used = true;
        err.accept(f.label().pos(), "goto " + name + " jumps into block starting at " + l.parent.start);
      } else {
        err.accept(f.label().pos(), "label " + name + " not defined");
      }
    }
    List<Label> unused = new ArrayList<>();
    for (Label l : labels.values()) if (!l.used) unused.add(l);
    unused.sort((a, b) -> a.lstmt.label().pos().compareTo(b.lstmt.label().pos()));
    for (Label l : unused) err.accept(l.lstmt.label().pos(), "label " + l.lstmt.label().name() + " defined and not used");
  }

  private Label declare(Block b, Stmt.Labeled s) {
    String name = s.label().name();
    Label alt = labels.get(name);
    if (alt != null) {
      err.accept(s.label().pos(), "label " + name + " already defined at " + alt.lstmt.label().pos());
      return alt;
    }
    Label l = new Label(b, s);
    labels.put(name, l);
    return l;
  }

  private Stmt.Labeled gotoTarget(Block b, String name) {
    Label l = labels.get(name);
    if (l != null) {
      l.used = true;
      for (; b != null; b = b.parent) if (l.parent == b) return l.lstmt;
    }
    return null;
  }

  private Stmt.Labeled enclosingTarget(Block b, String name) {
    Label l = labels.get(name);
    if (l != null) {
      l.used = true;
      for (; b != null; b = b.parent) if (l.lstmt == b.lstmt) return l.lstmt;
      return INVALID;
    }
    return null;
  }

  private List<Stmt.Branch> blockBranches(Block parent, Targets ctxt, Stmt.Labeled lstmt, Pos start, List<Stmt> body) {
    Block b = new Block(parent, start, lstmt);
    Pos[] varPos = {null};
    String[] varName = {null};
    List<Stmt.Branch> fwdGotos = new ArrayList<>();
    List<Stmt.Branch> badGotos = new ArrayList<>();
    List<Stmt> list = new ArrayList<>(body);
    while (!list.isEmpty() && list.get(list.size() - 1) instanceof Stmt.Empty) list.remove(list.size() - 1);
    for (int idx = 0; idx < list.size(); idx++) {
      Stmt stmt = list.get(idx);
      Stmt.Labeled cur = null;
      while (stmt instanceof Stmt.Labeled s) {
        String name = s.label().name();
        if (!name.equals("_")) {
          Label l = declare(b, s);
          List<Stmt.Branch> keep = new ArrayList<>();
          for (Stmt.Branch f : fwdGotos) {
            if (f.label().name().equals(name)) {
              l.used = true;
              if (varPos[0] != null && badGotos.contains(f)) {
                err.accept(f.label().pos(), "goto " + name + " jumps over declaration of " + varName[0] + " at " + varPos[0]);
              }
            } else {
              keep.add(f);
            }
          }
          fwdGotos = keep;
          cur = s;
        }
        stmt = s.stmt();
      }
      final Stmt.Labeled ls = cur;
      switch (stmt) {
        case Stmt.DeclStmt d when d.decl().kind() == gopl.frontend.ast.Decl.Kind.VAR -> {
          if (!d.decl().specs().isEmpty() && d.decl().specs().get(0) instanceof gopl.frontend.ast.Spec.Value v) {
            varPos[0] = v.pos();
            varName[0] = v.names().get(0).name();
            badGotos = new ArrayList<>(fwdGotos);
          }
        }
        case Stmt.Assign a when a.op() == Op.DEFINE -> {
          varPos[0] = a.opPos();
          varName[0] = lhsString(a.lhs());
          badGotos = new ArrayList<>(fwdGotos);
        }
        case Stmt.Branch s -> {
          if (s.label() == null) {
            switch (s.tok()) {
              case BREAK -> {
                if (ctxt.breaks == null) err.accept(s.pos(), "break is not in a loop, switch, or select");
              }
              case CONTINUE -> {
                if (ctxt.continues == null) err.accept(s.pos(), "continue is not in a loop");
              }
              case FALLTHROUGH -> {
                String msg = "fallthrough statement out of place";
                boolean ok = false;
                if (ctxt.breaks instanceof Stmt.TypeSwitch) {
                  msg = "cannot fallthrough in type switch";
                } else if (ctxt.breaks instanceof Stmt.Switch sw) {
                  if (ctxt.caseIndex < 0 || idx + 1 < list.size()) {
                    // out of place
                  } else if (ctxt.caseIndex + 1 == sw.clauses().size()) {
                    msg = "cannot fallthrough final case in switch";
                  } else {
                    ok = true;
                  }
                }
                if (!ok) err.accept(s.pos(), msg);
              }
              default -> {}
            }
            break;
          }
          String name = s.label().name();
          switch (s.tok()) {
            case BREAK -> {
              Stmt.Labeled t = enclosingTarget(b, name);
              if (t != null) {
                Stmt ts = t == INVALID ? null : t.stmt();
                if (!(ts instanceof Stmt.Switch || ts instanceof Stmt.TypeSwitch || ts instanceof Stmt.Select
                    || ts instanceof Stmt.For || ts instanceof Stmt.Range)) {
                  err.accept(s.label().pos(), "invalid break label " + name);
                }
              } else {
                err.accept(s.label().pos(), "break label not defined: " + name);
              }
            }
            case CONTINUE -> {
              Stmt.Labeled t = enclosingTarget(b, name);
              if (t != null) {
                Stmt ts = t == INVALID ? null : t.stmt();
                if (!(ts instanceof Stmt.For || ts instanceof Stmt.Range)) err.accept(s.label().pos(), "invalid continue label " + name);
              } else {
                err.accept(s.label().pos(), "continue label not defined: " + name);
              }
            }
            case GOTO -> {
              if (gotoTarget(b, name) == null) fwdGotos.add(s);
            }
            default -> {}
          }
        }
        case Stmt.Block s -> fwdGotos.addAll(blockBranches(b, new Targets(ctxt.breaks, ctxt.continues, -1), ls, s.pos(), s.stmts()));
        case Stmt.Txn s -> fwdGotos.addAll(blockBranches(b, new Targets(ctxt.breaks, ctxt.continues, -1), ls, s.body().pos(), s.body().stmts()));
        case Stmt.If s -> {
          Targets inner = new Targets(ctxt.breaks, ctxt.continues, -1);
          fwdGotos.addAll(blockBranches(b, inner, ls, s.then().pos(), s.then().stmts()));
          if (s.els() != null) fwdGotos.addAll(blockBranches(b, inner, ls, s.els().pos(), List.of(s.els())));
        }
        case Stmt.For s -> fwdGotos.addAll(blockBranches(b, new Targets(s, s, -1), ls, s.body().pos(), s.body().stmts()));
        case Stmt.Range s -> fwdGotos.addAll(blockBranches(b, new Targets(s, s, -1), ls, s.body().pos(), s.body().stmts()));
        case Stmt.Switch s -> {
          for (int i = 0; i < s.clauses().size(); i++) {
            Stmt.CaseClause cc = s.clauses().get(i);
            fwdGotos.addAll(blockBranches(b, new Targets(s, ctxt.continues, i), ls, cc.pos(), cc.body()));
          }
        }
        case Stmt.TypeSwitch s -> {
          for (int i = 0; i < s.clauses().size(); i++) {
            Stmt.CaseClause cc = s.clauses().get(i);
            fwdGotos.addAll(blockBranches(b, new Targets(s, ctxt.continues, i), ls, cc.pos(), cc.body()));
          }
        }
        case Stmt.Select s -> {
          for (Stmt.CommClause cc : s.clauses()) {
            fwdGotos.addAll(blockBranches(b, new Targets(s, ctxt.continues, -1), ls, cc.pos(), cc.body()));
          }
        }
        default -> {}
      }
    }
    return fwdGotos;
  }

  private static String lhsString(List<Expr> lhs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lhs.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(ExprString.of(lhs.get(i)));
    }
    return sb.toString();
  }
}
