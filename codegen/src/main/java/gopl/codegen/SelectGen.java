package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.Stmt;
import gopl.types.Chan;
import gopl.types.Type;
import gopl.types.Var;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * {@code select} (spec "Select statements"): all channel operands and send values are evaluated
 * once in source order, then gopl.runtime.conc.Select picks a ready case (uniformly at random
 * among ready ones) or the default, blocking otherwise; the chosen clause's receive assignment
 * and body run.
 */
final class SelectGen {
  private final FuncGen f;
  private final StmtGen stmts;
  private final MethodVisitor mv;
  private final ExprGen x;

  SelectGen(FuncGen f, StmtGen stmts) {
    this.f = f;
    this.stmts = stmts;
    this.mv = f.mv;
    this.x = f.expr;
  }

  /** The receive expression of a comm clause, or null for a send/default. */
  private static Expr.Unary recvOf(Stmt comm) {
    Expr e = null;
    if (comm instanceof Stmt.ExprStmt es) e = es.x();
    else if (comm instanceof Stmt.Assign a) e = a.rhs().get(0);
    e = e == null ? null : ExprGen.unparen(e);
    return e instanceof Expr.Unary u && u.op() == Op.ARROW ? u : null;
  }

  void select(Stmt.Select s, String label) {
    List<Stmt.CommClause> clauses = s.clauses();
    int n = 0;
    boolean hasDefault = false;
    for (Stmt.CommClause c : clauses) {
      if (c.comm() == null) hasDefault = true;
      else n++;
    }
    if (n == 0 && !hasDefault) {
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Select", "block", "()V", false);
      return;
    }
    int sel = f.newSlot("L");
    mv.visitTypeInsn(NEW, "gopl/runtime/conc/Select");
    mv.visitInsn(DUP);
    Bytecode.iconst(mv, n);
    mv.visitMethodInsn(INVOKESPECIAL, "gopl/runtime/conc/Select", "<init>", "(I)V", false);
    for (Stmt.CommClause c : clauses) {
      if (c.comm() == null) continue;
      f.line(c.pos());
      if (c.comm() instanceof Stmt.Send sd) {
        x.gen(sd.chan());
        Type elem = ((Chan) x.typeOf(sd.chan()).underlying()).elem();
        x.genValue(sd.value(), elem);
        Bytecode.box(mv, x.gen.layout.desc(elem));
        mv.visitMethodInsn(INVOKEVIRTUAL, "gopl/runtime/conc/Select", "send",
            "(Lgopl/runtime/conc/Chan;Ljava/lang/Object;)Lgopl/runtime/conc/Select;", false);
      } else {
        x.gen(recvOf(c.comm()).x());
        mv.visitMethodInsn(INVOKEVIRTUAL, "gopl/runtime/conc/Select", "recv",
            "(Lgopl/runtime/conc/Chan;)Lgopl/runtime/conc/Select;", false);
      }
    }
    mv.visitInsn(DUP);
    mv.visitVarInsn(ASTORE, sel);
    Bytecode.iconst(mv, hasDefault ? 1 : 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, "gopl/runtime/conc/Select", "select", "(Z)I", false);
    int received = sel;
    int chosen = f.newSlot("I");
    mv.visitVarInsn(ISTORE, chosen);
    Label brk = new Label();
    stmts.pushBreak(label, brk);
    try {
      int k = 0;
      for (Stmt.CommClause c : clauses) {
        Label next = new Label();
        mv.visitVarInsn(ILOAD, chosen);
        Bytecode.iconst(mv, c.comm() == null ? -1 : k);
        mv.visitJumpInsn(IF_ICMPNE, next);
        if (c.comm() instanceof Stmt.Assign a) assignReceived(a, received);
        stmts.stmts(c.body());
        mv.visitJumpInsn(GOTO, brk);
        mv.visitLabel(next);
        if (c.comm() != null) k++;
      }
    } finally {
      stmts.popBreak();
    }
    mv.visitLabel(brk);
  }

  /** {@code v := <-c}, {@code v, ok = <-c}: stores the received value (and ok). */
  private void assignReceived(Stmt.Assign a, int received) {
    Expr.Unary u = recvOf(a);
    Type elem = ((Chan) x.typeOf(u.x()).underlying()).elem();
    for (int i = 0; i < a.lhs().size(); i++) {
      Expr l = a.lhs().get(i);
      if (l instanceof Expr.Ident id && id.name().equals("_")) continue;
      Runnable value = i == 0
          ? () -> {
            mv.visitVarInsn(ALOAD, received);
            mv.visitMethodInsn(INVOKEVIRTUAL, "gopl/runtime/conc/Select", "value", "()Ljava/lang/Object;", false);
            Bytecode.unbox(mv, x.gen.layout.desc(elem));
          }
          : () -> {
            mv.visitVarInsn(ALOAD, received);
            mv.visitMethodInsn(INVOKEVIRTUAL, "gopl/runtime/conc/Select", "ok", "()Z", false);
          };
      Type from = i == 0 ? elem : gopl.types.Typ.BOOL;
      if (a.op() == Op.DEFINE && f.info.defs.get((Expr.Ident) l) instanceof Var v) {
        value.run();
        x.coerce(from, v.type());
        f.declareAndStore(v);
      } else {
        LValue lv = LValue.of(x, l);
        lv.prepare();
        value.run();
        x.coerce(from, lv.type());
        lv.store();
      }
    }
  }

  private static Expr.Unary recvOf(Stmt.Assign a) {
    return (Expr.Unary) ExprGen.unparen(a.rhs().get(0));
  }
}
