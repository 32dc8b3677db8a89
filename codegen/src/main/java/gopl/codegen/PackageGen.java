package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Field;
import gopl.frontend.ast.SourceFile;
import gopl.frontend.ast.Spec;
import gopl.types.CheckedPackage;
import gopl.types.Func;
import gopl.types.Info;
import gopl.types.Initializer;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Selection;
import gopl.types.Signature;
import gopl.types.Type;
import gopl.types.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * One JVM class per Go package ({@link Names#packageClass}): package variables as public static
 * fields (a variable whose address is taken holds a box), functions and methods as public static
 * methods, closures as private static synthetic methods {@code func$N}, and {@code $init()V}
 * which initialises the variables in the checker's initOrder and then runs the package's init
 * functions (spec "Package initialization"). For package main it adds {@code main(String[])},
 * which initialises every package in dependency order, runs main.main, and exits.
 */
final class PackageGen {
  final CodeGenerator gen;
  final CheckedPackage cp;
  final Info info;
  final String className;
  /** The class functions are being emitted into now (className, or Pkg$Fi for file i > 0). */
  String funcClass;
  private final ClassWriter mainCw;
  /** The writer of funcClass. */
  ClassWriter cw;
  private final Set<Var> boxedVars = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Whether {@link #scanAddressTaken} ran (lazily for a package the caller reuses, see CodeGenerator#reusing). */
  private boolean scanned;
  private int closures;
  private final List<String> initFuncs = new ArrayList<>();

  PackageGen(CodeGenerator gen, CheckedPackage cp) {
    this.gen = gen;
    this.cp = cp;
    this.info = cp.info();
    this.className = Names.packageClass(cp.importPath());
    this.mainCw = gen.newClassWriter();
    this.cw = mainCw;
    this.funcClass = className;
  }

  boolean boxed(Var v) {
    if (!scanned) scanAddressTaken();
    return v.captured() || v.addressTaken() || boxedVars.contains(v);
  }

  /** A fresh name for a closure's synthetic method. */
  String closureName() {
    return "func$" + (closures++);
  }

  void generate(boolean isMain, List<CheckedPackage> all) {
    List<SourceFile> files = cp.files();
    cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object", null);
    if (!files.isEmpty()) cw.visitSource(fileName(files.get(0).path()), null);
    scanAddressTaken();
    for (SourceFile f : files) {
      for (Decl d : f.decls()) {
        if (d instanceof Decl.Gen g && g.kind() == Decl.Kind.VAR) declareVars(g);
      }
    }
    for (int i = 0; i < files.size(); i++) {
      SourceFile f = files.get(i);
      if (i > 0) {
        funcClass = Names.fileClass(cp.importPath(), i);
        cw = gen.newClassWriter();
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, funcClass, null, "java/lang/Object", null);
        cw.visitSource(fileName(f.path()), null);
      }
      for (Decl d : f.decls()) {
        if (d instanceof Decl.Func fd && fd.body() != null) function(fd);
      }
      if (i > 0) {
        cw.visitEnd();
        gen.addClass(funcClass, cw.toByteArray());
      }
    }
    cw = mainCw;
    funcClass = className;
    initMethod();
    // A main package without func main (a REPL session's package) gets no JVM main method.
    if (isMain && cp.pkg().scope().lookup("main") instanceof Func) mainMethod(all);
    cw.visitEnd();
    gen.addClass(className, cw.toByteArray());
  }

  static String fileName(String path) {
    int i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(i + 1);
  }

  /** Marks variables whose address is taken implicitly (x.M() with a pointer method on addressable x). */
  private void scanAddressTaken() {
    if (scanned) return;
    scanned = true;
    for (SourceFile f : cp.files()) {
      DeferScan.walk(f.decls(), n -> {
        if (n instanceof Expr.Selector s) {
          Selection sel = info.selections.get(s);
          if (sel != null && sel.kind() == Selection.Kind.METHOD_VAL && sel.obj() instanceof Func m
              && m.signature().recv() != null && m.signature().recv().type() instanceof Pointer
              && !(sel.recv().underlying() instanceof Pointer)
              && ExprGen.unparen(s.x()) instanceof Expr.Ident id && info.uses.get(id) instanceof Var v) {
            boxedVars.add(v);
          }
        }
        if (n instanceof Expr.Unary u && u.op() == gopl.frontend.ast.Op.AND
            && ExprGen.unparen(u.x()) instanceof Expr.Ident id && info.uses.get(id) instanceof Var v) {
          boxedVars.add(v);
        }
      }, false);
    }
  }

  // ---------------------------------------------------------------- package variables

  /** The JVM field descriptor of package variable v (a box when its address is taken). */
  String varFieldDesc(Var v) {
    if (boxed(v) && !TypeLayout.isValueObject(v.type())) return "L" + TypeLayout.storage(v.type()).refClass() + ";";
    return gen.layout.desc(v.type());
  }

  private void declareVars(Decl.Gen g) {
    for (Spec s : g.specs()) {
      for (Expr.Ident name : ((Spec.Value) s).names()) {
        if (name.name().equals("_")) continue;
        Var v = (Var) info.defs.get(name);
        if (v == null) continue;
        cw.visitField(ACC_PUBLIC | ACC_STATIC, name.name(), varFieldDesc(v), null, null).visitEnd();
      }
    }
  }

  /** Emits code pushing package variable v's value (of any package). */
  void loadPackageVar(MethodVisitor mv, Var v) {
    String owner = Names.packageClass(v.pkg().path());
    PackageGen pg = gen.packageGen(v.pkg().path());
    String fd = pg.varFieldDesc(v);
    mv.visitFieldInsn(GETSTATIC, owner, v.name(), fd);
    if (!fd.equals(gen.layout.desc(v.type()))) {
      String st = TypeLayout.storage(v.type()).refClass();
      mv.visitFieldInsn(GETFIELD, st, "v", TypeLayout.storage(v.type()).elemDesc);
      if (TypeLayout.storage(v.type()) == TypeLayout.Storage.BYTE && TypeLayout.isUnsigned(v.type())) {
        Bytecode.iconst(mv, 0xFF);
        mv.visitInsn(IAND);
      } else if (TypeLayout.storage(v.type()) == TypeLayout.Storage.SHORT && TypeLayout.isUnsigned(v.type())) {
        Bytecode.iconst(mv, 0xFFFF);
        mv.visitInsn(IAND);
      }
      FuncGen.castFromStorage(mv, gen, v.type());
    }
  }

  // ---------------------------------------------------------------- functions

  private void function(Decl.Func fd) {
    Func f = (Func) info.defs.get(fd.name());
    Signature sig = f.signature();
    String name;
    if (fd.recv() != null) {
      name = Names.methodName(f);
    } else if (fd.name().name().equals("init")) {
      name = "init$" + initFuncs.size();
      initFuncs.add(name);
    } else if (fd.name().name().equals("_")) {
      return;
    } else {
      name = fd.name().name();
    }
    String desc = gen.funcTypes.desc(sig, true);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
    mv.visitCode();
    List<Var> params = new ArrayList<>();
    if (sig.recv() != null) params.add(sig.recv());
    params.addAll(sig.params().vars());
    FuncGen fg = new FuncGen(this, mv, sig, slots(params));
    fg.line(fd.pos());
    fg.planSlices(fd.body());
    bindParams(fg, params, 0);
    fg.declareResults(DeferScan.hasDefer(fd.body()));
    fg.body(fd.body());
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    if (sig.recv() != null && !(sig.recv().type() instanceof Pointer)) valueMethodBridge(f, name, desc);
    if (name.startsWith("init$")) initFuncs.set(initFuncs.size() - 1, funcClass + "." + name);
  }

  /** Total slots the parameters occupy. */
  int slots(List<Var> params) {
    int n = 0;
    for (Var p : params) n += Bytecode.size(gen.layout.desc(p.type()));
    return n;
  }

  /** Binds parameters starting at slot first; boxes the ones that need boxes. */
  void bindParams(FuncGen fg, List<Var> params, int first) {
    int slot = first;
    for (Var p : params) {
      String d = gen.layout.desc(p.type());
      if (!p.name().isEmpty() && !p.name().equals("_")) {
        if (fg.needsBox(p)) {
          fg.mv.visitVarInsn(Bytecode.load(d), slot);
          fg.declareAndStore(p);
        } else if (fg.splits(p)) {
          FuncGen.Local l = new FuncGen.Local(slot, p.type(), d, false, null, fg.newParts());
          fg.bind(p, l);
          fg.mv.visitVarInsn(ALOAD, slot);
          fg.store(l);
        } else {
          fg.bind(p, new FuncGen.Local(slot, p.type(), d, false, null));
        }
      }
      slot += Bytecode.size(d);
    }
  }

  /** {@code T$M$p(*T recv, params)}: a value method reached through a pointer: dereference (copy) and call. */
  private void valueMethodBridge(Func f, String name, String desc) {
    Type recvT = f.signature().recv().type();
    String recvDesc = gen.layout.desc(recvT);
    String ptrDesc = gen.layout.desc(new Pointer(recvT));
    String bridgeDesc = "(" + ptrDesc + desc.substring(1 + recvDesc.length());
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC | ACC_SYNTHETIC, name + "$p", bridgeDesc, null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    if (TypeLayout.isValueObject(recvT)) {
      gen.values.copy(mv, recvT);
    } else {
      TypeLayout.Storage st = TypeLayout.storage(recvT);
      mv.visitMethodInsn(INVOKEVIRTUAL, st.ptrClass(), "get", "()" + st.elemDesc, false);
      // the pointer's get() returns the storage type: re-zero-extend unsigned narrow kinds and
      // cast Object storage (slices, maps, funcs, strings, ...) to the receiver's class
      if (TypeLayout.isUnsigned(recvT) && (st == TypeLayout.Storage.BYTE || st == TypeLayout.Storage.SHORT)) {
        Bytecode.iconst(mv, st == TypeLayout.Storage.BYTE ? 0xFF : 0xFFFF);
        mv.visitInsn(IAND);
      }
      FuncGen.castFromStorage(mv, gen, recvT);
    }
    int slot = 1;
    for (Var p : f.signature().params().vars()) {
      String d = gen.layout.desc(p.type());
      mv.visitVarInsn(Bytecode.load(d), slot);
      slot += Bytecode.size(d);
    }
    mv.visitMethodInsn(INVOKESTATIC, funcClass, name, desc, false);
    mv.visitInsn(Bytecode.ret(gen.funcTypes.returnDesc(f.signature())));
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  // ---------------------------------------------------------------- initialisation

  private void initMethod() {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "$init", "()V", null, null);
    mv.visitCode();
    FuncGen fg = new FuncGen(this, mv, null, 0);
    // zero values that are not JVM defaults, and boxes
    for (SourceFile f : cp.files()) {
      for (Decl d : f.decls()) {
        if (!(d instanceof Decl.Gen g) || g.kind() != Decl.Kind.VAR) continue;
        for (Spec s : g.specs()) {
          for (Expr.Ident name : ((Spec.Value) s).names()) {
            if (name.name().equals("_") || !(info.defs.get(name) instanceof Var v)) continue;
            String fd = varFieldDesc(v);
            boolean box = !fd.equals(gen.layout.desc(v.type()));
            if (box) {
              String rc = TypeLayout.storage(v.type()).refClass();
              mv.visitTypeInsn(NEW, rc);
              mv.visitInsn(DUP);
              mv.visitMethodInsn(INVOKESPECIAL, rc, "<init>", "()V", false);
              if (TypeLayout.isString(v.type())) {
                mv.visitInsn(DUP);
                mv.visitLdcInsn("");
                mv.visitFieldInsn(PUTFIELD, rc, "v", "Ljava/lang/Object;");
              }
              mv.visitFieldInsn(PUTSTATIC, className, v.name(), fd);
            } else if (gen.values.zeroNeedsCode(v.type())) {
              gen.values.pushZero(mv, v.type());
              mv.visitFieldInsn(PUTSTATIC, className, v.name(), fd);
            }
          }
        }
      }
    }
    for (Initializer in : info.initOrder) {
      fg.line(in.rhs().pos());
      fg.stmt.packageInit(in);
    }
    for (String init : initFuncs) {
      int dot = init.lastIndexOf('.');
      mv.visitMethodInsn(INVOKESTATIC, init.substring(0, dot), init.substring(dot + 1), "()V", false);
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Stores the stack value (of v's type) into package variable v. */
  void storePackageVar(MethodVisitor mv, Var v) {
    String owner = Names.packageClass(v.pkg().path());
    PackageGen pg = gen.packageGen(v.pkg().path());
    String fd = pg.varFieldDesc(v);
    String d = gen.layout.desc(v.type());
    if (fd.equals(d)) {
      mv.visitFieldInsn(PUTSTATIC, owner, v.name(), fd);
      return;
    }
    TypeLayout.Storage st = TypeLayout.storage(v.type());
    mv.visitFieldInsn(GETSTATIC, owner, v.name(), fd);
    if (Bytecode.size(d) == 2) {
      mv.visitInsn(DUP_X2);
      mv.visitInsn(POP);
    } else {
      mv.visitInsn(SWAP);
    }
    if (st == TypeLayout.Storage.BYTE) mv.visitInsn(I2B);
    if (st == TypeLayout.Storage.SHORT) mv.visitInsn(I2S);
    mv.visitFieldInsn(PUTFIELD, st.refClass(), "v", st.elemDesc);
  }

  /**
   * {@code public static void $persistTypes()}: registers the program's persistable types with the
   * runtime (PersistGen.emitRegistrations). Generated main calls it first; the REPL calls it in its
   * session runtime before each cell, so a session registers exactly what a compiled main would.
   */
  private void persistTypesMethod() {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, CodeGenerator.PERSIST_TYPES, "()V", null, null);
    mv.visitCode();
    gen.persist.emitRegistrations(mv);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void mainMethod(List<CheckedPackage> all) {
    persistTypesMethod();
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Rt", "start", "([Ljava/lang/String;)V", false);
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    Label done = new Label();
    mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
    mv.visitLabel(start);
    if (usesGoroutines(all)) {
      // docs/concurrency.md §1: run main as goroutine 1 on a virtual thread, so that channel
      // hand-offs with other goroutines do not pay an OS wake-up each
      org.objectweb.asm.Type run = org.objectweb.asm.Type.getMethodType("()V");
      mv.visitInvokeDynamicInsn("run", "()Ljava/lang/Runnable;", Closures.LMF, run,
          new org.objectweb.asm.Handle(H_INVOKESTATIC, className, "main$body", "()V", false), run);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Go", "runMain", "(Ljava/lang/Runnable;)V", false);
    } else {
      mainBody(mv, all);
    }
    mv.visitLabel(end);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(handler);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Rt", "crash", "(Ljava/lang/Throwable;)V", false);
    mv.visitInsn(RETURN);
    mv.visitLabel(done);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Rt", "exitMain", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Initialises every package in dependency order, then calls main.main. */
  private void mainBody(MethodVisitor mv, List<CheckedPackage> all) {
    mv.visitMethodInsn(INVOKESTATIC, className, CodeGenerator.PERSIST_TYPES, "()V", false); // persistable types for pmem.New/Get/Make
    for (CheckedPackage p : all) {
      mv.visitMethodInsn(INVOKESTATIC, Names.packageClass(p.importPath()), "$init", "()V", false);
    }
    mv.visitMethodInsn(INVOKESTATIC, gen.funcClass((Func) cp.pkg().scope().lookup("main")), "main", "()V", false);
    gen.persist.emitMainReturned(mv); // persistence hook: close the heap when main returns
  }

  private boolean usesGoroutines(List<CheckedPackage> all) {
    boolean[] found = {false};
    for (CheckedPackage p : all) {
      for (SourceFile f : p.files()) DeferScan.walk(f.decls(), n -> {
        if (n instanceof gopl.frontend.ast.Stmt.Go) found[0] = true;
      }, false);
    }
    if (found[0]) {
      MethodVisitor b = cw.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, "main$body", "()V", null, null);
      b.visitCode();
      mainBody(b, all);
      b.visitInsn(RETURN);
      b.visitMaxs(0, 0);
      b.visitEnd();
    }
    return found[0];
  }

  /** Adds a synthetic static method (closures, deferred-call thunks). */
  MethodVisitor newMethod(String name, String desc) {
    return cw.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, desc, null, null);
  }

  static List<Var> fieldVars(Info info, List<Field> fields) {
    List<Var> out = new ArrayList<>();
    for (Field f : fields) for (Expr.Ident n : f.names()) if (info.defs.get(n) instanceof Var v) out.add(v);
    return out;
  }

  static Obj obj(Info info, Expr.Ident id) {
    return info.objectOf(id);
  }
}
