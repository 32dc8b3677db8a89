package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.types.Slice;
import gopl.types.Type;

/**
 * {@code s[i]} as an assignment target or operand when s's slice type can reach persistent memory
 * (docs/persistence.md): the element is read and written through
 * {@code gopl.runtime.persist.PSlices}, which handles both a persistent and a volatile slice. The
 * parts (slice, index) are kept in locals, so the value being stored stays on top of the stack.
 */
final class PersistLValue extends LValue {
  private final Expr.Index ix;
  private final boolean isLong;
  private int sSlot;
  private int iSlot;

  PersistLValue(ExprGen x, Expr.Index ix, Type elem) {
    super(x, elem);
    this.ix = ix;
    this.isLong = PersistTypes.isLong(elem);
  }

  /** Whether element access on values of slice type t goes through PSlices. */
  static boolean applies(CodeGenerator gen, Type t) {
    return gen.persist.types.isSlice(t) && PersistGen.sliceKind((Slice) t.underlying()) != null;
  }

  private String sliceClass() {
    return isLong ? "gopl/runtime/LongSlice" : "gopl/runtime/ObjectSlice";
  }

  @Override
  void prepare() {
    x.gen(ix.x());
    sSlot = x.f.newSlot("L");
    mv.visitVarInsn(ASTORE, sSlot);
    x.genIndex(ix.index());
    iSlot = x.f.newSlot("J");
    mv.visitVarInsn(LSTORE, iSlot);
  }

  @Override
  void dupPrepared() {}

  @Override
  void load() {
    mv.visitVarInsn(ALOAD, sSlot);
    mv.visitVarInsn(LLOAD, iSlot);
    loadElement(x, type, isLong);
  }

  /** Stack: slice, long index -> element. */
  static void loadElement(ExprGen x, Type elem, boolean isLong) {
    if (isLong) {
      x.mv.visitMethodInsn(INVOKESTATIC, PersistGen.PSLICES, "getLong", "(Lgopl/runtime/LongSlice;J)J", false);
    } else {
      x.mv.visitMethodInsn(INVOKESTATIC, PersistGen.PSLICES, "getObject", "(Lgopl/runtime/ObjectSlice;J)Ljava/lang/Object;", false);
      String d = x.gen.layout.desc(elem);
      x.mv.visitTypeInsn(CHECKCAST, d.substring(1, d.length() - 1));
    }
  }

  @Override
  void store() {
    mv.visitVarInsn(ALOAD, sSlot);
    mv.visitVarInsn(LLOAD, iSlot);
    if (isLong) {
      mv.visitMethodInsn(INVOKESTATIC, PersistGen.PSLICES, "setLongV", "(JLgopl/runtime/LongSlice;J)V", false);
    } else {
      mv.visitMethodInsn(INVOKESTATIC, PersistGen.PSLICES, "setObjectV", "(Ljava/lang/Object;Lgopl/runtime/ObjectSlice;J)V", false);
    }
  }
}
