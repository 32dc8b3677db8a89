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
 * once in source order, then gopl.runtime.GoChan.select picks a ready case (uniformly at random
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
    int chans = f.newSlot("L");
    int sends = f.newSlot("L");
    int values = f.newSlot("L");
    int received = f.newSlot("L");
    Bytecode.iconst(mv, n);
    mv.visitTypeInsn(ANEWARRAY, "gopl/runtime/GoChan");
    mv.visitVarInsn(ASTORE, chans);
    Bytecode.iconst(mv, n);
    mv.visitIntInsn(NEWARRAY, T_BOOLEAN);
    mv.visitVarInsn(ASTORE, sends);
    Bytecode.iconst(mv, n);
    mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
    mv.visitVarInsn(ASTORE, values);
    mv.visitInsn(ICONST_1);
    mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
    mv.visitVarInsn(ASTORE, received);
    int k = 0;
    for (Stmt.CommClause c : clauses) {
      if (c.comm() == null) continue;
      f.line(c.pos());
      mv.visitVarInsn(ALOAD, chans);
      Bytecode.iconst(mv, k);
      if (c.comm() instanceof Stmt.Send sd) {
        x.gen(sd.chan());
        mv.visitInsn(AASTORE);
        mv.visitVarInsn(ALOAD, sends);
        Bytecode.iconst(mv, k);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(BASTORE);
        Type elem = ((Chan) x.typeOf(sd.chan()).underlying()).elem();
        mv.visitVarInsn(ALOAD, values);
        Bytecode.iconst(mv, k);
        x.genValue(sd.value(), elem);
        Bytecode.box(mv, x.gen.layout.desc(elem));
        mv.visitInsn(AASTORE);
      } else {
        x.gen(recvOf(c.comm()).x());
        mv.visitInsn(AASTORE);
      }
      k++;
    }
    mv.visitVarInsn(ALOAD, chans);
    mv.visitVarInsn(ALOAD, sends);
    mv.visitVarInsn(ALOAD, values);
    Bytecode.iconst(mv, hasDefault ? 1 : 0);
    mv.visitVarInsn(ALOAD, received);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoChan", "select",
        "([Lgopl/runtime/GoChan;[Z[Ljava/lang/Object;Z[Ljava/lang/Object;)I", false);
    int chosen = f.newSlot("I");
    mv.visitVarInsn(ISTORE, chosen);
    Label brk = new Label();
    stmts.pushBreak(label, brk);
    try {
      k = 0;
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
            mv.visitInsn(ICONST_0);
            mv.visitInsn(AALOAD);
            new Collections(x).unboxReceived(elem);
          }
          : () -> {
            Label no = new Label();
            Label done = new Label();
            mv.visitVarInsn(ALOAD, received);
            mv.visitInsn(ICONST_0);
            mv.visitInsn(AALOAD);
            mv.visitFieldInsn(GETSTATIC, "gopl/runtime/GoChan", "CLOSED", "Ljava/lang/Object;");
            mv.visitJumpInsn(IF_ACMPEQ, no);
            mv.visitInsn(ICONST_1);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(no);
            mv.visitInsn(ICONST_0);
            mv.visitLabel(done);
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
