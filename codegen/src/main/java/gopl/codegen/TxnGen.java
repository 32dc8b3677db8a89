package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Stmt;
import gopl.types.Constant;
import gopl.types.TypeAndValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * {@code txn(mode) { body }} blocks (DESIGN.md §2, docs/persistence.md): begin (or join, flattened)
 * the goroutine's transaction, run the body in a try region, commit on every normal exit — falling
 * off the end, and every {@code return}, {@code break}, {@code continue} and {@code goto} that
 * leaves the block — and on a panic leave the block (the outermost rolls back) and keep panicking.
 *
 * <p>Guarantees: every exit path out of a txn block passes exactly one {@code PRt.txnEnd} or
 * {@code PRt.txnPanic} for it, innermost first. The handler is registered after the body, so it
 * precedes enclosing handlers (a function's defer handler) in the exception table.
 */
final class TxnGen {
  private record Frame(int targets, Set<String> labels) {}

  private final StmtGen stmts;
  private final FuncGen f;
  private final Deque<Frame> open = new ArrayDeque<>();

  TxnGen(StmtGen stmts, FuncGen f) {
    this.stmts = stmts;
    this.f = f;
  }

  void txn(Stmt.Txn t, MethodVisitor mv, int targetCount) {
    String mode = "undo";
    if (t.mode() != null) {
      TypeAndValue tv = f.info.types.get(t.mode());
      if (tv != null && tv.value() instanceof Constant.Str s) mode = s.value();
    }
    f.line(t.pos());
    mv.visitLdcInsn(mode);
    mv.visitMethodInsn(INVOKESTATIC, PersistGen.PRT, "txnBegin", "(Ljava/lang/String;)V", false);
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    Label after = new Label();
    Set<String> labels = new HashSet<>();
    labelsIn(t.body(), labels);
    open.push(new Frame(targetCount, labels));
    mv.visitLabel(start);
    mv.visitInsn(NOP); // the try range is never empty
    stmts.block(t.body());
    mv.visitLabel(end);
    open.pop();
    mv.visitMethodInsn(INVOKESTATIC, PersistGen.PRT, "txnEnd", "()V", false);
    mv.visitJumpInsn(GOTO, after);
    mv.visitLabel(handler);
    int exc = f.newSlot("L");
    mv.visitVarInsn(ASTORE, exc);
    mv.visitMethodInsn(INVOKESTATIC, PersistGen.PRT, "txnPanic", "()V", false);
    mv.visitVarInsn(ALOAD, exc);
    mv.visitInsn(ATHROW);
    mv.visitLabel(after);
    mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
  }

  /** Before a return: commit every open txn block of this function (innermost first). */
  void beforeReturn(MethodVisitor mv) {
    for (int i = 0; i < open.size(); i++) end(mv);
  }

  /** Before break/continue to the target at position {@code pos} (0 = outermost) of the target stack. */
  void beforeBranch(MethodVisitor mv, int pos) {
    for (Frame fr : open) {
      if (fr.targets > pos) end(mv);
    }
  }

  /** Before goto label: commit the open txn blocks that do not contain the label. */
  void beforeGoto(MethodVisitor mv, String label) {
    for (Frame fr : open) {
      if (!fr.labels.contains(label)) end(mv);
    }
  }

  private static void end(MethodVisitor mv) {
    mv.visitMethodInsn(INVOKESTATIC, PersistGen.PRT, "txnEnd", "()V", false);
  }

  private static void labelsIn(Stmt s, Set<String> out) {
    if (s == null) return;
    switch (s) {
      case Stmt.Labeled l -> {
        out.add(l.label().name());
        labelsIn(l.stmt(), out);
      }
      case Stmt.Block b -> b.stmts().forEach(x -> labelsIn(x, out));
      case Stmt.If i -> {
        labelsIn(i.then(), out);
        labelsIn(i.els(), out);
      }
      case Stmt.For fo -> labelsIn(fo.body(), out);
      case Stmt.Range r -> labelsIn(r.body(), out);
      case Stmt.Switch sw -> sw.clauses().forEach(c -> c.body().forEach(x -> labelsIn(x, out)));
      case Stmt.TypeSwitch ts -> ts.clauses().forEach(c -> c.body().forEach(x -> labelsIn(x, out)));
      case Stmt.Select se -> se.clauses().forEach(c -> c.body().forEach(x -> labelsIn(x, out)));
      case Stmt.Txn t -> labelsIn(t.body(), out);
      default -> { }
    }
  }
}
