package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.Pos;
import gopl.frontend.ast.Stmt;
import gopl.types.Info;
import gopl.types.Signature;
import gopl.types.Type;
import gopl.types.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The state of one JVM method being generated from a Go function body (a function, a method, a
 * closure, or package initialisation): local variable slots, boxes for captured and
 * address-taken variables, result variables, the deferred-call list and the exit path, and line
 * numbers. {@link StmtGen} and {@link ExprGen} do the per-node work.
 *
 * <p>Shape of a function with {@code defer} (see gopl.runtime.Defers): the body runs inside a
 * try block; every {@code return} stores its values into the result variables and jumps to the
 * exit label, which runs the deferred calls and returns the result variables; the handler turns a
 * Go panic into {@code Defers.runPanicking} and returns the result variables if it recovered.
 */
final class FuncGen {
  final CodeGenerator gen;
  final PackageGen pkg;
  final Info info;
  final MethodVisitor mv;
  final ExprGen expr;
  final StmtGen stmt;

  /** The Go signature (null for package initialisation). */
  final Signature sig;

  /** Where each local variable lives. */
  private final Map<Var, Local> locals = new IdentityHashMap<>();

  private int nextSlot;
  private int lastLine = -1;

  /** Result variables (named or synthesized), used by returns when results must be stored. */
  final List<Local> results = new ArrayList<>();

  /** True when the body contains defer statements (not counting nested function literals). */
  boolean hasDefer;

  /** Slot of the Defer list when hasDefer. */
  int deferSlot = -1;

  /** Exit label when hasDefer. */
  Label exit;

  /**
   * Open-coded defers (null when the function keeps a Defer list): the defer statements met so
   * far, in source order; bit i of the int in {@link #maskSlot} says whether the i-th has run.
   */
  List<OpenDefer> openDefers;

  /** Slot of the open-coded defers' bitmask. */
  int maskSlot = -1;

  /**
   * One open-coded defer statement: the thunk {@code owner.name desc} to call, and the locals
   * holding the callee and arguments the defer statement evaluated (slot and JVM descriptor each).
   */
  record OpenDefer(String owner, String name, String desc, List<Integer> slots, List<String> descs) {}

  /**
   * A local variable: slot, Go type, JVM descriptor of the slot, whether it holds a box, and the
   * first of the four slots of its parts when it is a slice kept in parts ({@link SliceLocals}), else -1.
   */
  record Local(int slot, Type type, String desc, boolean boxed, String boxClass, int parts) {
    Local(int slot, Type type, String desc, boolean boxed, String boxClass) {
      this(slot, type, desc, boxed, boxClass, -1);
    }
  }

  /** The local slice variables this method keeps in parts ({@link SliceLocals#plan}); set before parameters are bound. */
  private java.util.Set<Var> split = java.util.Set.of();

  /** Index variables of the range loops over slices kept in parts being generated ({@link SliceLocals.RangeIndex}). */
  final Map<Var, SliceLocals.RangeIndex> rangeIndex = new IdentityHashMap<>();

  /** Decides which slice locals of body are kept in parts; call before binding parameters. */
  void planSlices(Stmt.Block body) {
    split = SliceLocals.plan(this, body);
    made = SliceLocals.madeOnly(info, body, split);
  }

  /** The split locals every assignment of which is {@code make([]T, n)} ({@link SliceLocals#madeOnly}). */
  java.util.Set<Var> made = java.util.Set.of();

  /** Whether v is to be kept in parts. */
  boolean splits(Var v) {
    return split.contains(v) && !needsBox(v);
  }

  /** Allocates the four part slots of a split slice local; returns the first. */
  int newParts() {
    int p = newSlot("L");
    newSlot("I");
    newSlot("I");
    newSlot("I");
    return p;
  }

  FuncGen(PackageGen pkg, MethodVisitor mv, Signature sig, int firstSlot) {
    this.gen = pkg.gen;
    this.pkg = pkg;
    this.info = pkg.info;
    this.mv = mv;
    this.sig = sig;
    this.nextSlot = firstSlot;
    this.expr = new ExprGen(this);
    this.stmt = new StmtGen(this);
  }

  // ---------------------------------------------------------------- slots and variables

  int newSlot(String desc) {
    int s = nextSlot;
    nextSlot += Bytecode.size(desc);
    return s;
  }

  /** Whether variable v must live in a heap box (captured by a closure or its address taken). */
  boolean needsBox(Var v) {
    return pkg.boxed(v) && !TypeLayout.isValueObject(v.type());
  }

