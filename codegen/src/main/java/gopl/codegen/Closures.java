package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Stmt;
import gopl.types.Func;
import gopl.types.Info;
import gopl.types.Interface;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Selection;
import gopl.types.Signature;
import gopl.types.Type;
import gopl.types.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;

/**
 * Func values (docs/codegen.md "Funcs"): package functions, closures and method values become
 * instances of the signature's functional interface via LambdaMetafactory. A function literal is
 * compiled to a static method {@code func$N} whose leading parameters are the captured variables'
 * boxes (spec: "Function literals are closures: they may refer to variables defined in a
 * surrounding function. Those variables are then shared between the surrounding function and the
 * function literal").
 */
final class Closures {
  static final Handle LMF = new Handle(H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
          + "Ljava/lang/invoke/CallSite;", false);

  private final ExprGen x;
  private final MethodVisitor mv;
  private final CodeGenerator gen;

  Closures(ExprGen x) {
    this.x = x;
    this.mv = x.mv;
    this.gen = x.gen;
  }

  /** Emits the invokedynamic making a func value of type sig from impl with captured args on the stack. */
  void makeFunc(Signature sig, String capturedDescs, Handle impl) {
    String iface = gen.funcTypes.interfaceName(sig);
    String sam = gen.funcTypes.desc(sig, false);
    org.objectweb.asm.Type samT = org.objectweb.asm.Type.getMethodType(sam);
    mv.visitInvokeDynamicInsn(FuncTypes.method(iface), "(" + capturedDescs + ")L" + iface + ";", LMF, samT, impl, samT);
  }

  /** A package function (or std intrinsic) used as a value. */
  void funcValue(Func fn) {
    Signature sig = fn.signature();
    String owner = fn.hasBody() ? gen.funcClass(fn) : Names.nativesClass(fn.pkg().path());
    makeFunc(sig, "", new Handle(H_INVOKESTATIC, owner, fn.name(), gen.funcTypes.desc(sig, false), false));
  }

  /** A function literal: compiles its body to func$N and captures the free variables' boxes. */
  void funcLit(Expr.FuncLit fl) {
    Signature sig = (Signature) x.typeOf(fl);
    List<Var> captured = freeVars(x.f.info, fl);
    List<Var> bound = new ArrayList<>();
    StringBuilder capDesc = new StringBuilder();
    for (Var v : captured) {
      FuncGen.Local l = x.f.local(v);
      if (l == null) continue; // a variable of a function further out that this level does not hold
      bound.add(v);
      capDesc.append(l.boxed() ? "L" + l.boxClass() + ";" : l.desc());
    }
    String name = x.f.pkg.closureName();
    String desc = "(" + capDesc + gen.funcTypes.desc(sig, false).substring(1);
    MethodVisitor cmv = x.f.pkg.newMethod(name, desc);
    cmv.visitCode();
    int slot = 0;
    List<FuncGen.Local> capLocals = new ArrayList<>();
    for (Var v : bound) {
      FuncGen.Local outer = x.f.local(v);
      String d = outer.boxed() ? "L" + outer.boxClass() + ";" : outer.desc();
      capLocals.add(new FuncGen.Local(slot, outer.type(), outer.desc(), outer.boxed(), outer.boxClass()));
      slot += Bytecode.size(d);
    }
    List<Var> params = new ArrayList<>(sig.params().vars());
    FuncGen inner = new FuncGen(x.f.pkg, cmv, sig, slot + x.f.pkg.slots(params));
    for (int i = 0; i < bound.size(); i++) inner.bind(bound.get(i), capLocals.get(i));
    inner.line(fl.pos());
    inner.planSlices(fl.body());
    x.f.pkg.bindParams(inner, params, slot);
    inner.declareResults(DeferScan.hasDefer(fl.body()));
    inner.body(fl.body());
    cmv.visitMaxs(0, 0);
    cmv.visitEnd();
    // push captured boxes and make the func value
    for (Var v : bound) {
      FuncGen.Local l = x.f.local(v);
      mv.visitVarInsn(l.boxed() ? ALOAD : Bytecode.load(l.desc()), l.slot());
    }
    makeFunc(sig, capDesc.toString(), new Handle(H_INVOKESTATIC, x.f.pkg.funcClass, name, desc, false));
  }

