package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.Stmt;
import gopl.types.Array;
import gopl.types.Basic;
import gopl.types.MapType;
import gopl.types.Pointer;
import gopl.types.Slice;
import gopl.types.Type;
import gopl.types.Typ;
import gopl.types.Var;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * {@code for k, v := range x} (spec "For statements with range clause"): the range expression is
 * evaluated once; slices and arrays iterate indexes 0..len-1, strings iterate runes (invalid UTF-8
 * yields U+FFFD of width 1), maps iterate through a gopl.runtime.GoMap.Iter (entries deleted
 * during the loop and not yet reached are skipped). Iteration variables are declared once (Go 1.19).
 */
final class RangeGen {
  private final FuncGen f;
  private final StmtGen stmts;
  private final MethodVisitor mv;
  private final ExprGen x;

  RangeGen(FuncGen f, StmtGen stmts) {
    this.f = f;
    this.stmts = stmts;
    this.mv = f.mv;
    this.x = f.expr;
  }

  void range(Stmt.Range r, String label) {
    Type t = x.typeOf(r.x()).underlying();
    if (t instanceof Pointer p) t = p.elem().underlying();
    Expr key = blank(r.key()) ? null : r.key();
    Expr val = blank(r.value()) ? null : r.value();
    boolean define = r.tok() == Op.DEFINE;
    if (define) {
      if (key != null) f.declareZero((Var) f.info.defs.get((Expr.Ident) key));
      if (val != null) f.declareZero((Var) f.info.defs.get((Expr.Ident) val));
    }
    Label top = new Label();
    Label cont = new Label();
    Label brk = new Label();
    switch (t) {
      case Basic b when TypeLayout.isString(b) -> {
        x.gen(r.x());
        int s = f.newSlot("L");
        mv.visitVarInsn(ASTORE, s);
        int i = f.newSlot("I");
        int w = f.newSlot("I");
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, i);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, w);
        mv.visitLabel(top);
        mv.visitVarInsn(ILOAD, i);
        mv.visitVarInsn(ALOAD, s);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        mv.visitJumpInsn(IF_ICMPGE, brk);
        mv.visitVarInsn(ALOAD, s);
        mv.visitVarInsn(ILOAD, i);
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoStrings", "decodeRune", "(Ljava/lang/String;I)J", false);
        mv.visitInsn(DUP2);
        mv.visitInsn(L2I);
        mv.visitVarInsn(ISTORE, w);
        Bytecode.iconst(mv, 32);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
        int rune = f.newSlot("I");
        mv.visitVarInsn(ISTORE, rune);
        assign(key, define, () -> {
          mv.visitVarInsn(ILOAD, i);
          mv.visitInsn(I2L);
        }, Typ.INT);
        assign(val, define, () -> mv.visitVarInsn(ILOAD, rune), Typ.INT32);
        stmts.loopBody(label, brk, cont, () -> stmts.block(r.body()));
        mv.visitLabel(cont);
        mv.visitVarInsn(ILOAD, i);
        mv.visitVarInsn(ILOAD, w);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, i);
        mv.visitJumpInsn(GOTO, top);
      }
      case MapType m -> {
        x.gen(r.x());
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "iter", "(Lgopl/runtime/GoMap;)Lgopl/runtime/GoMap$Iter;", false);
        int it = f.newSlot("L");
        mv.visitVarInsn(ASTORE, it);
        mv.visitLabel(top);
        mv.visitLabel(cont);
        mv.visitVarInsn(ALOAD, it);
        mv.visitMethodInsn(INVOKEVIRTUAL, "gopl/runtime/GoMap$Iter", "next", "()Z", false);
        mv.visitJumpInsn(IFEQ, brk);
        assign(key, define, () -> {
          mv.visitVarInsn(ALOAD, it);
          mv.visitFieldInsn(GETFIELD, "gopl/runtime/GoMap$Iter", "key", "Ljava/lang/Object;");
          Bytecode.unbox(mv, f.gen.layout.desc(m.key()));
        }, m.key());
        assign(val, define, () -> {
          mv.visitVarInsn(ALOAD, it);
          mv.visitFieldInsn(GETFIELD, "gopl/runtime/GoMap$Iter", "value", "Ljava/lang/Object;");
          Bytecode.unbox(mv, f.gen.layout.desc(m.elem()));
          f.gen.values.copy(mv, m.elem());
        }, m.elem());
        stmts.loopBody(label, brk, cont, () -> stmts.block(r.body()));
        mv.visitJumpInsn(GOTO, top);
      }
      case gopl.types.Chan ch -> {
        x.gen(r.x());
        int c = f.newSlot("L");
        mv.visitVarInsn(ASTORE, c);
        int v = f.newSlot("L");
        mv.visitLabel(top);
        mv.visitLabel(cont);
        mv.visitVarInsn(ALOAD, c);
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Chan", "recv2", "(Lgopl/runtime/conc/Chan;)Ljava/lang/Object;", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, v);
        mv.visitFieldInsn(GETSTATIC, "gopl/runtime/conc/Chan", "CLOSED", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPEQ, brk);
        assign(key, define, () -> {
          mv.visitVarInsn(ALOAD, v);
          Bytecode.unbox(mv, f.gen.layout.desc(ch.elem()));
        }, ch.elem());
        stmts.loopBody(label, brk, cont, () -> stmts.block(r.body()));
        mv.visitJumpInsn(GOTO, top);
      }
      case Slice s -> indexed(r, label, key, val, define, s.elem(), false, top, cont, brk);
      case Array a -> indexed(r, label, key, val, define, a.elem(), true, top, cont, brk);
      default -> throw new CodegenException(r.pos(), "not supported in GoPL code generator yet: range over " + t);
    }
    mv.visitLabel(brk);
  }

  private void indexed(Stmt.Range r, String label, Expr key, Expr val, boolean define, Type elem, boolean array,
      Label top, Label cont, Label brk) {
    TypeLayout.Storage st = TypeLayout.storage(elem);
    x.gen(r.x());
    int arr = f.newSlot("L");
    int off = f.newSlot("I");
    int len = f.newSlot("I");
    if (array) {
      mv.visitInsn(DUP);
      mv.visitVarInsn(ASTORE, arr);
      mv.visitInsn(ARRAYLENGTH);
      mv.visitVarInsn(ISTORE, len);
      mv.visitInsn(ICONST_0);
      mv.visitVarInsn(ISTORE, off);
    } else {
      String sc = st.sliceClass();
      int s = f.newSlot("L");
      mv.visitVarInsn(ASTORE, s);
      mv.visitVarInsn(ALOAD, s);
      mv.visitMethodInsn(INVOKESTATIC, sc, "len", "(L" + sc + ";)I", false);
      mv.visitVarInsn(ISTORE, len);
      Label nil = new Label();
      Label ok = new Label();
      mv.visitVarInsn(ALOAD, s);
      mv.visitJumpInsn(IFNULL, nil);
      mv.visitVarInsn(ALOAD, s);
      mv.visitFieldInsn(GETFIELD, sc, "a", st.arrayDesc);
      mv.visitVarInsn(ASTORE, arr);
      mv.visitVarInsn(ALOAD, s);
      mv.visitFieldInsn(GETFIELD, sc, "off", "I");
      mv.visitVarInsn(ISTORE, off);
      mv.visitJumpInsn(GOTO, ok);
      mv.visitLabel(nil);
      mv.visitInsn(ACONST_NULL);
      mv.visitVarInsn(ASTORE, arr);
      mv.visitInsn(ICONST_0);
      mv.visitVarInsn(ISTORE, off);
      mv.visitLabel(ok);
    }
    int i = f.newSlot("I");
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, i);
    mv.visitLabel(top);
    mv.visitVarInsn(ILOAD, i);
    mv.visitVarInsn(ILOAD, len);
    mv.visitJumpInsn(IF_ICMPGE, brk);
    assign(key, define, () -> {
      mv.visitVarInsn(ILOAD, i);
      mv.visitInsn(I2L);
    }, Typ.INT);
    assign(val, define, () -> {
      mv.visitVarInsn(ALOAD, arr);
      mv.visitTypeInsn(CHECKCAST, st.arrayDesc);
      mv.visitVarInsn(ILOAD, off);
      mv.visitVarInsn(ILOAD, i);
      mv.visitInsn(IADD);
      mv.visitInsn(Collections.arrayLoad(st));
      f.widenFromStorage(elem);
      FuncGen.castFromStorage(mv, f.gen, elem);
      f.gen.values.copy(mv, elem);
    }, elem);
    stmts.loopBody(label, brk, cont, () -> stmts.block(r.body()));
    mv.visitLabel(cont);
    mv.visitIincInsn(i, 1);
    mv.visitJumpInsn(GOTO, top);
  }

  private static boolean blank(Expr e) {
    return e == null || (e instanceof Expr.Ident id && id.name().equals("_"));
  }

  /** Assigns the value pushed by value (of type from) to the iteration variable/expression e. */
  private void assign(Expr e, boolean define, Runnable value, Type from) {
    if (e == null) return;
    LValue lv = LValue.of(x, e);
    lv.prepare();
    value.run();
    x.coerce(from, lv.type());
    lv.store();
  }
}
