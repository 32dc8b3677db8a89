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
      case Array a when val == null && !hasCall(r.x()) -> counted(r, label, key, define, a.len(), top, cont, brk);
      case Array a -> indexed(r, label, key, val, define, a.elem(), true, top, cont, brk);
      default -> throw new CodegenException(r.pos(), "not supported in GoPL code generator yet: range over " + t);
    }
    mv.visitLabel(brk);
  }

  private void indexed(Stmt.Range r, String label, Expr key, Expr val, boolean define, Type elem, boolean array,
      Label top, Label cont, Label brk) {
    TypeLayout.Storage st = TypeLayout.storage(elem);
    FuncGen.Local parts = array ? null : SliceLocals.of(f, r.x());
    if (parts != null) {
      indexedParts(r, label, key, val, define, elem, parts, top, cont, brk);
      return;
    }
    x.gen(r.x());
    Type xt = x.typeOf(r.x());
    if (array && !blank(val) && xt.underlying() instanceof Array && mayChange(r)) {
      // spec: "The range expression x is evaluated once before beginning the loop" — an array
      // value is copied, so the iteration values do not see writes the body makes to it
      f.gen.values.copy(mv, xt);
    }
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
    loop(r, label, key, val, define, elem, array, arr, off, len, top, cont, brk);
  }

  /** {@code for k, v := range s} over a slice kept in parts: the loop's snapshot is copied from the parts (no header made). */
  private void indexedParts(Stmt.Range r, String label, Expr key, Expr val, boolean define, Type elem, FuncGen.Local parts,
      Label top, Label cont, Label brk) {
    int arr = f.newSlot("L");
    int off = f.newSlot("I");
    int len = f.newSlot("I");
    mv.visitVarInsn(ALOAD, parts.parts() + SliceLocals.A);
    mv.visitVarInsn(ASTORE, arr);
    mv.visitVarInsn(ILOAD, parts.parts() + SliceLocals.OFF);
    mv.visitVarInsn(ISTORE, off);
    mv.visitVarInsn(ILOAD, parts.parts() + SliceLocals.LEN);
    mv.visitVarInsn(ISTORE, len);
    loop(r, label, key, val, define, elem, false, arr, off, len, top, cont, brk);
  }

  /** The loop over the snapshot (array, offset, length) of a slice or array. */
  private void loop(Stmt.Range r, String label, Expr key, Expr val, boolean define, Type elem, boolean array,
      int arr, int off, int len, Label top, Label cont, Label brk) {
    TypeLayout.Storage st = TypeLayout.storage(elem);
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
    Var k = array ? null : rangeIndexVar(r, key, define);
    if (k != null) f.rangeIndex.put(k, new SliceLocals.RangeIndex(SliceLocals.of(f, r.x()), arr, off, i));
    stmts.loopBody(label, brk, cont, () -> stmts.block(r.body()));
    if (k != null) f.rangeIndex.remove(k);
    mv.visitLabel(cont);
    mv.visitIincInsn(i, 1);
    mv.visitJumpInsn(GOTO, top);
  }

  /**
   * The key variable of {@code for k := range s} when s is a slice kept in parts and the body
   * assigns neither (so s[k] needs no Go bounds check: {@link SliceLocals.RangeIndex}), else null.
   */
  private Var rangeIndexVar(Stmt.Range r, Expr key, boolean define) {
    FuncGen.Local s = SliceLocals.of(f, r.x());
    if (s == null || !define || blank(key) || !(key instanceof Expr.Ident id) || !(f.info.defs.get(id) instanceof Var k)) return null;
    FuncGen.Local kl = f.local(k);
    if (kl == null || kl.boxed() || k.captured() || k.addressTaken()) return null;
    Var sv = (Var) f.info.uses.get((Expr.Ident) ExprGen.unparen(r.x()));
    return SliceLocals.assignedIn(f.info, r.body(), sv, k) ? null : k;
  }

  /**
   * {@code for i := range a} over an array or pointer to array: spec "if at most one iteration
   * variable is present and len(x) is constant, the range expression is not evaluated" (so a nil
   * {@code *[4]int} gives 0..3).
   */
  private void counted(Stmt.Range r, String label, Expr key, boolean define, long n, Label top, Label cont, Label brk) {
    int i = f.newSlot("J");
    mv.visitInsn(LCONST_0);
    mv.visitVarInsn(LSTORE, i);
    mv.visitLabel(top);
    mv.visitVarInsn(LLOAD, i);
    mv.visitLdcInsn(n);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFGE, brk);
    assign(key, define, () -> mv.visitVarInsn(LLOAD, i), Typ.INT);
    stmts.loopBody(label, brk, cont, () -> stmts.block(r.body()));
    mv.visitLabel(cont);
    mv.visitVarInsn(LLOAD, i);
    mv.visitInsn(LCONST_1);
    mv.visitInsn(LADD);
    mv.visitVarInsn(LSTORE, i);
    mv.visitJumpInsn(GOTO, top);
  }

  /** Whether x contains a function call or receive (then len(x) is not constant: spec "Length and capacity"). */
  private static boolean hasCall(Expr e) {
    boolean[] found = {false};
    DeferScan.walk(e, n -> {
      if (n instanceof Expr.Call || (n instanceof Expr.Unary u && u.op() == Op.ARROW)) found[0] = true;
    }, true);
    return found[0];
  }

  /**
   * Whether the loop body might change the ranged array value while it is iterated (then it must
   * be copied first). It cannot when the range expression is a fresh value, or a local variable
   * that no closure or pointer can reach and that the body does not mention.
   */
  private boolean mayChange(Stmt.Range r) {
    Expr e = ExprGen.unparen(r.x());
    if (e instanceof Expr.Call || e instanceof Expr.CompositeLit) return false;
    if (!(e instanceof Expr.Ident id && f.info.uses.get(id) instanceof Var v)) return true;
    if (v.isPackageLevel() || v.captured() || v.addressTaken()) return true;
    boolean[] named = {false};
    DeferScan.walk(r.body(), n -> {
      if (n instanceof Expr.Ident i && f.info.uses.get(i) == v) named[0] = true;
    }, false);
    return named[0];
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