  /** A bound method value x.M. */
  void methodValue(Expr.Selector s, Selection sel) {
    Func m = (Func) sel.obj();
    Signature msig = m.signature();
    Signature valueSig = (Signature) x.typeOf(s);
    if (sel.recv().underlying() instanceof Interface) {
      // spec: "it is also legal to create a method value from a value of interface type"; the
      // interface value is captured, and a nil one panics (nil dereference) right here, as in gc
      x.gen(s.x());
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
      mv.visitInsn(POP);
      makeFunc(valueSig, "Ljava/lang/Object;", interfaceMethodThunk(m));
      return;
    }
    // evaluate the receiver now (spec: "The expression x is evaluated and saved during the evaluation of the method value")
    Type recvT = m.signature().recv().type();
    Expr.Call fake = null;
    x.calls.pushReceiver(s, sel, m); // walks embedded fields of a promoted method
    String recvDesc = gen.layout.desc(recvT);
    Type base = recvT instanceof Pointer p ? p.elem() : recvT;
    if (!m.hasBody() && NativeTypes.isNative(base)) {
      // a runtime-implemented method (sync.WaitGroup.Done, ...): bind the receiver to the virtual method
      makeFunc(valueSig, recvDesc,
          new Handle(H_INVOKEVIRTUAL, NativeTypes.classOf(base), m.name(), gen.funcTypes.desc(msig, false), false));
      return;
    }
    makeFunc(valueSig, recvDesc,
        new Handle(H_INVOKESTATIC, gen.funcClass(m), Names.methodName(m), gen.funcTypes.desc(msig, true), false));
  }

  /**
   * A synthetic static method {@code (Object recv, params...) result} calling interface method m
   * on recv through the dispatch call site: the body of method values x.M and method expressions
   * I.M on interface types.
   */
  private Handle interfaceMethodThunk(Func m) {
    Signature msig = m.signature();
    String name = x.f.pkg.closureName();
    String desc = "(Ljava/lang/Object;" + gen.funcTypes.desc(msig, false).substring(1);
    MethodVisitor cmv = x.f.pkg.newMethod(name, desc);
    cmv.visitCode();
    cmv.visitVarInsn(ALOAD, 0);
    int slot = 1;
    for (Var p : msig.params().vars()) {
      String d = gen.layout.desc(p.type());
      cmv.visitVarInsn(Bytecode.load(d), slot);
      slot += Bytecode.size(d);
    }
    cmv.visitInvokeDynamicInsn(m.name(), desc, CallGen.DISPATCH);
    cmv.visitInsn(Bytecode.ret(gen.funcTypes.returnDesc(msig)));
    cmv.visitMaxs(0, 0);
    cmv.visitEnd();
    return new Handle(H_INVOKESTATIC, x.f.pkg.funcClass, name, desc, false);
  }

  /** A method expression T.M or (*T).M: a func taking the receiver first. */
  void methodExpr(Expr.Selector s, Selection sel) {
    Func m = (Func) sel.obj();
    Signature valueSig = (Signature) x.typeOf(s);
    if (sel.recv().underlying() instanceof Interface) {
      // I.M: spec "It is legal to derive a function value from a method of an interface type.
      // The resulting function takes an explicit receiver of that interface type."
      makeFunc(valueSig, "", interfaceMethodThunk(m));
      return;
    }
    String owner = gen.funcClass(m);
    boolean ptrRecv = m.signature().recv().type() instanceof Pointer;
    boolean exprPtr = sel.recv().underlying() instanceof Pointer;
    if (sel.index().size() > 1) {
      promotedMethodExpr(s, sel, m, valueSig);
      return;
    }
    String name = Names.methodName(m) + (!ptrRecv && exprPtr ? "$p" : "");
    makeFunc(valueSig, "", new Handle(H_INVOKESTATIC, owner, name, gen.funcTypes.desc(valueSig, false), false));
  }

