package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Decl;
import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.Spec;
import gopl.frontend.ast.Stmt;
import gopl.types.Array;
import gopl.types.Initializer;
import gopl.types.MapType;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Selection;
import gopl.types.Signature;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Tuple;
import gopl.types.Type;
import gopl.types.Typ;
import gopl.types.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Statements (spec "Statements"), one method per kind. Assignments evaluate the right-hand side
 * before storing (spec: "The assignment proceeds in two phases"); struct and array variables are
 * assigned by copying into their object; loops, switches and labels map to JVM jumps.
 */
final class StmtGen {
  private final FuncGen f;
  private final MethodVisitor mv;
  private final CodeGenerator gen;

  /** Enclosing breakable statements, innermost first. */
  private final Deque<Target> targets = new ArrayDeque<>();

  /** Labels of labeled statements for goto. */
  private final Map<String, Label> gotoLabels = new HashMap<>();

  /** The label name given to the statement being generated next (for labeled loops/switches). */
  private String pendingLabel;

  /** Body label of the next case clause, for fallthrough. */
  private Label fallthroughTarget;

  private record Target(String label, Label breakL, Label continueL) {}

  /** Open txn blocks (persistence hook, docs/persistence.md): commits on exits out of them. */
  private final TxnGen txns;

  StmtGen(FuncGen f) {
    this.f = f;
    this.mv = f.mv;
    this.gen = f.gen;
    this.txns = new TxnGen(this, f);
  }

  private ExprGen x() {
    return f.expr;
  }

  void block(Stmt.Block b) {
    for (Stmt s : b.stmts()) stmt(s);
  }

  void stmts(List<Stmt> list) {
    for (Stmt s : list) stmt(s);
  }

  void stmt(Stmt s) {
    f.line(s.pos());
    String label = pendingLabel;
    pendingLabel = null;
    switch (s) {
      case Stmt.DeclStmt d -> declStmt(d.decl());
      case Stmt.Empty e -> {}
      case Stmt.Labeled l -> labeled(l);
      case Stmt.ExprStmt e -> x().genDiscard(e.x());
      case Stmt.IncDec i -> incDec(i);
      case Stmt.Assign a -> assign(a);
      case Stmt.Return r -> ret(r);
      case Stmt.Branch b -> branch(b);
      case Stmt.Block b -> block(b);
      case Stmt.If i -> ifStmt(i);
      case Stmt.For fo -> forStmt(fo, label);
      case Stmt.Range r -> new RangeGen(f, this).range(r, label);
      case Stmt.Switch sw -> switchStmt(sw, label);
      case Stmt.TypeSwitch ts -> typeSwitch(ts, label);
      case Stmt.Defer d -> deferStmt(d);
      case Stmt.Go g -> goStmt(g);
      case Stmt.Txn t -> txns.txn(t, mv, targets.size());
      case Stmt.Send sd -> send(sd);
      case Stmt.Select sel -> new SelectGen(f, this).select(sel, label);
      default -> throw new CodegenException(s.pos(), "not supported in GoPL code generator yet: " + s.getClass().getSimpleName());
    }
  }

  /** {@code ch <- v}. */
  private void send(Stmt.Send s) {
    Type elem = ((gopl.types.Chan) x().typeOf(s.chan()).underlying()).elem();
    x().gen(s.chan());
    x().genValue(s.value(), elem);
    Bytecode.box(mv, gen.layout.desc(elem));
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Chan", "send", "(Lgopl/runtime/conc/Chan;Ljava/lang/Object;)V", false);
  }

  // ---------------------------------------------------------------- declarations

  private void declStmt(Decl.Gen g) {
    if (g.kind() != Decl.Kind.VAR) return;
    for (Spec sp : g.specs()) {
      Spec.Value v = (Spec.Value) sp;
      List<Var> vars = new ArrayList<>();
      for (Expr.Ident n : v.names()) vars.add((Var) f.info.defs.get(n));
      if (v.values().isEmpty()) {
        for (Var var : vars) if (var != null) f.declareZero(var);
      } else {
        defineVars(vars, v.values());
      }
    }
  }

