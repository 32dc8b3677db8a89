package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.types.Array;
import gopl.types.Basic;
import gopl.types.Const;
import gopl.types.Constant;
import gopl.types.Func;
import gopl.types.Interface;
import gopl.types.MapType;
import gopl.types.Named;
import gopl.types.Nil;
import gopl.types.Obj;
import gopl.types.PkgName;
import gopl.types.Pointer;
import gopl.types.Selection;
import gopl.types.Signature;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Tuple;
import gopl.types.Type;
import gopl.types.TypeAndValue;
import gopl.types.Typ;
import gopl.types.Var;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Expressions: pushes the value of an expression in the JVM representation of its Go type
 * (TypeLayout). Constants come from the checker's recorded values; operators follow the spec's
 * integer rules (wrap-around at every width, unsigned division and comparison, shifts by counts
 * at or beyond the width); value objects are copied where Go copies.
 */
final class ExprGen {
  final FuncGen f;
  final CodeGenerator gen;
  final MethodVisitor mv;
  final CallGen calls;

  ExprGen(FuncGen f) {
    this.f = f;
    this.gen = f.gen;
    this.mv = f.mv;
    this.calls = new CallGen(this);
  }

  static Expr unparen(Expr e) {
    while (e instanceof Expr.Paren p) e = p.x();
    return e;
  }

  /** The recorded type of e. */
  Type typeOf(Expr e) {
    Type t = f.info.typeOf(e);
    if (t == null) throw new CodegenException(e.pos(), "no type recorded for expression");
    return t;
  }

  TypeAndValue tv(Expr e) {
    return f.info.types.get(e);
  }

  // ---------------------------------------------------------------- entry points

  /** Pushes e converted for assignment to a slot of type target (copy of value objects, interface boxing). */
  void genValue(Expr e, Type target) {
    Type t = typeOf(e);
    if (isNil(e)) {
      mv.visitInsn(ACONST_NULL);
      return;
    }
    if (TypeLayout.isInterface(target) && !TypeLayout.isInterface(t)) {
      gen(e);
      if (TypeLayout.isValueObject(t) && !fresh(e)) gen.values.copy(mv, t);
      gen.values.toIface(mv, t);
      return;
    }
    gen(e);
    if (TypeLayout.isValueObject(t) && !fresh(e)) gen.values.copy(mv, t);
  }

  /** Converts a value of type from (on the stack) for storing into a slot of type to. */
  void coerce(Type from, Type to) {
    if (TypeLayout.isInterface(to) && !TypeLayout.isInterface(from) && from != Typ.UNTYPED_NIL) gen.values.toIface(mv, from);
  }

  /** True if e yields a new value object that nobody else references. */
  static boolean fresh(Expr e) {
    e = unparen(e);
    return e instanceof Expr.Call || e instanceof Expr.CompositeLit;
  }

  boolean isNil(Expr e) {
    TypeAndValue tv = tv(unparen(e));
    if (tv != null && tv.type() == Typ.UNTYPED_NIL) return true;
    return unparen(e) instanceof Expr.Ident id && f.info.uses.get(id) instanceof Nil;
  }

  /** Evaluates e for its side effects only. */
  void genDiscard(Expr e) {
    e = unparen(e);
    if (e instanceof Expr.Call c) {
      String d = calls.call(c);
      Bytecode.pop(mv, d);
      return;
    }
    gen(e);
    Bytecode.pop(mv, gen.layout.desc(typeOf(e)));
  }

  /** Pushes the value of e. */
  void gen(Expr e) {
    TypeAndValue tv = tv(e);
    if (tv != null && tv.value() != null && !tv.value().isUnknown()) {
      pushConst(tv.value(), tv.type());
      return;
    }
    switch (e) {
      case Expr.Paren p -> gen(p.x());
      case Expr.Ident id -> ident(id);
      case Expr.BasicLit lit -> throw new CodegenException(lit.pos(), "literal without constant value");
      case Expr.Binary b -> binary(b);
      case Expr.Unary u -> unary(u);
      case Expr.Call c -> {
        String d = calls.call(c);
        if (d.equals("V")) throw new CodegenException(c.pos(), "call has no value");
      }
      case Expr.Selector s -> selector(s);
      case Expr.Index ix -> index(ix);
      case Expr.Slice sl -> new Collections(this).slice(sl);
      case Expr.Star st -> deref(st);
      case Expr.CompositeLit cl -> new Collections(this).composite(cl, typeOf(cl));
      case Expr.FuncLit fl -> new Closures(this).funcLit(fl);
      case Expr.TypeAssert ta -> typeAssert(ta, false);
      case Expr.KeyValue kv -> throw new CodegenException(kv.pos(), "unexpected key:value");
      default -> throw new CodegenException(e.pos(), "not supported in GoPL code generator: " + e.getClass().getSimpleName());
    }
  }