  /**
   * T.M with M promoted from an embedded field: a synthetic method takes the T (or *T) receiver,
   * walks the embedded fields of the selection path and calls M with the receiver it needs
   * (spec "Method expressions": the method set of T includes promoted methods).
   */
  private void promotedMethodExpr(Expr.Selector s, Selection sel, Func m, Signature valueSig) {
    String valueDesc = gen.funcTypes.desc(valueSig, false);
    String name = x.f.pkg.closureName();
    MethodVisitor cmv = x.f.pkg.newMethod(name, valueDesc);
    cmv.visitCode();
    cmv.visitVarInsn(ALOAD, 0);
    Type t = sel.recv();
    List<Integer> path = sel.index();
    for (int i = 0; i < path.size() - 1; i++) {
      Type owner = t.underlying() instanceof Pointer p ? p.elem() : t;
      if (!(owner.underlying() instanceof gopl.types.Struct st)) {
        throw new CodegenException(s.pos(), "not supported in GoPL: promoted method through a non-struct embedded field");
      }
      int idx = path.get(i);
      t = st.field(idx).type();
      gen.persist.getField(cmv, owner, gen.structs.className(owner), StructGen.fieldName(st, idx), gen.layout.desc(t));
    }
    Type recvParam = m.signature().recv().type();
    boolean havePtr = t.underlying() instanceof Pointer;
    Type base = havePtr ? ((Pointer) t.underlying()).elem() : t;
    if (!TypeLayout.isValueObject(base)) {
      throw new CodegenException(s.pos(), "not supported in GoPL: promoted method through a non-struct embedded field");
    }
    if (recvParam instanceof Pointer) {
      // the embedded struct object is its own address
    } else {
      if (havePtr) {
        cmv.visitInsn(DUP);
        cmv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        cmv.visitInsn(POP);
      }
      gen.values.copy(cmv, base);
    }
    int slot = Bytecode.size(gen.layout.desc(sel.recv()));
    for (Var p : m.signature().params().vars()) {
      String d = gen.layout.desc(p.type());
      cmv.visitVarInsn(Bytecode.load(d), slot);
      slot += Bytecode.size(d);
    }
    Type mbase = recvParam instanceof Pointer p ? p.elem() : recvParam;
    if (!m.hasBody() && NativeTypes.isNative(mbase)) {
      cmv.visitMethodInsn(INVOKEVIRTUAL, NativeTypes.classOf(mbase), m.name(), gen.funcTypes.desc(m.signature(), false), false);
    } else {
      cmv.visitMethodInsn(INVOKESTATIC, gen.funcClass(m), Names.methodName(m), gen.funcTypes.desc(m.signature(), true), false);
    }
    cmv.visitInsn(Bytecode.ret(gen.funcTypes.returnDesc(m.signature())));
    cmv.visitMaxs(0, 0);
    cmv.visitEnd();
    makeFunc(valueSig, "", new Handle(H_INVOKESTATIC, x.f.pkg.funcClass, name, valueDesc, false));
  }

  /** Variables used inside fl but declared outside it (locals of enclosing functions), in first-use order. */
  static List<Var> freeVars(Info info, Expr.FuncLit fl) {
    Set<Var> defined = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Var> used = new LinkedHashSet<>();
    DeferScan.walk(fl, n -> {
      if (n instanceof Expr.Ident id) {
        if (info.defs.get(id) instanceof Var v) defined.add(v);
        Obj o = info.uses.get(id);
        if (o instanceof Var v && !v.isPackageLevel() && !v.isField()) used.add(v);
      }
      if (n instanceof Stmt.CaseClause cc && info.implicits.get(cc) instanceof Var v) defined.add(v);
    }, false);
    List<Var> out = new ArrayList<>();
    for (Var v : used) if (!defined.contains(v)) out.add(v);
    return out;
  }
}