  /** Declares vars and initialises them from values (n:n or n:1 tuple / comma-ok). */
  private void defineVars(List<Var> vars, List<Expr> values) {
    if (vars.size() == values.size()) {
      if (vars.size() == 1) {
        Var v = vars.get(0);
        if (v == null) {
          x().genDiscard(values.get(0));
          return;
        }
        x().genValue(values.get(0), v.type());
        f.declareAndStore(v);
        return;
      }
      int[] tmps = new int[vars.size()];
      for (int i = 0; i < vars.size(); i++) {
        Type t = vars.get(i) == null ? x().typeOf(values.get(i)) : vars.get(i).type();
        x().genValue(values.get(i), t);
        tmps[i] = f.newSlot(gen.layout.desc(t));
        mv.visitVarInsn(Bytecode.store(gen.layout.desc(t)), tmps[i]);
      }
      for (int i = 0; i < vars.size(); i++) {
        Var v = vars.get(i);
        if (v == null) continue;
        mv.visitVarInsn(Bytecode.load(gen.layout.desc(v.type())), tmps[i]);
        f.declareAndStore(v);
      }
      return;
    }
    // n := f() or v, ok := m[k] / x.(T)
    List<Type> types = multiValue(values.get(0));
    int tmp = f.newSlot("L");
    mv.visitVarInsn(ASTORE, tmp);
    for (int i = 0; i < vars.size(); i++) {
      Var v = vars.get(i);
      if (v == null) continue;
      x().calls.loadTupleElem(tmp, i, types.get(i));
      x().coerce(types.get(i), v.type());
      f.declareAndStore(v);
    }
  }

  /**
   * Evaluates a multi-valued expression (call with several results, comma-ok map index, type
   * assertion) into an Object[] on the stack; returns the element types.
   */
  List<Type> multiValue(Expr e) {
    Expr u = ExprGen.unparen(e);
    Type t = x().typeOf(e);
    List<Type> types = new ArrayList<>();
    for (Var v : ((Tuple) t).vars()) types.add(v.type());
    if (u instanceof Expr.Call c) {
      x().calls.call(c);
      return types;
    }
    if (u instanceof Expr.Index ix) {
      MapType m = (MapType) x().typeOf(ix.x()).underlying();
      Collections c = new Collections(x());
      x().gen(ix.x());
      c.mapKey(ix.index(), m);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "lookup", "(Lgopl/runtime/GoMap;Ljava/lang/Object;)Ljava/lang/Object;", false);
      int r = f.newSlot("L");
      mv.visitVarInsn(ASTORE, r);
      tuple2(() -> {
        mv.visitVarInsn(ALOAD, r);
        c.unboxMapValue(m.elem());
        Bytecode.box(mv, gen.layout.desc(m.elem()));
      }, () -> {
        Label no = new Label();
        Label done = new Label();
        mv.visitVarInsn(ALOAD, r);
        mv.visitFieldInsn(GETSTATIC, "gopl/runtime/GoMap", "ABSENT", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPEQ, no);
        mv.visitInsn(ICONST_1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(no);
        mv.visitInsn(ICONST_0);
        mv.visitLabel(done);
        Bytecode.box(mv, "Z");
      });
      types.set(1, Typ.BOOL);
      return types;
    }
    if (u instanceof Expr.TypeAssert ta) {
      Type target = types.get(0);
      x().gen(ta.x());
      int r = f.newSlot("L");
      mv.visitVarInsn(ASTORE, r);
      int ok = f.newSlot("I");
      mv.visitVarInsn(ALOAD, r);
      x().typeTest(target);
      mv.visitVarInsn(ISTORE, ok);
      tuple2(() -> {
        Label no = new Label();
        Label done = new Label();
        mv.visitVarInsn(ILOAD, ok);
        mv.visitJumpInsn(IFEQ, no);
        mv.visitVarInsn(ALOAD, r);
        x().unwrapTo(target);
        Bytecode.box(mv, gen.layout.desc(target));
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(no);
        gen.values.pushZero(mv, target);
        Bytecode.box(mv, gen.layout.desc(target));
        mv.visitLabel(done);
      }, () -> {
        mv.visitVarInsn(ILOAD, ok);
        Bytecode.box(mv, "Z");
      });
      types.set(1, Typ.BOOL);
      return types;
    }
    if (u instanceof Expr.Unary ur && ur.op() == Op.ARROW) {
      Type elem = ((gopl.types.Chan) x().typeOf(ur.x()).underlying()).elem();
      x().gen(ur.x());
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Chan", "recv2", "(Lgopl/runtime/conc/Chan;)Ljava/lang/Object;", false);
      int r = f.newSlot("L");
      mv.visitVarInsn(ASTORE, r);
      tuple2(() -> {
        mv.visitVarInsn(ALOAD, r);
        new Collections(x()).unboxReceived(elem);
        Bytecode.box(mv, gen.layout.desc(elem));
      }, () -> {
        Label no = new Label();
        Label done = new Label();
        mv.visitVarInsn(ALOAD, r);
        mv.visitFieldInsn(GETSTATIC, "gopl/runtime/conc/Chan", "CLOSED", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPEQ, no);
        mv.visitInsn(ICONST_1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(no);
        mv.visitInsn(ICONST_0);
        mv.visitLabel(done);
        Bytecode.box(mv, "Z");
      });
      types.set(1, Typ.BOOL);
      return types;
    }
    throw new CodegenException(e.pos(), "not supported in GoPL code generator yet: multi-valued " + u.getClass().getSimpleName());
  }

  private void tuple2(Runnable first, Runnable second) {
    mv.visitInsn(ICONST_2);
    mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
    mv.visitInsn(DUP);
    mv.visitInsn(ICONST_0);
    first.run();
    mv.visitInsn(AASTORE);
    mv.visitInsn(DUP);
    mv.visitInsn(ICONST_1);
    second.run();
    mv.visitInsn(AASTORE);
  }

  /** One package-level initialiser (spec "Package initialization"). */
  void packageInit(Initializer in) {
    List<Var> lhs = in.lhs();
    if (lhs.size() == 1) {
      Var v = lhs.get(0);
      if (v.name().equals("_")) {
        x().genDiscard(in.rhs());
        return;
      }
      x().genValue(in.rhs(), v.type());
      f.pkg.storePackageVar(mv, v);
      return;
    }
    List<Type> types = multiValue(in.rhs());
    int tmp = f.newSlot("L");
    mv.visitVarInsn(ASTORE, tmp);
    for (int i = 0; i < lhs.size(); i++) {
      Var v = lhs.get(i);
      if (v.name().equals("_")) continue;
      x().calls.loadTupleElem(tmp, i, types.get(i));
      x().coerce(types.get(i), v.type());
      f.pkg.storePackageVar(mv, v);
    }
  }

  // ---------------------------------------------------------------- assignment

  private void incDec(Stmt.IncDec s) {
    LValue lv = LValue.of(x(), s.x());
    Type t = lv.type();
    if (lv instanceof LValue.MapEntry me && me.addsInPlace()) {
      me.prepareAdd(null);
      mv.visitInsn(s.op() == Op.INC ? LCONST_1 : LCONST_0);
      if (s.op() == Op.DEC) {
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LSUB);
      }
      me.add();
      return;
    }
    lv.prepare();
    lv.dupPrepared();
    lv.load();
    String d = gen.layout.desc(t);
    switch (d) {
      case "J" -> {
        mv.visitInsn(LCONST_1);
        mv.visitInsn(s.op() == Op.INC ? LADD : LSUB);
      }
      case "I" -> {
        mv.visitInsn(ICONST_1);
        mv.visitInsn(s.op() == Op.INC ? IADD : ISUB);
        Arith.truncate(mv, t);
      }
      case "D" -> {
        mv.visitInsn(DCONST_1);
        mv.visitInsn(s.op() == Op.INC ? DADD : DSUB);
      }
      case "F" -> {
        mv.visitInsn(FCONST_1);
        mv.visitInsn(s.op() == Op.INC ? FADD : FSUB);
      }
      default -> throw new CodegenException(s.pos(), "bad ++/-- operand");
    }
    lv.store();
  }