  // ---------------------------------------------------------------- constants

  void pushConst(Constant c, Type t) {
    if (t == Typ.UNTYPED_NIL) {
      mv.visitInsn(ACONST_NULL);
      return;
    }
    String d = gen.layout.desc(t);
    switch (d) {
      case "Z" -> Bytecode.iconst(mv, c.boolValue() ? 1 : 0);
      case "J" -> Bytecode.lconst(mv, c.bigValue().longValue());
      case "I" -> Bytecode.iconst(mv, c.bigValue().intValue());
      case "D" -> Bytecode.dconst(mv, c.doubleValue());
      case "F" -> Bytecode.fconst(mv, (float) c.doubleValue());
      case "Ljava/lang/String;" -> mv.visitLdcInsn(c.stringValue());
      default -> {
        // a constant in an interface-typed slot: box its default type
        Type dt = defaultType(c);
        pushConst(c, dt);
        gen.values.toIface(mv, dt);
      }
    }
  }

  static Type defaultType(Constant c) {
    return switch (c) {
      case Constant.Bool b -> Typ.BOOL;
      case Constant.Str s -> Typ.STRING;
      case Constant.Int i -> Typ.INT;
      default -> Typ.FLOAT64;
    };
  }

  // ---------------------------------------------------------------- identifiers

  private void ident(Expr.Ident id) {
    Obj o = f.info.objectOf(id);
    switch (o) {
      case Var v -> loadVar(v, id);
      case Nil n -> mv.visitInsn(ACONST_NULL);
      case Func fn -> new Closures(this).funcValue(fn);
      case Const c -> pushConst(c.value(), typeOf(id));
      case null -> throw new CodegenException(id.pos(), "undefined: " + id.name());
      default -> throw new CodegenException(id.pos(), "not a value: " + id.name());
    }
  }

  void loadVar(Var v, Expr at) {
    if (v.isPackageLevel()) {
      f.pkg.loadPackageVar(mv, v);
      return;
    }
    FuncGen.Local l = f.local(v);
    if (l == null) throw new CodegenException(at.pos(), "variable without slot: " + v.name());
    f.load(l);
  }

  // ---------------------------------------------------------------- selectors

  private void selector(Expr.Selector s) {
    Selection sel = f.info.selections.get(s);
    if (sel == null) {
      // qualified identifier pkg.Name
      Obj o = f.info.uses.get(s.sel());
      switch (o) {
        case Var v -> f.pkg.loadPackageVar(mv, v);
        case Func fn -> new Closures(this).funcValue(fn);
        case Const c -> pushConst(c.value(), typeOf(s));
        default -> throw new CodegenException(s.pos(), "unsupported selector " + s.sel().name());
      }
      return;
    }
    switch (sel.kind()) {
      case FIELD_VAL -> {
        Type owner = fieldOwner(s.x(), sel.index());
        Var field = (Var) sel.obj();
        Struct st = (Struct) owner.underlying();
        int idx = sel.index().get(sel.index().size() - 1);
        gen.persist.getField(mv, owner, gen.structs.className(owner), StructGen.fieldName(st, idx), gen.layout.desc(field.type()), s);
      }
      case METHOD_VAL -> new Closures(this).methodValue(s, sel);
      case METHOD_EXPR -> new Closures(this).methodExpr(s, sel);
    }
  }

  /**
   * Pushes the struct object that holds the field selected by path (all but the last index walk
   * embedded fields), starting from x (a struct value or a pointer to one); returns its type.
   */
  Type fieldOwner(Expr x, List<Integer> path) {
    gen(x);
    Type t = typeOf(x);
    for (int i = 0; i < path.size() - 1; i++) {
      Type st = t.underlying() instanceof Pointer p ? p.elem() : t;
      Struct s = (Struct) st.underlying();
      Var fv = s.field(path.get(i));
      nullCheck(t);
      gen.persist.getField(mv, st, gen.structs.className(st), StructGen.fieldName(s, path.get(i)), gen.layout.desc(fv.type()));
      t = fv.type();
    }
    Type st = t.underlying() instanceof Pointer p ? p.elem() : t;
    nullCheck(t);
    return st;
  }