  /** Declares a local for v (uninitialised) and returns it. */
  Local declare(Var v) {
    Type t = v.type();
    String d = gen.layout.desc(t);
    Local l;
    if (needsBox(v)) {
      String box = TypeLayout.storage(t).refClass();
      l = new Local(newSlot("L"), t, d, true, box);
    } else if (splits(v)) {
      l = new Local(newSlot(d), t, d, false, null, newParts());
    } else {
      l = new Local(newSlot(d), t, d, false, null);
    }
    locals.put(v, l);
    return l;
  }

  /** Binds v to an existing slot (parameters, captured boxes). */
  void bind(Var v, Local l) {
    locals.put(v, l);
  }

  Local local(Var v) {
    return locals.get(v);
  }

  /** Declares v and stores the value on the stack (of v's type) into it. */
  void declareAndStore(Var v) {
    Local l = declare(v);
    if (l.boxed) {
      // value on stack -> new Ref(value)
      String d = l.desc;
      mv.visitTypeInsn(NEW, l.boxClass);
      if (Bytecode.size(d) == 2) {
        mv.visitInsn(DUP_X2);
        mv.visitInsn(DUP_X2);
        mv.visitInsn(POP);
      } else {
        mv.visitInsn(DUP_X1);
        mv.visitInsn(SWAP);
      }
      mv.visitMethodInsn(INVOKESPECIAL, l.boxClass, "<init>", "(" + refFieldDesc(l) + ")V", false);
      mv.visitVarInsn(ASTORE, l.slot);
    } else {
      store(l);
    }
  }

  /** Declares v holding its zero value. */
  void declareZero(Var v) {
    gen.values.pushZero(mv, v.type());
    declareAndStore(v);
  }

  /** The descriptor of a box's field v (a Ref stores its storage kind: byte/short values as int slots? no: as declared). */
  String refFieldDesc(Local l) {
    return TypeLayout.storage(l.type).elemDesc;
  }

  /** Pushes the value of local l. */
  void load(Local l) {
    if (l.boxed) {
      mv.visitVarInsn(ALOAD, l.slot);
      mv.visitFieldInsn(GETFIELD, l.boxClass, "v", refFieldDesc(l));
      widenFromStorage(l.type);
      castFromStorage(mv, gen, l.type);
    } else if (l.parts >= 0) {
      SliceLocals.load(mv, l);
    } else {
      mv.visitVarInsn(Bytecode.load(l.desc), l.slot);
    }
  }

  /** Stores the stack value (of l's type) into l; for boxed l the caller must have pushed the box first via {@link #prepareStore}. */
  void store(Local l) {
    if (l.boxed) {
      narrowToStorage(l.type);
      mv.visitFieldInsn(PUTFIELD, l.boxClass, "v", refFieldDesc(l));
    } else if (l.parts >= 0) {
      SliceLocals.store(mv, l);
    } else {
      mv.visitVarInsn(Bytecode.store(l.desc), l.slot);
    }
  }

  /** Pushes what {@link #store} needs beneath the value (the box for boxed locals). */
  void prepareStore(Local l) {
    if (l.boxed) mv.visitVarInsn(ALOAD, l.slot);
  }

  /** After reading a short/byte storage slot: restore Go's representation (uint8/uint16 zero-extended). */
  void widenFromStorage(Type t) {
    switch (TypeLayout.storage(t)) {
      case BYTE -> {
        if (TypeLayout.isUnsigned(t)) {
          Bytecode.iconst(mv, 0xFF);
          mv.visitInsn(IAND);
        }
      }
      case SHORT -> {
        if (TypeLayout.isUnsigned(t)) {
          Bytecode.iconst(mv, 0xFFFF);
          mv.visitInsn(IAND);
        }
      }
      default -> {}
    }
  }

  /** After reading an Object storage slot: cast to the type's JVM class. */
  static void castFromStorage(MethodVisitor mv, CodeGenerator gen, Type t) {
    if (TypeLayout.storage(t) != TypeLayout.Storage.OBJECT) return;
    String d = gen.layout.desc(t);
    if (d.equals("Ljava/lang/Object;")) return;
    mv.visitTypeInsn(CHECKCAST, d.startsWith("L") ? d.substring(1, d.length() - 1) : d);
  }

  /** Before writing to short/byte storage. */
  void narrowToStorage(Type t) {
    switch (TypeLayout.storage(t)) {
      case BYTE -> mv.visitInsn(I2B);
      case SHORT -> mv.visitInsn(I2S);
      default -> {}
    }
  }