  private void assign(Stmt.Assign a) {
    if (a.op() == Op.DEFINE) {
      define(a);
      return;
    }
    if (a.op() != Op.ASSIGN) {
      Op bin = a.op().binaryOfAssign();
      LValue lv = LValue.of(x(), a.lhs().get(0));
      Type t = lv.type();
      if ((bin == Op.ADD || bin == Op.SUB) && lv instanceof LValue.MapEntry me && me.addsInPlace()) {
        // m[k] += v: one lookup, the value added where it is stored
        me.prepareAdd(a.rhs().get(0));
        x().genValue(a.rhs().get(0), t);
        if (bin == Op.SUB) mv.visitInsn(LNEG);
        me.add();
        return;
      }
      lv.prepare();
      lv.dupPrepared();
      lv.load();
      Expr y = a.rhs().get(0);
      if (bin == Op.SHL || bin == Op.SHR) {
        Arith.shift(x(), bin, t, y);
      } else {
        x().gen(y);
        Arith.binary(x(), bin, t, y);
      }
      lv.store();
      return;
    }
    if (SliceLocals.selfAppend(x(), a)) return; // s = append(s, v) in place for a slice kept in parts
    List<Expr> lhs = a.lhs();
    List<Expr> rhs = a.rhs();
    if (lhs.size() > 1) lhs = TupleAssign.freeze(f, lhs);
    if (lhs.size() == 1 && rhs.size() == 1) {
      LValue lv = LValue.of(x(), lhs.get(0));
      if (lv == null) {
        x().genDiscard(rhs.get(0));
        return;
      }
      lv.prepare();
      x().genValue(rhs.get(0), lv.type());
      lv.store();
      return;
    }
    if (lhs.size() == rhs.size()) {
      // spec: "First, the operands of index expressions and pointer indirections ... and the expressions on the right are all evaluated in the usual order. Second, the assignments are carried out in left-to-right order."
      int[] tmps = new int[rhs.size()];
      Type[] types = new Type[rhs.size()];
      for (int i = 0; i < rhs.size(); i++) {
        LValue lv = LValue.of(x(), lhs.get(i));
        types[i] = lv == null ? x().typeOf(rhs.get(i)) : lv.type();
        x().genValue(rhs.get(i), types[i]);
        tmps[i] = f.newSlot(gen.layout.desc(types[i]));
        mv.visitVarInsn(Bytecode.store(gen.layout.desc(types[i])), tmps[i]);
      }
      for (int i = 0; i < lhs.size(); i++) {
        LValue lv = LValue.of(x(), lhs.get(i));
        if (lv == null) continue;
        lv.prepare();
        mv.visitVarInsn(Bytecode.load(gen.layout.desc(types[i])), tmps[i]);
        lv.store();
      }
      return;
    }
    List<Type> types = multiValue(rhs.get(0));
    int tmp = f.newSlot("L");
    mv.visitVarInsn(ASTORE, tmp);
    for (int i = 0; i < lhs.size(); i++) {
      LValue lv = LValue.of(x(), lhs.get(i));
      if (lv == null) continue;
      lv.prepare();
      x().calls.loadTupleElem(tmp, i, types.get(i));
      x().coerce(types.get(i), lv.type());
      lv.store();
    }
  }