  /** For pointers, the JVM's NullPointerException becomes Go's nil dereference (GoPanic.of). */
  private void nullCheck(Type t) {}

  // ---------------------------------------------------------------- index

  private void index(Expr.Index ix) {
    Type xt = typeOf(ix.x()).underlying();
    if (xt instanceof MapType m) {
      new Collections(this).mapIndex(ix, m, false);
      return;
    }
    if (TypeLayout.isString(xt)) {
      gen(ix.x());
      genIndex(ix.index());
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoStrings", "index", "(Ljava/lang/String;J)I", false);
      return;
    }
    new Collections(this).elementLoad(ix);
  }

  /** Pushes an index operand as a long. */
  void genIndex(Expr e) {
    gen(e);
    toLong(typeOf(e));
  }

  /** Stack: integer of type t -> long (zero-extending uint32). */
  void toLong(Type t) {
    String d = gen.layout.desc(t);
    if (d.equals("I")) {
      mv.visitInsn(I2L);
      if (TypeLayout.kind(t) == Basic.Kind.UINT32) {
        mv.visitLdcInsn(0xFFFFFFFFL);
        mv.visitInsn(LAND);
      }
    }
  }

  // ---------------------------------------------------------------- pointers

  private void deref(Expr.Star st) {
    Type pt = typeOf(st.x()).underlying();
    gen(st.x());
    Type elem = ((Pointer) pt).elem();
    if (TypeLayout.isValueObject(elem)) {
      // *p of a struct/array: the object itself; a null pointer must panic here
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
      mv.visitInsn(POP);
      return;
    }
    TypeLayout.Storage s = TypeLayout.storage(elem);
    mv.visitMethodInsn(INVOKEVIRTUAL, s.ptrClass(), "get", "()" + s.elemDesc, false);
    f.widenFromStorage(elem);
    FuncGen.castFromStorage(mv, gen, elem);
  }

  // ---------------------------------------------------------------- unary

