package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.types.Builtin;
import gopl.types.Func;
import gopl.types.Interface;
import gopl.types.MapType;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Selection;
import gopl.types.Signature;
import gopl.types.Slice;
import gopl.types.Tuple;
import gopl.types.Type;
import gopl.types.TypeAndValue;
import gopl.types.Var;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;

/**
 * Calls: conversions {@code T(x)}, builtins, static calls of package functions and methods
 * (receiver first, with the implicit {@code &x} / {@code *p} of the spec's method call rules),
 * std intrinsics ({@code gopl.stdlib.<path>.Natives}), interface method calls (invokedynamic
 * with gopl.runtime.Dispatch) and func values (invokeinterface). Arguments are converted to the
 * parameter types; variadic arguments are packed into a slice; {@code f(g())} spreads g's tuple.
 */
final class CallGen {
  private final ExprGen x;
  private final MethodVisitor mv;

  static final Handle DISPATCH = new Handle(H_INVOKESTATIC, "gopl/runtime/Dispatch", "bootstrap",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);

  CallGen(ExprGen x) {
    this.x = x;
    this.mv = x.mv;
  }

  /** Generates call c; returns the JVM descriptor of what it left on the stack ("V" for nothing). */
  String call(Expr.Call c) {
    Expr fun = ExprGen.unparen(c.fun());
    TypeAndValue ftv = x.tv(fun);
    if (ftv != null && ftv.isType()) {
      Type to = ftv.type();
      new Conversions(x).convert(c.args().get(0), to);
      return x.gen.layout.desc(to);
    }
    if (ftv != null && ftv.isBuiltin()) {
      Builtin b = (Builtin) builtinObj(fun);
      return new Builtins(x).call(c, b.id(), (Signature) ftv.type());
    }
    x.f.line(c.pos());
    // static function?
    Func fn = staticFunc(fun);
    if (fn != null) {
      Signature sig = fn.signature();
      args(c, sig);
      String owner = fn.hasBody() ? x.gen.funcClass(fn) : Names.nativesClass(fn.pkg().path());
      String desc = x.gen.funcTypes.desc(sig, false);
      int[] synced = fn.hasBody() ? null : x.gen.persist.nativeSliceArgs(x.f, mv, fn); // persistence hook
      mv.visitMethodInsn(INVOKESTATIC, owner, fn.name(), desc, false);
      if (synced != null) x.gen.persist.syncNativeSliceArgs(mv, synced);
      return x.gen.funcTypes.returnDesc(sig);
    }
    if (fun instanceof Expr.Selector s) {
      Selection sel = x.f.info.selections.get(s);
      if (sel != null && sel.kind() == Selection.Kind.METHOD_VAL) return methodCall(c, s, sel);
    }
    // func value
    Signature sig = (Signature) x.typeOf(fun).underlying();
    x.gen(fun);
    args(c, sig);
    String iface = x.gen.funcTypes.interfaceName(sig);
    mv.visitMethodInsn(INVOKEINTERFACE, iface, FuncTypes.method(iface), x.gen.funcTypes.desc(sig, false), true);
    return x.gen.funcTypes.returnDesc(sig);
  }

  private Obj builtinObj(Expr fun) {
    if (fun instanceof Expr.Ident id) return x.f.info.uses.get(id);
    if (fun instanceof Expr.Selector s) return x.f.info.uses.get(s.sel());
    throw new CodegenException(fun.pos(), "bad builtin call");
  }

  /** The package-level function a callee expression denotes, or null. */
  private Func staticFunc(Expr fun) {
    Obj o = null;
    if (fun instanceof Expr.Ident id) o = x.f.info.uses.get(id);
    else if (fun instanceof Expr.Selector s && x.f.info.selections.get(s) == null) o = x.f.info.uses.get(s.sel());
    if (o instanceof Func f && f.signature().recv() == null) return f;
    return null;
  }

  private String methodCall(Expr.Call c, Expr.Selector s, Selection sel) {
    Func m = (Func) sel.obj();
    Signature sig = m.signature();
    Type recvBase = sel.recv();
    if (recvBase.underlying() instanceof Interface || isEmbeddedIface(sel)) {
      // interface method: invokedynamic on the interface value
      receiverThroughPath(s, sel);
      args(c, sig);
      String desc = "(Ljava/lang/Object;" + x.gen.funcTypes.desc(sig, false).substring(1);
      mv.visitInvokeDynamicInsn(m.name(), desc, DISPATCH);
      return x.gen.funcTypes.returnDesc(sig);
    }
    pushReceiver(s, sel, m);
    args(c, sig);
    Type base = sig.recv().type() instanceof Pointer p ? p.elem() : sig.recv().type();
    if (!m.hasBody() && NativeTypes.isNative(base)) {
      mv.visitMethodInsn(INVOKEVIRTUAL, NativeTypes.classOf(base), m.name(), x.gen.funcTypes.desc(sig, false), false);
      return x.gen.funcTypes.returnDesc(sig);
    }
    if (!m.hasBody()) throw new CodegenException(c.pos(), "not supported in GoPL: method without body " + m.name());
    mv.visitMethodInsn(INVOKESTATIC, x.gen.funcClass(m), Names.methodName(m), x.gen.funcTypes.desc(sig, true), false);
    return x.gen.funcTypes.returnDesc(sig);
  }

  private boolean isEmbeddedIface(Selection sel) {
    return ((Func) sel.obj()).signature().recv() != null
        && ((Func) sel.obj()).signature().recv().type().underlying() instanceof Interface;
  }