  /** {@code a, b := ...}: new variables are defined, redeclared ones assigned. */
  private void define(Stmt.Assign a) {
    List<Expr> lhs = a.lhs();
    boolean allNew = true;
    List<Var> vars = new ArrayList<>();
    for (Expr e : lhs) {
      Expr.Ident id = (Expr.Ident) e;
      Obj d = f.info.defs.get(id);
      if (id.name().equals("_")) vars.add(null);
      else if (d instanceof Var v) vars.add(v);
      else {
        allNew = false;
        vars.add(null);
      }
    }
    if (allNew) {
      defineVars(vars, a.rhs());
      return;
    }
    // mixed: evaluate into temps, then define/assign each
    List<Expr> rhs = a.rhs();
    List<Type> types = new ArrayList<>();
    int tuple = -1;
    int[] tmps = new int[lhs.size()];
    if (rhs.size() == lhs.size()) {
      for (int i = 0; i < rhs.size(); i++) {
        Type t = targetType(lhs.get(i), rhs.get(i));
        types.add(t);
        x().genValue(rhs.get(i), t);
        tmps[i] = f.newSlot(gen.layout.desc(t));
        mv.visitVarInsn(Bytecode.store(gen.layout.desc(t)), tmps[i]);
      }
    } else {
      types = multiValue(rhs.get(0));
      tuple = f.newSlot("L");
      mv.visitVarInsn(ASTORE, tuple);
    }
    for (int i = 0; i < lhs.size(); i++) {
      Expr.Ident id = (Expr.Ident) lhs.get(i);
      if (id.name().equals("_")) continue;
      Obj d = f.info.defs.get(id);
      Var target = d instanceof Var v ? v : (Var) f.info.uses.get(id);
      LValue lv = d instanceof Var ? null : LValue.of(x(), id);
      if (lv != null) lv.prepare();
      if (tuple >= 0) {
        x().calls.loadTupleElem(tuple, i, types.get(i));
        x().coerce(types.get(i), target.type());
      } else {
        mv.visitVarInsn(Bytecode.load(gen.layout.desc(types.get(i))), tmps[i]);
      }
      if (lv != null) lv.store();
      else f.declareAndStore(target);
    }
  }

  private Type targetType(Expr lhs, Expr rhs) {
    Expr.Ident id = (Expr.Ident) lhs;
    Obj o = f.info.objectOf(id);
    if (o instanceof Var v) return v.type();
    return x().typeOf(rhs);
  }

  // ---------------------------------------------------------------- return

