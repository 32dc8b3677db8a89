package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.types.Slice;
import gopl.types.Type;

/**
 * {@code s[i]} as an assignment target when s's slice type can reach persistent memory
 * (docs/persistence.md): the load is the plain one (a persistent slice's backing array is its
 * mirror), the store goes through {@code gopl.runtime.persist.PSlices.set*}, which also writes a
 * persistent slice's element to the heap. The parts (slice, index) are kept in locals, so the value
 * being stored stays on top of the stack.
 */
final class PersistLValue extends LValue {
  private final Expr.Index ix;
  private final TypeLayout.Storage st;
  private int sSlot;
  private int iSlot;

  PersistLValue(ExprGen x, Expr.Index ix, Type elem) {
    super(x, elem);
    this.ix = ix;
    this.st = TypeLayout.storage(elem);
  }

  /** Whether writes to values of slice type t go through PSlices. */
  static boolean applies(CodeGenerator gen, Type t) {
    return gen.persist.types.isSlice(t) && PersistGen.sliceKind((Slice) t.underlying()) != null;
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
    String sc = st.sliceClass();
    mv.visitVarInsn(ALOAD, sSlot);
    mv.visitVarInsn(LLOAD, iSlot);
    mv.visitMethodInsn(INVOKESTATIC, sc, "get", "(L" + sc + ";J)" + st.elemDesc, false);
    x.f.widenFromStorage(type);
    FuncGen.castFromStorage(mv, x.gen, type);
  }

  @Override
  void store() {
    x.f.narrowToStorage(type);
    mv.visitVarInsn(ALOAD, sSlot);
    mv.visitVarInsn(LLOAD, iSlot);
    String setter = st == TypeLayout.Storage.OBJECT ? "setL" : "set" + st.elemDesc;
    mv.visitMethodInsn(INVOKESTATIC, PersistGen.PSLICES, setter, "(" + st.elemDesc + "L" + st.sliceClass() + ";J)V", false);
  }
}