  // ---------------------------------------------------------------- lines

  /** Records a line number for the code that follows (once per line change). */
  void line(Pos p) {
    if (p == null || p.line() <= 0 || p.line() == lastLine) return;
    lastLine = p.line();
    Label l = new Label();
    mv.visitLabel(l);
    mv.visitLineNumber(p.line(), l);
  }

  // ---------------------------------------------------------------- body

  /** Generates body and the method's exit path. Parameters and results must be bound already. */
  void body(Stmt.Block body) {
    hasDefer = DeferScan.hasDefer(body);
    String retDesc = sig == null ? "V" : gen.funcTypes.returnDesc(sig);
    if (!hasDefer) {
      stmt.block(body);
      if (retDesc.equals("V")) mv.visitInsn(RETURN);
      else if (!results.isEmpty() && !StmtGen.terminates(body)) returnResults();
      else if (!StmtGen.terminates(body)) {
        // unreachable in well-typed Go (missing return is an error); keep the verifier happy
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ATHROW);
      }
      return;
    }
    if (DeferScan.openCodable(body)) {
      openCodedBody(body);
      return;
    }
    deferSlot = newSlot("L");
    mv.visitInsn(ACONST_NULL);
    mv.visitVarInsn(ASTORE, deferSlot);
    exit = new Label();
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    mv.visitLabel(start);
    stmt.block(body);
    mv.visitJumpInsn(GOTO, exit);
    mv.visitLabel(end);
    // registered after the body so that handlers inside it (txn blocks) come first in the table
    mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
    // handler: p = GoPanic.of(t); if p == null rethrow; Defers.runPanicking(d, p); return results
    int p = panicHandler(handler);
    runPanickingAndReturn(deferSlot, p);
    mv.visitLabel(exit);
    mv.visitVarInsn(ALOAD, deferSlot);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Defers", "runNormal", "(Lgopl/runtime/Defer;)V", false);
    returnResults();
  }

  /**
   * The body of a function whose defers are open-coded (Go 1.14): a defer statement stores its
   * callee and arguments in locals and sets its bit in a mask; the exit path calls the thunks of
   * the set bits directly, newest first, clearing each bit before its call. A panic in the body
   * or in one of those calls reaches the handler, which links the still-set defers into a Defer
   * list and hands it to Defers.runPanicking, exactly as a list-keeping function does (so
   * recover works unchanged). The locals are zeroed first by a block placed after the code
   * (the verifier needs them initialised on every path to the exit and the handler).
   */
  private void openCodedBody(Stmt.Block body) {
    openDefers = new ArrayList<>();
    maskSlot = newSlot("I");
    exit = new Label();
    Label init = new Label();
    Label bodyStart = new Label();
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    Label exitStart = new Label();
    Label exitEnd = new Label();
    mv.visitJumpInsn(GOTO, init);
    mv.visitLabel(bodyStart);
    mv.visitLabel(start);
    stmt.block(body);
    mv.visitJumpInsn(GOTO, exit);
    mv.visitLabel(end);
    mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
    // normal exit: run the set defers newest first
    mv.visitLabel(exit);
    mv.visitLabel(exitStart);
    for (int i = openDefers.size() - 1; i >= 0; i--) {
      OpenDefer d = openDefers.get(i);
      Label skip = new Label();
      mv.visitVarInsn(ILOAD, maskSlot);
      Bytecode.iconst(mv, 1 << i);
      mv.visitInsn(IAND);
      mv.visitJumpInsn(IFEQ, skip);
      mv.visitVarInsn(ILOAD, maskSlot);
      Bytecode.iconst(mv, ~(1 << i));
      mv.visitInsn(IAND);
      mv.visitVarInsn(ISTORE, maskSlot);
      for (int k = 0; k < d.slots().size(); k++) mv.visitVarInsn(Bytecode.load(d.descs().get(k)), d.slots().get(k));
      mv.visitMethodInsn(INVOKESTATIC, d.owner(), d.name(), d.desc(), false);
      mv.visitLabel(skip);
    }
    mv.visitLabel(exitEnd);
    mv.visitTryCatchBlock(exitStart, exitEnd, handler, "java/lang/Throwable");
    returnResults();
    // handler: p = GoPanic.of(t); if p == null rethrow; list the set defers; Defers.runPanicking
    int p = panicHandler(handler);
    int list = newSlot("L");
    mv.visitInsn(ACONST_NULL);
    mv.visitVarInsn(ASTORE, list);
    org.objectweb.asm.Type run = org.objectweb.asm.Type.getMethodType("()V");
    for (int i = 0; i < openDefers.size(); i++) {
      OpenDefer d = openDefers.get(i);
      Label skip = new Label();
      mv.visitVarInsn(ILOAD, maskSlot);
      Bytecode.iconst(mv, 1 << i);
      mv.visitInsn(IAND);
      mv.visitJumpInsn(IFEQ, skip);
      for (int k = 0; k < d.slots().size(); k++) mv.visitVarInsn(Bytecode.load(d.descs().get(k)), d.slots().get(k));
      mv.visitInvokeDynamicInsn("run", "(" + String.join("", d.descs()) + ")Ljava/lang/Runnable;", Closures.LMF, run,
          new org.objectweb.asm.Handle(H_INVOKESTATIC, d.owner(), d.name(), d.desc(), false), run);
      mv.visitVarInsn(ALOAD, list);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Defer", "push", "(Ljava/lang/Runnable;Lgopl/runtime/Defer;)Lgopl/runtime/Defer;", false);
      mv.visitVarInsn(ASTORE, list);
      mv.visitLabel(skip);
    }
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, maskSlot);
    runPanickingAndReturn(list, p);
    // zero the mask and the defers' locals, then start the body
    mv.visitLabel(init);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, maskSlot);
    for (OpenDefer d : openDefers) {
      for (int k = 0; k < d.slots().size(); k++) {
        Bytecode.zero(mv, d.descs().get(k));
        mv.visitVarInsn(Bytecode.store(d.descs().get(k)), d.slots().get(k));
      }
    }
    mv.visitJumpInsn(GOTO, bodyStart);
  }

  /** Panic path of both defer schemes: Defers.runPanicking(list, p), then return the results (it recovered). */
  private void runPanickingAndReturn(int listSlot, int panicSlot) {
    mv.visitVarInsn(ALOAD, listSlot);
    mv.visitVarInsn(ALOAD, panicSlot);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Defers", "runPanicking", "(Lgopl/runtime/Defer;Lgopl/runtime/GoPanic;)Z", false);
    mv.visitInsn(POP);
    returnResults();
  }

  /**
   * Starts the handler of a function with defers at label handler: converts the caught throwable
   * with GoPanic.of, rethrows it unchanged if it is not a Go panic (the harness's exit), and
   * returns the slot holding the GoPanic.
   */
  private int panicHandler(Label handler) {
    mv.visitLabel(handler);
    int exc = newSlot("L");
    mv.visitVarInsn(ASTORE, exc);
    mv.visitVarInsn(ALOAD, exc);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoPanic", "of", "(Ljava/lang/Throwable;)Lgopl/runtime/GoPanic;", false);
    mv.visitInsn(DUP);
    Label isPanic = new Label();
    mv.visitJumpInsn(IFNONNULL, isPanic);
    mv.visitInsn(POP);
    mv.visitVarInsn(ALOAD, exc);
    mv.visitInsn(ATHROW);
    mv.visitLabel(isPanic);
    int p = newSlot("L");
    mv.visitVarInsn(ASTORE, p);
    return p;
  }

  /** Returns the current values of the result variables. */
  void returnResults() {
    String retDesc = sig == null ? "V" : gen.funcTypes.returnDesc(sig);
    if (retDesc.equals("V")) {
      mv.visitInsn(RETURN);
      return;
    }
    if (results.size() == 1) {
      load(results.get(0));
      mv.visitInsn(Bytecode.ret(retDesc));
      return;
    }
    Bytecode.iconst(mv, results.size());
    mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
    for (int i = 0; i < results.size(); i++) {
      mv.visitInsn(DUP);
      Bytecode.iconst(mv, i);
      load(results.get(i));
      Bytecode.box(mv, results.get(i).desc);
      mv.visitInsn(AASTORE);
    }
    mv.visitInsn(ARETURN);
  }

  /** Declares result variables: named ones from the signature, else synthesized when needed. */
  void declareResults(boolean always) {
    if (sig == null) return;
    for (Var r : sig.results().vars()) {
      boolean named = !r.name().isEmpty();
      if (named || always) {
        gen.values.pushZero(mv, r.type());
        Local l;
        if (named && !r.name().equals("_")) {
          declareAndStore(r);
          l = local(r);
        } else {
          int s = newSlot(gen.layout.desc(r.type()));
          mv.visitVarInsn(Bytecode.store(gen.layout.desc(r.type())), s);
          l = new Local(s, r.type(), gen.layout.desc(r.type()), false, null);
        }
        results.add(l);
      }
    }
  }
}