  private void ret(Stmt.Return r) {
    Signature sig = f.sig;
    List<Expr> res = r.results();
    int n = sig == null ? 0 : sig.results().size();
    if (res.isEmpty()) {
      // bare return (named results) or no results
      txns.beforeReturn(mv);
      if (f.hasDefer) mv.visitJumpInsn(GOTO, f.exit);
      else f.returnResults();
      return;
    }
    List<Var> rv = sig.results().vars();
    if (!f.hasDefer && n == 1 && res.size() == 1) {
      x().genValue(res.get(0), rv.get(0).type());
      txns.beforeReturn(mv);
      mv.visitInsn(Bytecode.ret(gen.layout.desc(rv.get(0).type())));
      return;
    }
    if (f.hasDefer || !f.results.isEmpty()) {
      // store into result variables, then exit
      storeResults(res, rv);
      txns.beforeReturn(mv);
      if (f.hasDefer) mv.visitJumpInsn(GOTO, f.exit);
      else f.returnResults();
      return;
    }
    // multiple results without named results: build the tuple directly
    if (res.size() == n) {
      Bytecode.iconst(mv, n);
      mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
      for (int i = 0; i < n; i++) {
        mv.visitInsn(DUP);
        Bytecode.iconst(mv, i);
        Type t = rv.get(i).type();
        x().genValue(res.get(i), t);
        Bytecode.box(mv, gen.layout.desc(t));
        mv.visitInsn(AASTORE);
      }
      txns.beforeReturn(mv);
      mv.visitInsn(ARETURN);
      return;
    }
    // return f() with f multi-valued: re-box with conversions
    List<Type> types = multiValue(res.get(0));
    int tmp = f.newSlot("L");
    mv.visitVarInsn(ASTORE, tmp);
    Bytecode.iconst(mv, n);
    mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
    for (int i = 0; i < n; i++) {
      mv.visitInsn(DUP);
      Bytecode.iconst(mv, i);
      x().calls.loadTupleElem(tmp, i, types.get(i));
      x().coerce(types.get(i), rv.get(i).type());
      Bytecode.box(mv, gen.layout.desc(rv.get(i).type()));
      mv.visitInsn(AASTORE);
    }
    txns.beforeReturn(mv);
    mv.visitInsn(ARETURN);
  }

  private void storeResults(List<Expr> res, List<Var> rv) {
    int n = rv.size();
    int[] tmps = new int[n];
    if (res.size() == n) {
      for (int i = 0; i < n; i++) {
        Type t = rv.get(i).type();
        x().genValue(res.get(i), t);
        tmps[i] = f.newSlot(gen.layout.desc(t));
        mv.visitVarInsn(Bytecode.store(gen.layout.desc(t)), tmps[i]);
      }
      for (int i = 0; i < n; i++) {
        FuncGen.Local l = f.results.get(i);
        f.prepareStore(l);
        mv.visitVarInsn(Bytecode.load(gen.layout.desc(rv.get(i).type())), tmps[i]);
        f.store(l);
      }
      return;
    }
    List<Type> types = multiValue(res.get(0));
    int tmp = f.newSlot("L");
    mv.visitVarInsn(ASTORE, tmp);
    for (int i = 0; i < n; i++) {
      FuncGen.Local l = f.results.get(i);
      f.prepareStore(l);
      x().calls.loadTupleElem(tmp, i, types.get(i));
      x().coerce(types.get(i), rv.get(i).type());
      f.store(l);
    }
  }

  // ---------------------------------------------------------------- control flow

  private void labeled(Stmt.Labeled l) {
    Label lab = gotoLabels.computeIfAbsent(l.label().name(), k -> new Label());
    mv.visitLabel(lab);
    pendingLabel = l.label().name();
    stmt(l.stmt());
    pendingLabel = null;
  }

  private void branch(Stmt.Branch b) {
    switch (b.tok()) {
      case BREAK -> {
        Target t = find(b, false);
        txns.beforeBranch(mv, targetPosition(t));
        mv.visitJumpInsn(GOTO, t.breakL);
      }
      case CONTINUE -> {
        Target t = find(b, true);
        txns.beforeBranch(mv, targetPosition(t));
        mv.visitJumpInsn(GOTO, t.continueL);
      }
      case GOTO -> {
        txns.beforeGoto(mv, b.label().name());
        mv.visitJumpInsn(GOTO, gotoLabels.computeIfAbsent(b.label().name(), k -> new Label()));
      }
      case FALLTHROUGH -> mv.visitJumpInsn(GOTO, fallthroughTarget);
      default -> throw new CodegenException(b.pos(), "bad branch");
    }
  }

  /** Position of t in the target stack, 0 = outermost (for txn blocks left by a branch). */
  private int targetPosition(Target t) {
    int i = 0;
    for (Target u : targets) {
      if (u == t) return targets.size() - 1 - i;
      i++;
    }
    return 0;
  }

  private Target find(Stmt.Branch b, boolean needContinue) {
    for (Target t : targets) {
      if (needContinue && t.continueL == null) continue;
      if (b.label() == null || b.label().name().equals(t.label)) return t;
    }
    throw new CodegenException(b.pos(), "branch target not found");
  }