  private void unary(Expr.Unary u) {
    Type t = typeOf(u);
    switch (u.op()) {
      case ADD -> gen(u.x());
      case SUB -> {
        gen(u.x());
        String d = gen.layout.desc(t);
        switch (d) {
          case "J" -> mv.visitInsn(LNEG);
          case "I" -> {
            mv.visitInsn(INEG);
            Arith.truncate(mv, t);
          }
          case "D" -> mv.visitInsn(DNEG);
          case "F" -> mv.visitInsn(FNEG);
          default -> throw new CodegenException(u.pos(), "bad operand for -");
        }
      }
      case XOR -> {
        gen(u.x());
        String d = gen.layout.desc(t);
        if (d.equals("J")) {
          mv.visitLdcInsn(-1L);
          mv.visitInsn(LXOR);
        } else {
          mv.visitInsn(ICONST_M1);
          mv.visitInsn(IXOR);
          Arith.truncate(mv, t);
        }
      }
      case NOT -> {
        gen(u.x());
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IXOR);
      }
      case AND -> new Collections(this).addressOf(u.x());
      case ARROW -> new Collections(this).receive(u.x());
      default -> throw new CodegenException(u.pos(), "unsupported unary " + u.op());
    }
  }

  // ---------------------------------------------------------------- binary

  private void binary(Expr.Binary b) {
    switch (b.op()) {
      case LAND, LOR, EQL, NEQ, LSS, LEQ, GTR, GEQ -> {
        Label t = new Label();
        Label end = new Label();
        cond(b, true, t);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(t);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(end);
      }
      default -> {
        Type t = typeOf(b);
        if (b.op() == Op.SHL || b.op() == Op.SHR) {
          gen(b.x());
          Arith.shift(this, b.op(), t, b.y());
          return;
        }
        gen(b.x());
        gen(b.y());
        Arith.binary(this, b.op(), t, b.y());
      }
    }
  }

  /** Jumps to target when the boolean expression e evaluates to jumpIf. */
  void cond(Expr e, boolean jumpIf, Label target) {
    TypeAndValue tv = tv(e);
    if (tv != null && tv.value() instanceof Constant.Bool cb) {
      if (cb.value() == jumpIf) mv.visitJumpInsn(GOTO, target);
      return;
    }
    e = unparen(e);
    if (e instanceof Expr.Unary u && u.op() == Op.NOT) {
      cond(u.x(), !jumpIf, target);
      return;
    }
    if (e instanceof Expr.Binary b) {
      switch (b.op()) {
        case LAND -> {
          if (jumpIf) {
            Label skip = new Label();
            cond(b.x(), false, skip);
            cond(b.y(), true, target);
            mv.visitLabel(skip);
          } else {
            cond(b.x(), false, target);
            cond(b.y(), false, target);
          }
          return;
        }
        case LOR -> {
          if (jumpIf) {
            cond(b.x(), true, target);
            cond(b.y(), true, target);
          } else {
            Label skip = new Label();
            cond(b.x(), true, skip);
            cond(b.y(), false, target);
            mv.visitLabel(skip);
          }
          return;
        }
        case EQL, NEQ, LSS, LEQ, GTR, GEQ -> {
          Arith.compare(this, b, jumpIf, target);
          return;
        }
        default -> {}
      }
    }
    gen(e);
    mv.visitJumpInsn(jumpIf ? IFNE : IFEQ, target);
  }

  // ---------------------------------------------------------------- type assertions

  /**
   * {@code x.(T)}; with commaOk pushes an Object[] {value (boxed), Boolean ok}... instead, for
   * commaOk the caller uses {@link #typeAssertOk}.
   */
  void typeAssert(Expr.TypeAssert ta, boolean unused) {
    Type target = typeOf(ta);
    Type xt = typeOf(ta.x());
    gen(ta.x());
    String ifaceStr = ReflectString.of(xt);
    if (TypeLayout.isInterface(target)) {
      pushMethodNames((Interface) target.underlying());
      mv.visitLdcInsn(ifaceStr);
      mv.visitLdcInsn(ReflectString.of(target));
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "assertIface",
          "(Ljava/lang/Object;[Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)Ljava/lang/Object;", false);
      return;
    }
    gen.descriptors.push(mv, target);
    mv.visitLdcInsn(ifaceStr);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "assertType",
        "(Ljava/lang/Object;" + Descriptors.RTYPE_DESC + "Ljava/lang/String;)Ljava/lang/Object;", false);
    gen.values.fromRaw(mv, target);
    if (TypeLayout.isValueObject(target)) gen.values.copy(mv, target);
  }

  /** Stack: interface value -> boolean whether its dynamic type is T (or implements interface T). */
  void typeTest(Type target) {
    if (TypeLayout.isInterface(target)) {
      pushMethodNames((Interface) target.underlying());
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "implementsAll", "(Ljava/lang/Object;[Ljava/lang/String;)Z", false);
      return;
    }
    gen.descriptors.push(mv, target);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "is", "(Ljava/lang/Object;" + Descriptors.RTYPE_DESC + ")Z", false);
  }

  /** Stack: interface value (known to have dynamic type T) -> value of T (copied). */
  void unwrapTo(Type target) {
    if (TypeLayout.isInterface(target)) return;
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "raw", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    gen.values.fromRaw(mv, target);
    if (TypeLayout.isValueObject(target)) gen.values.copy(mv, target);
  }

  void pushMethodNames(Interface i) {
    List<Func> ms = i.allMethods();
    Bytecode.iconst(mv, ms.size());
    mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
    for (int k = 0; k < ms.size(); k++) {
      mv.visitInsn(DUP);
      Bytecode.iconst(mv, k);
      mv.visitLdcInsn(ms.get(k).name());
      mv.visitInsn(AASTORE);
    }
  }

  /** Pushes a tuple (Object[]) for a multi-valued expression (a call). */
  void genTuple(Expr e) {
    e = unparen(e);
    if (e instanceof Expr.Call c) {
      calls.call(c);
      return;
    }
    throw new CodegenException(e.pos(), "not a multi-valued expression");
  }

  /** The types of a tuple-valued expression. */
  List<Var> tupleVars(Expr e) {
    Type t = typeOf(e);
    if (t instanceof Tuple tu) return tu.vars();
    throw new CodegenException(e.pos(), "not a tuple");
  }

  static boolean isNamedOrBasic(Type t) {
    return t instanceof Named || t instanceof Basic;
  }

  static Signature sigOf(Type t) {
    return (Signature) t.underlying();
  }

  static Type elemOf(Type t) {
    Type u = t.underlying();
    if (u instanceof Slice s) return s.elem();
    if (u instanceof Array a) return a.elem();
    if (u instanceof Pointer p && p.elem().underlying() instanceof Array a) return a.elem();
    if (u instanceof MapType m) return m.elem();
    return null;
  }
}