  /** Pushes the value reached by walking embedded fields of the selection path (all but the last step). */
  private Type receiverThroughPath(Expr.Selector s, Selection sel) {
    List<Integer> path = sel.index();
    if (path.size() == 1) {
      x.gen(s.x());
      return x.typeOf(s.x());
    }
    List<Integer> fields = path.subList(0, path.size() - 1);
    Type owner = x.fieldOwner(s.x(), fields);
    gopl.types.Struct st = (gopl.types.Struct) owner.underlying();
    int idx = fields.get(fields.size() - 1);
    Var fv = st.field(idx);
    x.gen.persist.getField(mv, owner, x.gen.structs.className(owner), StructGen.fieldName(st, idx), x.gen.layout.desc(fv.type()));
    return fv.type();
  }

  /** The static type of the receiver operand after walking the embedded fields of the path. */
  private Type receiverType(Expr.Selector s, Selection sel) {
    Type t = x.typeOf(s.x());
    List<Integer> path = sel.index();
    for (int i = 0; i < path.size() - 1; i++) {
      Type st = t.underlying() instanceof Pointer p ? p.elem() : t;
      t = ((gopl.types.Struct) st.underlying()).field(path.get(i)).type();
    }
    return t;
  }

  /** Pushes the receiver for a concrete method m, applying automatic & and * (also for method values). */
  void pushReceiver(Expr.Selector s, Selection sel, Func m) {
    Type recvParam = m.signature().recv().type();
    boolean wantPtr = recvParam instanceof Pointer;
    Type have = receiverType(s, sel);
    boolean havePtr = have.underlying() instanceof Pointer;
    Type base = havePtr ? ((Pointer) have.underlying()).elem() : have;
    if (wantPtr && !havePtr && !TypeLayout.isValueObject(base)) {
      // spec: "If x is addressable and &x's method set contains m, x.m() is shorthand for (&x).m()"
      new Collections(x).addressOf(receiverExpr(s, sel));
      return;
    }
    receiverThroughPath(s, sel);
    if (!wantPtr && havePtr) {
      if (TypeLayout.isValueObject(base)) {
        x.gen.values.copy(mv, base);
      } else {
        TypeLayout.Storage st = TypeLayout.storage(base);
        mv.visitMethodInsn(INVOKEVIRTUAL, st.ptrClass(), "get", "()" + st.elemDesc, false);
        x.f.widenFromStorage(base);
        FuncGen.castFromStorage(mv, x.gen, base);
      }
    } else if (!wantPtr && TypeLayout.isValueObject(base)) {
      x.gen.values.copy(mv, base); // the callee gets its own copy
    }
  }

  private Expr receiverExpr(Expr.Selector s, Selection sel) {
    if (sel.index().size() != 1) throw new CodegenException(s.pos(), "not supported in GoPL: pointer method through embedded non-struct field");
    return s.x();
  }

  /** Pushes the arguments of c converted to sig's parameter types (variadic packing, tuple spreading). */
  void args(Expr.Call c, Signature sig) {
    List<Var> params = sig.params().vars();
    List<Expr> args = c.args();
    if (args.size() == 1 && params.size() > 1 || (args.size() == 1 && x.typeOf(args.get(0)) instanceof Tuple)) {
      if (x.typeOf(args.get(0)) instanceof Tuple tu) {
        spreadTuple(args.get(0), tu, sig);
        return;
      }
    }
    int fixed = sig.variadic() ? params.size() - 1 : params.size();
    for (int i = 0; i < fixed; i++) x.genValue(args.get(i), params.get(i).type());
    if (!sig.variadic()) return;
    Type sliceT = params.get(params.size() - 1).type();
    if (c.hasEllipsis()) {
      x.genValue(args.get(args.size() - 1), sliceT);
      return;
    }
    int extra = args.size() - fixed;
    if (extra == 0) {
      mv.visitInsn(ACONST_NULL);
      return;
    }
    Type elem = ((Slice) sliceT.underlying()).elem();
    new Collections(x).sliceOf(elem, args.subList(fixed, args.size()));
  }

  private void spreadTuple(Expr arg, Tuple tu, Signature sig) {
    x.genTuple(arg);
    int tmp = x.f.newSlot("L");
    mv.visitVarInsn(ASTORE, tmp);
    List<Var> params = sig.params().vars();
    int fixed = sig.variadic() ? params.size() - 1 : params.size();
    for (int i = 0; i < fixed; i++) {
      loadTupleElem(tmp, i, tu.at(i).type());
      x.coerce(tu.at(i).type(), params.get(i).type());
    }
    if (!sig.variadic()) return;
    Type elem = ((Slice) params.get(params.size() - 1).type().underlying()).elem();
    int extra = tu.size() - fixed;
    TypeLayout.Storage st = TypeLayout.storage(elem);
    Bytecode.iconst(mv, extra);
    if (st == TypeLayout.Storage.OBJECT) mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
    else mv.visitIntInsn(NEWARRAY, st.newarrayType());
    for (int i = 0; i < extra; i++) {
      mv.visitInsn(DUP);
      Bytecode.iconst(mv, i);
      loadTupleElem(tmp, fixed + i, tu.at(fixed + i).type());
      x.coerce(tu.at(fixed + i).type(), elem);
      mv.visitInsn(Collections.arrayStore(st));
    }
    mv.visitMethodInsn(INVOKESTATIC, st.sliceClass(), "of", "(" + st.arrayDesc + ")L" + st.sliceClass() + ";", false);
  }

  /** Pushes element i of the Object[] tuple in slot tmp, unboxed to type t. */
  void loadTupleElem(int tmp, int i, Type t) {
    mv.visitVarInsn(ALOAD, tmp);
    Bytecode.iconst(mv, i);
    mv.visitInsn(AALOAD);
    Bytecode.unbox(mv, x.gen.layout.desc(t));
  }

  static boolean isMap(Type t) {
    return t.underlying() instanceof MapType;
  }
}