  private void ifStmt(Stmt.If s) {
    if (s.init() != null) stmt(s.init());
    Label els = new Label();
    Label end = new Label();
    x().cond(s.cond(), false, els);
    block(s.then());
    if (s.els() != null) {
      if (!terminates(s.then())) mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(els);
      f.line(s.els().pos());
      stmt(s.els());
    } else {
      mv.visitLabel(els);
    }
    mv.visitLabel(end);
  }

  private void forStmt(Stmt.For s, String label) {
    if (s.init() != null) stmt(s.init());
    Label top = new Label();
    Label cont = new Label();
    Label brk = new Label();
    Label cond = new Label();
    mv.visitJumpInsn(GOTO, cond);
    mv.visitLabel(top);
    loopBody(label, brk, cont, () -> block(s.body()));
    mv.visitLabel(cont);
    if (s.post() != null) stmt(s.post());
    mv.visitLabel(cond);
    if (s.cond() != null) x().cond(s.cond(), true, top);
    else mv.visitJumpInsn(GOTO, top);
    mv.visitLabel(brk);
  }

  /** Pushes a break target (select statements). */
  void pushBreak(String label, Label brk) {
    targets.push(new Target(label, brk, null));
  }

  void popBreak() {
    targets.pop();
  }

  /** Runs body with break/continue targets pushed. */
  void loopBody(String label, Label brk, Label cont, Runnable body) {
    targets.push(new Target(label, brk, cont));
    try {
      body.run();
    } finally {
      targets.pop();
    }
  }

  private void switchStmt(Stmt.Switch s, String label) {
    if (s.init() != null) stmt(s.init());
    Type tagType = s.tag() == null ? Typ.BOOL : x().typeOf(s.tag());
    int tag = -1;
    if (s.tag() != null) {
      x().gen(s.tag());
      if (tagType instanceof gopl.types.Basic bb && bb.isUntyped()) tagType = ExprGen.defaultType(x().tv(s.tag()).value());
      tag = f.newSlot(gen.layout.desc(tagType));
      mv.visitVarInsn(Bytecode.store(gen.layout.desc(tagType)), tag);
    }
    Label brk = new Label();
    List<Stmt.CaseClause> clauses = s.clauses();
    Label[] bodies = new Label[clauses.size()];
    for (int i = 0; i < bodies.length; i++) bodies[i] = new Label();
    Label dflt = brk;
    for (int i = 0; i < clauses.size(); i++) {
      Stmt.CaseClause cc = clauses.get(i);
      if (cc.isDefault() || cc.list().isEmpty()) {
        dflt = bodies[i];
        continue;
      }
      for (Expr e : cc.list()) {
        f.line(e.pos());
        if (tag < 0) {
          x().cond(e, true, bodies[i]);
        } else {
          Type et = x().typeOf(e);
          if (x().isNil(e)) {
            mv.visitVarInsn(ALOAD, tag);
            mv.visitJumpInsn(IFNULL, bodies[i]);
            continue;
          }
          boolean ti = TypeLayout.isInterface(tagType);
          boolean ei = TypeLayout.isInterface(et);
          Type cmp = ti ? tagType : et;
          mv.visitVarInsn(Bytecode.load(gen.layout.desc(tagType)), tag);
          if (!ti && ei) gen.values.toIface(mv, tagType);
          x().genValue(e, cmp);
          gen.values.equalsJump(mv, cmp, true, bodies[i]);
        }
      }
    }
    mv.visitJumpInsn(GOTO, dflt);
    targets.push(new Target(label, brk, null));
    try {
      for (int i = 0; i < clauses.size(); i++) {
        mv.visitLabel(bodies[i]);
        fallthroughTarget = i + 1 < bodies.length ? bodies[i + 1] : brk;
        stmts(clauses.get(i).body());
        if (!endsWithFallthrough(clauses.get(i).body())) mv.visitJumpInsn(GOTO, brk);
      }
    } finally {
      targets.pop();
    }
    mv.visitLabel(brk);
  }

  private static boolean endsWithFallthrough(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Branch b && b.tok() == Op.FALLTHROUGH;
  }

