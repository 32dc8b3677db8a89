package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Node;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.Stmt;
import gopl.types.Builtin;
import gopl.types.Info;
import gopl.types.Signature;
import gopl.types.Slice;
import gopl.types.Type;
import gopl.types.Var;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Local slice variables kept in parts (docs/codegen.md "Slice locals"). A slice value is an
 * immutable header object ({@code XSlice(a, off, len, cap)}), so a loop that indexes a slice
 * variable reads the header's fields at every access, and {@code s = append(s, v)} allocates a
 * header per call. For a local slice variable that only this method can see — not captured by a
 * closure, address not taken, not a result, not of a type whose values may be persistent — and
 * that a loop indexes, measures or appends to, the method keeps four more locals beside the header
 * slot: the backing array, offset, length and capacity.
 *
 * <p>Invariant: the array part is null exactly when the slice is nil (then the other parts are 0
 * and the header slot is null); otherwise the header slot is either null ("stale") or a header
 * equal to the parts. Every store of the variable ({@link FuncGen#store}) sets all five; a read of
 * the variable as a value ({@link FuncGen#load}) makes the header if it is stale, so headers are
 * made only where the slice value flows out (call argument, store elsewhere, return, interface).
 * {@code s[i]}, {@code len(s)}, {@code cap(s)} read the parts; {@code s = append(s, v)} and
 * {@code s = append(s, str...)} write into the backing array in place while the capacity lasts
 * (marking the header stale) and call the runtime's append otherwise.
 *
 * <p>Soundness: Go expressions cannot assign variables, and no other code can reach such a local
 * (no closure, no pointer), so the parts read while evaluating an expression are those of the
 * variable's current value.
 */
final class SliceLocals {
  private SliceLocals() {}

  /** Slot offsets of the parts from {@link FuncGen.Local#parts()}: array, offset, length, capacity. */
  static final int A = 0, OFF = 1, LEN = 2, CAP = 3;

  /**
   * The local slice variables of body worth keeping in parts: those indexed, measured with
   * len/cap or appended to (as {@code s = append(s, ...)}) inside a for or range statement, and
   * that qualify (see the class comment). Function literals are not looked into: their variables
   * belong to their own methods.
   */
  static Set<Var> plan(FuncGen f, Stmt.Block body) {
    Set<Var> out = Collections.newSetFromMap(new IdentityHashMap<>());
    if (body == null) return out;
    Info info = f.info;
    DeferScan.walk(body, n -> {
      if (n instanceof Stmt.For || n instanceof Stmt.Range) DeferScan.walk(n, m -> use(f, info, m, out), true);
    }, true);
    Signature sig = f.sig;
    if (sig != null) for (Var r : sig.results().vars()) out.remove(r);
    return out;
  }

  private static void use(FuncGen f, Info info, Node n, Set<Var> out) {
    switch (n) {
      case Expr.Index ix -> add(f, info, ix.x(), out);
      case Expr.Call c when builtin(info, c, Builtin.Id.LEN) || builtin(info, c, Builtin.Id.CAP) ->
          add(f, info, c.args().get(0), out);
      case Stmt.Assign a when a.op() == Op.ASSIGN && a.lhs().size() == 1 && a.rhs().size() == 1
          && ExprGen.unparen(a.rhs().get(0)) instanceof Expr.Call c && builtin(info, c, Builtin.Id.APPEND) ->
          add(f, info, a.lhs().get(0), out);
      default -> {}
    }
  }

  private static boolean builtin(Info info, Expr.Call c, Builtin.Id id) {
    return ExprGen.unparen(c.fun()) instanceof Expr.Ident fn && info.uses.get(fn) instanceof Builtin b && b.id() == id
        && !c.args().isEmpty();
  }

  private static void add(FuncGen f, Info info, Expr e, Set<Var> out) {
    if (ExprGen.unparen(e) instanceof Expr.Ident id && info.uses.get(id) instanceof Var v && qualifies(f, v)) out.add(v);
  }

  /** A local, unboxed variable of a slice type whose values are never persistent slices. */
  static boolean qualifies(FuncGen f, Var v) {
    if (v.isPackageLevel() || v.isField() || v.captured() || v.addressTaken() || f.needsBox(v)) return false;
    Type t = v.type();
    return t.underlying() instanceof Slice && !f.gen.persist.types.isSlice(t);
  }

  /** The split local e names (an identifier, possibly parenthesised), or null. */
  static FuncGen.Local of(FuncGen f, Expr e) {
    if (ExprGen.unparen(e) instanceof Expr.Ident id && f.info.uses.get(id) instanceof Var v) {
      FuncGen.Local l = f.local(v);
      if (l != null && l.parts() >= 0) return l;
    }
    return null;
  }

  static TypeLayout.Storage storage(FuncGen.Local l) {
    return TypeLayout.storage(((Slice) l.type().underlying()).elem());
  }

  /** Stack: ... -> ..., header (null for nil); makes the header from the parts if it is stale. */
  static void load(MethodVisitor mv, FuncGen.Local l) {
    TypeLayout.Storage st = storage(l);
    String sc = st.sliceClass();
    int p = l.parts();
    Label done = new Label();
    mv.visitVarInsn(ALOAD, l.slot());
    mv.visitInsn(DUP);
    mv.visitJumpInsn(IFNONNULL, done);
    mv.visitInsn(POP);
    mv.visitVarInsn(ALOAD, p + A);
    Label nil = new Label();
    mv.visitJumpInsn(IFNULL, nil);
    mv.visitTypeInsn(NEW, sc);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ALOAD, p + A);
    mv.visitVarInsn(ILOAD, p + OFF);
    mv.visitVarInsn(ILOAD, p + LEN);
    mv.visitVarInsn(ILOAD, p + CAP);
    mv.visitMethodInsn(INVOKESPECIAL, sc, "<init>", "(" + st.arrayDesc + "III)V", false);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ASTORE, l.slot());
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(nil);
    mv.visitInsn(ACONST_NULL);
    mv.visitTypeInsn(CHECKCAST, sc);
    mv.visitLabel(done);
  }

  /** Stack: ..., header -> ...; stores the header and its parts. */
  static void store(MethodVisitor mv, FuncGen.Local l) {
    TypeLayout.Storage st = storage(l);
    String sc = st.sliceClass();
    int p = l.parts();
    Label nil = new Label(), done = new Label();
    mv.visitInsn(DUP);
    mv.visitVarInsn(ASTORE, l.slot());
    mv.visitInsn(DUP);
    mv.visitJumpInsn(IFNULL, nil);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, sc, "a", st.arrayDesc);
    mv.visitVarInsn(ASTORE, p + A);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, sc, "off", "I");
    mv.visitVarInsn(ISTORE, p + OFF);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, sc, "len", "I");
    mv.visitVarInsn(ISTORE, p + LEN);
    mv.visitFieldInsn(GETFIELD, sc, "cap", "I");
    mv.visitVarInsn(ISTORE, p + CAP);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(nil);
    mv.visitInsn(POP);
    mv.visitInsn(ACONST_NULL);
    mv.visitTypeInsn(CHECKCAST, st.arrayDesc);
    mv.visitVarInsn(ASTORE, p + A);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, p + OFF);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, p + LEN);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, p + CAP);
    mv.visitLabel(done);
  }

  /**
   * Of split, the variables every assignment of which (the declaration included) is a length-only
   * {@code make([]T, n)}: their offset is always 0 and their length the backing array's length
   * (the runtime's make allocates exactly cap = len elements), so {@code s[i]} can index the array
   * with i checked against its length, a check the JIT merges with the array's own. A variable
   * declared without a value (nil), a parameter (no declaration in body), one assigned by a range
   * clause, a tuple, an append or a reslice is left out.
   */
  static Set<Var> madeOnly(Info info, Stmt.Block body, Set<Var> split) {
    Set<Var> out = Collections.newSetFromMap(new IdentityHashMap<>());
    if (body == null || split.isEmpty()) return out;
    Set<Var> bad = Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.function.BiConsumer<Expr, Expr> site = (lhs, rhs) -> {
      if (!(ExprGen.unparen(lhs) instanceof Expr.Ident id)) return;
      Object o = info.defs.get(id);
      if (o == null) o = info.uses.get(id);
      if (!(o instanceof Var v) || !split.contains(v)) return;
      if (rhs != null && ExprGen.unparen(rhs) instanceof Expr.Call c && c.args().size() == 2 && !c.hasEllipsis()
          && builtin(info, c, Builtin.Id.MAKE)) out.add(v);
      else bad.add(v);
    };
    DeferScan.walk(body, n -> {
      switch (n) {
        case Stmt.Assign a -> {
          boolean pairs = a.lhs().size() == a.rhs().size();
          for (int i = 0; i < a.lhs().size(); i++) site.accept(a.lhs().get(i), pairs ? a.rhs().get(i) : null);
        }
        case Stmt.Range r -> {
          site.accept(r.key(), null);
          site.accept(r.value(), null);
        }
        case gopl.frontend.ast.Spec.Value vs -> {
          boolean pairs = vs.names().size() == vs.values().size();
          for (int i = 0; i < vs.names().size(); i++) site.accept(vs.names().get(i), pairs ? vs.values().get(i) : null);
        }
        default -> {}
      }
    }, true);
    out.removeAll(bad);
    return out;
  }

  private static boolean made(FuncGen f, FuncGen.Local l) {
    for (Var v : f.made) if (f.local(v) == l) return true;
    return false;
  }

  /** Stack: ..., long index -> ..., array, int position: Go's bounds check against the length part. */
  static void elementAddress(ExprGen x, FuncGen.Local l, Expr index) {
    if (rangeElementAddress(x, l, index)) return;
    MethodVisitor mv = x.mv;
    int p = l.parts();
    if (made(x.f, l)) { // offset 0, length = array length: one check the JIT merges with the array's
      mv.visitVarInsn(ALOAD, p + A);
      x.genIndex(index);
      mv.visitVarInsn(ALOAD, p + A);
      mv.visitInsn(ARRAYLENGTH);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Arrays", "checkMade", "(JI)I", false);
      return;
    }
    mv.visitVarInsn(ALOAD, p + A);
    x.genIndex(index);
    mv.visitVarInsn(ILOAD, p + LEN);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Arrays", "check", "(JI)I", false);
    mv.visitVarInsn(ILOAD, p + OFF);
    mv.visitInsn(IADD);
  }

  /**
   * The index variable of {@code for k := range s} over a slice kept in parts, while the body runs:
   * k equals the loop's int counter and is below the length the loop read, which is s's length
   * because the body assigns neither s nor k; so {@code s[k]} needs no Go bounds check.
   */
  record RangeIndex(FuncGen.Local slice, int arr, int off, int counter) {}

  /**
   * Whether body may assign one of vars: an assignment, ++/--, or a range clause with {@code =}
   * naming it (nothing else can, for variables no closure or pointer reaches).
   */
  static boolean assignedIn(Info info, Stmt.Block body, Var... vars) {
    boolean[] hit = {false};
    java.util.function.Consumer<Expr> check = e -> {
      if (e != null && ExprGen.unparen(e) instanceof Expr.Ident id) {
        Object o = info.uses.get(id);
        for (Var v : vars) if (o == v) hit[0] = true;
      }
    };
    DeferScan.walk(body, n -> {
      switch (n) {
        case Stmt.Assign a -> a.lhs().forEach(check);
        case Stmt.IncDec d -> check.accept(d.x());
        case Stmt.Range r when r.tok() == Op.ASSIGN -> {
          check.accept(r.key());
          check.accept(r.value());
        }
        default -> {}
      }
    }, false);
    return hit[0];
  }

  /** {@code s[k]} for k a {@link RangeIndex} of s: pushes array, position; true if it applied. */
  static boolean rangeElementAddress(ExprGen x, FuncGen.Local l, Expr index) {
    if (!(ExprGen.unparen(index) instanceof Expr.Ident id) || !(x.f.info.uses.get(id) instanceof Var k)) return false;
    RangeIndex ri = x.f.rangeIndex.get(k);
    if (ri == null || ri.slice() != l) return false;
    MethodVisitor mv = x.mv;
    mv.visitVarInsn(ALOAD, ri.arr());
    mv.visitTypeInsn(CHECKCAST, storage(l).arrayDesc);
    mv.visitVarInsn(ILOAD, ri.off());
    mv.visitVarInsn(ILOAD, ri.counter());
    mv.visitInsn(IADD);
    return true;
  }

  /** Pushes len(s) or cap(s) as an int. */
  static void lenOrCap(MethodVisitor mv, FuncGen.Local l, boolean cap) {
    mv.visitVarInsn(ILOAD, l.parts() + (cap ? CAP : LEN));
  }

  /**
   * {@code s = append(s, v)} or, for a byte slice, {@code s = append(s, str...)} where s is a split
   * local: generates it and returns true; false (nothing generated) for other shapes.
   */
  static boolean selfAppend(ExprGen x, Stmt.Assign a) {
    if (a.op() != Op.ASSIGN || a.lhs().size() != 1 || a.rhs().size() != 1) return false;
    if (!(ExprGen.unparen(a.rhs().get(0)) instanceof Expr.Call c) || !builtin(x.f.info, c, Builtin.Id.APPEND)) return false;
    FuncGen.Local l = of(x.f, a.lhs().get(0));
    if (l == null || c.args().size() != 2 || of(x.f, c.args().get(0)) != l) return false;
    Type elem = ((Slice) l.type().underlying()).elem();
    TypeLayout.Storage st = storage(l);
    Expr arg = c.args().get(1);
    if (c.hasEllipsis()) {
      if (st != TypeLayout.Storage.BYTE || !TypeLayout.isString(x.typeOf(arg))) return false;
      appendString(x, l, c, arg);
      return true;
    }
    if (TypeLayout.isValueObject(elem)) return false;
    appendOne(x, l, c, arg, elem, st);
    return true;
  }

  private static void appendOne(ExprGen x, FuncGen.Local l, Expr.Call c, Expr arg, Type elem, TypeLayout.Storage st) {
    MethodVisitor mv = x.mv;
    int p = l.parts();
    x.f.line(c.pos());
    x.genValue(arg, elem);
    x.f.narrowToStorage(elem);
    int v = x.f.newSlot(st.elemDesc);
    mv.visitVarInsn(Bytecode.store(st.elemDesc), v);
    Label slow = new Label(), done = new Label();
    mv.visitVarInsn(ILOAD, p + LEN);
    mv.visitVarInsn(ILOAD, p + CAP);
    mv.visitJumpInsn(IF_ICMPGE, slow);
    mv.visitVarInsn(ALOAD, p + A);
    mv.visitVarInsn(ILOAD, p + OFF);
    mv.visitVarInsn(ILOAD, p + LEN);
    mv.visitInsn(IADD);
    mv.visitVarInsn(Bytecode.load(st.elemDesc), v);
    mv.visitInsn(gopl.codegen.Collections.arrayStore(st));
    mv.visitIincInsn(p + LEN, 1);
    mv.visitInsn(ACONST_NULL);
    mv.visitVarInsn(ASTORE, l.slot());
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(slow);
    String sd = "L" + st.sliceClass() + ";";
    boolean obj = st == TypeLayout.Storage.OBJECT;
    load(mv, l);
    mv.visitVarInsn(Bytecode.load(st.elemDesc), v);
    if (obj) x.gen.values.pushElem(mv, elem);
    mv.visitMethodInsn(INVOKESTATIC, st.sliceClass(), "append", "(" + sd + st.elemDesc + (obj ? "Lgopl/runtime/Elem;" : "") + ")" + sd, false);
    store(mv, l);
    mv.visitLabel(done);
  }

  private static void appendString(ExprGen x, FuncGen.Local l, Expr.Call c, Expr arg) {
    MethodVisitor mv = x.mv;
    int p = l.parts();
    x.f.line(c.pos());
    x.gen(arg);
    int s = x.f.newSlot("L");
    mv.visitVarInsn(ASTORE, s);
    int m = x.f.newSlot("I");
    mv.visitVarInsn(ALOAD, s);
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
    mv.visitVarInsn(ISTORE, m);
    Label slow = new Label(), done = new Label();
    mv.visitVarInsn(ILOAD, p + CAP);
    mv.visitVarInsn(ILOAD, p + LEN);
    mv.visitInsn(ISUB);
    mv.visitVarInsn(ILOAD, m);
    mv.visitJumpInsn(IF_ICMPLT, slow);
    mv.visitVarInsn(ALOAD, s);
    mv.visitVarInsn(ALOAD, p + A);
    mv.visitVarInsn(ILOAD, p + OFF);
    mv.visitVarInsn(ILOAD, p + LEN);
    mv.visitInsn(IADD);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/ByteSlice", "putString", "(Ljava/lang/String;[BI)V", false);
    mv.visitVarInsn(ILOAD, p + LEN);
    mv.visitVarInsn(ILOAD, m);
    mv.visitInsn(IADD);
    mv.visitVarInsn(ISTORE, p + LEN);
    mv.visitInsn(ACONST_NULL);
    mv.visitVarInsn(ASTORE, l.slot());
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(slow);
    load(mv, l);
    mv.visitVarInsn(ALOAD, s);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/ByteSlice", "appendString", "(Lgopl/runtime/ByteSlice;Ljava/lang/String;)Lgopl/runtime/ByteSlice;", false);
    store(mv, l);
    mv.visitLabel(done);
  }
}