  private void typeSwitch(Stmt.TypeSwitch s, String label) {
    if (s.init() != null) stmt(s.init());
    Expr.TypeAssert ta;
    if (s.assign() instanceof Stmt.Assign a) ta = (Expr.TypeAssert) ExprGen.unparen(a.rhs().get(0));
    else ta = (Expr.TypeAssert) ExprGen.unparen(((Stmt.ExprStmt) s.assign()).x());
    x().gen(ta.x());
    int v = f.newSlot("L");
    mv.visitVarInsn(ASTORE, v);
    Label brk = new Label();
    List<Stmt.CaseClause> clauses = s.clauses();
    Label[] bodies = new Label[clauses.size()];
    for (int i = 0; i < bodies.length; i++) bodies[i] = new Label();
    Label dflt = brk;
    for (int i = 0; i < clauses.size(); i++) {
      Stmt.CaseClause cc = clauses.get(i);
      if (cc.isDefault() || cc.list().isEmpty()) {
        dflt = bodies[i];
        continue;
      }
      for (Expr e : cc.list()) {
        mv.visitVarInsn(ALOAD, v);
        if (x().isNil(e)) {
          mv.visitJumpInsn(IFNULL, bodies[i]);
          continue;
        }
        x().typeTest(x().typeOf(e));
        mv.visitJumpInsn(IFNE, bodies[i]);
      }
    }
    mv.visitJumpInsn(GOTO, dflt);
    targets.push(new Target(label, brk, null));
    try {
      for (int i = 0; i < clauses.size(); i++) {
        Stmt.CaseClause cc = clauses.get(i);
        mv.visitLabel(bodies[i]);
        if (f.info.implicits.get(cc) instanceof Var cv) {
          // spec: "in clauses with a case listing exactly one type, the variable has that type; otherwise, the variable has the type of the expression in the TypeSwitchGuard"
          mv.visitVarInsn(ALOAD, v);
          if (cc.list().size() == 1 && !x().isNil(cc.list().get(0))) x().unwrapTo(cv.type());
          f.declareAndStore(cv);
        }
        stmts(cc.body());
        mv.visitJumpInsn(GOTO, brk);
      }
    } finally {
      targets.pop();
    }
    mv.visitLabel(brk);
  }

  // ---------------------------------------------------------------- defer and go

  /**
   * {@code defer f(args)}: evaluates the function value and arguments now and pushes a Runnable
   * that makes the call (spec: "the function value and parameters to the call are evaluated as
   * usual and saved anew but the actual function is not invoked").
   */
  private void deferStmt(Stmt.Defer d) {
    if (f.openDefers != null) {
      // open-coded (FuncGen.openCodedBody): keep the evaluated callee and arguments in their
      // locals and set this defer's bit; the exit path calls the thunk directly
      Thunk t = prepareThunk((Expr.Call) ExprGen.unparen(d.call()), true);
      int bit = f.openDefers.size();
      f.openDefers.add(new FuncGen.OpenDefer(f.pkg.funcClass, t.name(), t.desc(), t.slots(), t.descs()));
      mv.visitVarInsn(ILOAD, f.maskSlot);
      Bytecode.iconst(mv, 1 << bit);
      mv.visitInsn(IOR);
      mv.visitVarInsn(ISTORE, f.maskSlot);
      return;
    }
    mv.visitVarInsn(ALOAD, f.deferSlot);
    thunk((Expr.Call) ExprGen.unparen(d.call()), true);
    mv.visitInsn(SWAP);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Defer", "push", "(Ljava/lang/Runnable;Lgopl/runtime/Defer;)Lgopl/runtime/Defer;", false);
    mv.visitVarInsn(ASTORE, f.deferSlot);
  }

  /** {@code go f(args)}: evaluates now, runs the call on a new virtual thread (goroutine). */
  private void goStmt(Stmt.Go g) {
    thunk((Expr.Call) ExprGen.unparen(g.call()), false);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Go", "go", "(Ljava/lang/Runnable;)V", false);
  }

  /**
   * Pushes a Runnable that performs call c with its callee and arguments evaluated now: the
   * arguments are stored in fresh variables and a closure over them makes the call. A defer's
   * thunk is named {@code defer$N}: {@code Defers.recover} recognises the deferred function's
   * caller by that name.
   */
  private void thunk(Expr.Call c, boolean isDefer) {
    Thunk t = prepareThunk(c, isDefer);
    for (int i = 0; i < t.slots().size(); i++) mv.visitVarInsn(Bytecode.load(t.descs().get(i)), t.slots().get(i));
    org.objectweb.asm.Type run = org.objectweb.asm.Type.getMethodType("()V");
    mv.visitInvokeDynamicInsn("run", "(" + String.join("", t.descs()) + ")Ljava/lang/Runnable;", Closures.LMF, run,
        new Handle(H_INVOKESTATIC, f.pkg.funcClass, t.name(), t.desc(), false), run);
  }

  /** A generated thunk (static method name and descriptor) and the locals holding its arguments. */
  private record Thunk(String name, String desc, List<Integer> slots, List<String> descs) {}

  /**
   * Evaluates call c's callee (unless static) and arguments into fresh locals, and generates the
   * thunk method that makes the call from them.
   */
  private Thunk prepareThunk(Expr.Call c, boolean isDefer) {
    // Evaluate each argument into a temp; build a synthetic method taking them.
    Expr fun = ExprGen.unparen(c.fun());
    List<Expr> args = c.args();
    List<String> descs = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    boolean builtinOrConv = x().tv(fun) != null && (x().tv(fun).isBuiltin() || x().tv(fun).isType());
    Signature sig = builtinOrConv ? null : (Signature) x().typeOf(fun).underlying();
    // callee value (func values and method values); static functions need none
    boolean staticCallee = builtinOrConv || isStaticCallee(fun);
    if (!staticCallee) {
      x().gen(fun);
      int s = f.newSlot("L");
      mv.visitVarInsn(ASTORE, s);
      slots.add(s);
      descs.add(gen.layout.desc(x().typeOf(fun)));
    }
    List<Type> argTypes = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Type pt = paramType(sig, c, i);
      x().genValue(args.get(i), pt);
      String d = gen.layout.desc(pt);
      int s = f.newSlot(d);
      mv.visitVarInsn(Bytecode.store(d), s);
      slots.add(s);
      descs.add(d);
      argTypes.add(pt);
    }
    String name = isDefer ? "defer$" + f.pkg.closureName().substring("func$".length()) : f.pkg.closureName();
    String desc = "(" + String.join("", descs) + ")V";
    MethodVisitor tm = f.pkg.newMethod(name, desc);
    tm.visitCode();
    FuncGen inner = new FuncGen(f.pkg, tm, null, 0);
    int slot = 0;
    int k = 0;
    if (!staticCallee) {
      tm.visitVarInsn(ALOAD, 0);
      slot = 1;
      k = 1;
    }
    // Re-express the call over the parameters of the thunk.
    List<Integer> argSlots = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      argSlots.add(slot);
      slot += Bytecode.size(descs.get(k + i));
    }
    new ThunkCall(inner, f.expr, c, staticCallee, argTypes, argSlots).emit();
    tm.visitInsn(RETURN);
    tm.visitMaxs(0, 0);
    tm.visitEnd();
    return new Thunk(name, desc, slots, descs);
  }

  private boolean isStaticCallee(Expr fun) {
    Obj o = null;
    if (fun instanceof Expr.Ident id) o = f.info.uses.get(id);
    else if (fun instanceof Expr.Selector s && f.info.selections.get(s) == null) o = f.info.uses.get(s.sel());
    return o instanceof gopl.types.Func fn && fn.signature().recv() == null;
  }

  private Type paramType(Signature sig, Expr.Call c, int i) {
    if (sig == null && i == 1 && x().tv(ExprGen.unparen(c.fun())).isBuiltin()
        && x().typeOf(c.args().get(0)).underlying() instanceof gopl.types.MapType m) {
      return m.key(); // delete(m, key): the key converts to the map's key type
    }
    if (sig == null) {
      Type t = x().typeOf(c.args().get(i));
      if (x().isNil(c.args().get(i)) || t instanceof gopl.types.Basic b && b.isUntyped()) return gopl.types.Universe.any();
      return t;
    }
    List<Var> ps = sig.params().vars();
    if (sig.variadic() && i >= ps.size() - 1) {
      if (c.hasEllipsis()) return ps.get(ps.size() - 1).type();
      return ((Slice) ps.get(ps.size() - 1).type().underlying()).elem();
    }
    return ps.get(i).type();
  }

  // ---------------------------------------------------------------- helpers

  /** True if the statement list certainly does not fall through (return, panic, goto, ...). */
  static boolean terminates(Stmt s) {
    return switch (s) {
      case Stmt.Return r -> true;
      case Stmt.Branch b -> b.tok() == Op.GOTO;
      case Stmt.Block b -> !b.stmts().isEmpty() && terminates(b.stmts().get(b.stmts().size() - 1));
      case Stmt.ExprStmt e -> e.x() instanceof Expr.Call c && c.fun() instanceof Expr.Ident id && id.name().equals("panic");
      case Stmt.If i -> i.els() != null && terminates(i.then()) && terminates(i.els());
      default -> false;
    };
  }

  static boolean isArrayOrStruct(Type t) {
    return t.underlying() instanceof Array || t.underlying() instanceof Struct;
  }

  static boolean isPointer(Type t) {
    return t.underlying() instanceof Pointer;
  }

  static Selection unusedSelection() {
    return null;
  }
}
