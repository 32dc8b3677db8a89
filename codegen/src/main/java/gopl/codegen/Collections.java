package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.types.Array;
import gopl.types.Basic;
import gopl.types.MapType;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Selection;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.TypeAndValue;
import gopl.types.Var;
import java.util.List;
import org.objectweb.asm.MethodVisitor;

/**
 * Slices, arrays, maps, composite literals and addresses: element loads and stores with Go's
 * bounds checks, slice expressions, make, map lookups (with zero values for missing keys and
 * comma-ok), composite literals of every kind, and {@code &x} for each addressable operand.
 */
final class Collections {
  private final ExprGen x;
  private final MethodVisitor mv;
  private final CodeGenerator gen;

  Collections(ExprGen x) {
    this.x = x;
    this.mv = x.mv;
    this.gen = x.gen;
  }

  static int arrayLoad(TypeLayout.Storage s) {
    return switch (s) {
      case LONG -> LALOAD;
      case INT -> IALOAD;
      case SHORT -> SALOAD;
      case BYTE, BOOL -> BALOAD;
      case DOUBLE -> DALOAD;
      case FLOAT -> FALOAD;
      case OBJECT -> AALOAD;
    };
  }

  static int arrayStore(TypeLayout.Storage s) {
    return switch (s) {
      case LONG -> LASTORE;
      case INT -> IASTORE;
      case SHORT -> SASTORE;
      case BYTE, BOOL -> BASTORE;
      case DOUBLE -> DASTORE;
      case FLOAT -> FASTORE;
      case OBJECT -> AASTORE;
    };
  }

  // ---------------------------------------------------------------- element access

  /**
   * Pushes (backing array, int index) for element x[i] of an array, pointer to array or slice,
   * after Go's bounds check; returns the element type.
   */
  Type elementAddress(Expr.Index ix) {
    Type t = x.typeOf(ix.x()).underlying();
    if (t instanceof Pointer p) t = p.elem().underlying();
    if (t instanceof Array a) {
      x.gen(ix.x());
      x.genIndex(ix.index());
      Bytecode.iconst(mv, (int) a.len());
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Arrays", "index", "(JI)I", false);
      return a.elem();
    }
    Slice s = (Slice) t;
    FuncGen.Local parts = SliceLocals.of(x.f, ix.x());
    if (parts != null) {
      SliceLocals.elementAddress(x, parts, ix.index());
      return s.elem();
    }
    TypeLayout.Storage st = TypeLayout.storage(s.elem());
    String sc = st.sliceClass();
    x.gen(ix.x());
    int tmp = x.f.newSlot("L");
    mv.visitVarInsn(ASTORE, tmp);
    mv.visitVarInsn(ALOAD, tmp);
    // a nil slice has length 0: index check first (reports "with length 0")
    x.genIndex(ix.index());
    mv.visitVarInsn(ALOAD, tmp);
    mv.visitMethodInsn(INVOKESTATIC, sc, "len", "(L" + sc + ";)I", false);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Arrays", "check", "(JI)I", false);
    // stack: slice, i -> array, off + i
    mv.visitInsn(SWAP);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, sc, "a", st.arrayDesc);
    mv.visitInsn(SWAP);
    mv.visitFieldInsn(GETFIELD, sc, "off", "I");
    // stack: i, array, off
    mv.visitInsn(DUP_X2);
    mv.visitInsn(POP);
    // stack: off, i, array
    mv.visitInsn(DUP_X2);
    mv.visitInsn(POP);
    // stack: array, off, i
    mv.visitInsn(IADD);
    return s.elem();
  }

  /** Pushes x[i] for arrays, pointers to arrays and slices. */
  void elementLoad(Expr.Index ix) {
    Type elem = elementAddress(ix);
    TypeLayout.Storage st = TypeLayout.storage(elem);
    mv.visitInsn(arrayLoad(st));
    x.f.widenFromStorage(elem);
    FuncGen.castFromStorage(mv, gen, elem);
  }

  // ---------------------------------------------------------------- slice expressions

  void slice(Expr.Slice sl) {
    Type t = x.typeOf(sl.x()).underlying();
    if (TypeLayout.isString(t)) {
      x.gen(sl.x());
      bound(sl.low(), 0);
      bound(sl.high(), -1);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoStrings", "slice", "(Ljava/lang/String;JJ)Ljava/lang/String;", false);
      return;
    }
    Type elem;
    boolean array = false;
    if (t instanceof Pointer p) {
      t = p.elem().underlying();
      array = true;
    } else if (t instanceof Array) {
      array = true;
    }
    elem = t instanceof Array a ? a.elem() : ((Slice) t).elem();
    TypeLayout.Storage st = TypeLayout.storage(elem);
    String sc = st.sliceClass();
    x.gen(sl.x());
    bound(sl.low(), 0);
    bound(sl.high(), -1);
    bound(sl.max(), -1);
    if (array && gen.persist.types.isArray(x.typeOf(sl.x()))) { // persistence hook: a slice of a persistent array is persistent
      mv.visitMethodInsn(INVOKESTATIC, PersistGen.PARRAYS, "slice", "(Ljava/lang/Object;JJJ)Ljava/lang/Object;", false);
      mv.visitTypeInsn(CHECKCAST, sc);
    } else if (array) {
      mv.visitMethodInsn(INVOKESTATIC, sc, "ofArray", "(" + st.arrayDesc + "JJJ)L" + sc + ";", false);
    } else if (PersistLValue.applies(gen, t)) { // persistence hook: a persistent slice stays persistent
      mv.visitMethodInsn(INVOKESTATIC, PersistGen.PSLICES, "slice", "(L" + sc + ";JJJ)L" + sc + ";", false);
    } else {
      mv.visitMethodInsn(INVOKESTATIC, sc, "slice", "(L" + sc + ";JJJ)L" + sc + ";", false);
    }
  }

  private void bound(Expr e, long omitted) {
    if (e == null) Bytecode.lconst(mv, omitted);
    else x.genIndex(e);
  }

  // ---------------------------------------------------------------- make

  String make(Type t, List<Expr> sizes) {
    Type u = t.underlying();
    if (u instanceof Slice s) {
      TypeLayout.Storage st = TypeLayout.storage(s.elem());
      String sc = st.sliceClass();
      x.genIndex(sizes.get(0));
      if (sizes.size() > 1) x.genIndex(sizes.get(1));
      else mv.visitInsn(DUP2);
      if (st == TypeLayout.Storage.OBJECT) {
        gen.values.pushElem(mv, s.elem());
        mv.visitMethodInsn(INVOKESTATIC, sc, "make", "(JJLgopl/runtime/Elem;)L" + sc + ";", false);
      } else {
        mv.visitMethodInsn(INVOKESTATIC, sc, "make", "(JJ)L" + sc + ";", false);
      }
      return "L" + sc + ";";
    }
    if (u instanceof MapType m) {
      pushKeyKind(m.key());
      gen.descriptors.push(mv, m.key());
      if (sizes.isEmpty()) mv.visitInsn(LCONST_0);
      else x.genIndex(sizes.get(0));
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", longValued(m) ? "makeLong" : "make",
          "(Lgopl/runtime/GoMap$KeyKind;" + Descriptors.RTYPE_DESC + "J)Lgopl/runtime/GoMap;", false);
      return "Lgopl/runtime/GoMap;";
    }
    if (u instanceof gopl.types.Chan ch) {
      if (sizes.isEmpty()) mv.visitInsn(LCONST_0);
      else x.genIndex(sizes.get(0));
      gen.values.pushZero(mv, ch.elem());
      Bytecode.box(mv, gen.layout.desc(ch.elem()));
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Chan", "make", "(JLjava/lang/Object;)Lgopl/runtime/conc/Chan;", false);
      return "Lgopl/runtime/conc/Chan;";
    }
    throw new CodegenException(sizes.isEmpty() ? null : sizes.get(0).pos(), "not supported in GoPL code generator yet: make(" + t + ")");
  }

  private void pushKeyKind(Type k) {
    String kind;
    if (TypeLayout.isFloat(k)) kind = "FLOAT";
    else if (TypeLayout.isInterface(k) || TypeLayout.isValueObject(k)) kind = "GENERAL";
    else kind = "PLAIN";
    mv.visitFieldInsn(GETSTATIC, "gopl/runtime/GoMap$KeyKind", kind, "Lgopl/runtime/GoMap$KeyKind;");
  }

  // ---------------------------------------------------------------- maps

  /** Pushes the map key for k in the map's key representation (Java-boxed typed value). */
  void mapKey(Expr k, MapType m) {
    x.genValue(k, m.key());
    Bytecode.box(mv, gen.layout.desc(m.key()));
  }

  /** Pushes m[k] (zero value when absent). */
  void mapIndex(Expr.Index ix, MapType m, boolean unused) {
    x.gen(ix.x());
    Expr.Slice sub = substringKey(ix.index(), m);
    if (sub != null) {
      substringKeyParts(sub);
      if (longValued(m)) {
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "lookupLongSub", "(Lgopl/runtime/GoMap;Ljava/lang/String;JJ)J", false);
      } else {
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "lookupSub", "(Lgopl/runtime/GoMap;Ljava/lang/String;JJ)Ljava/lang/Object;", false);
        unboxMapValue(m.elem());
      }
      return;
    }
    mapKey(ix.index(), m);
    mapLookup(m);
  }

  /**
   * The key expression {@code s[lo:hi]} when m's keys are strings and k slices a string, else
   * null. Such a key is passed as its parts (GoMap's {@code *Sub} methods), so that looking up a
   * substring makes no String (docs/codegen.md "Maps").
   */
  Expr.Slice substringKey(Expr k, MapType m) {
    if (!TypeLayout.isString(m.key().underlying())) return null;
    if (!(k instanceof Expr.Slice sl) || sl.slice3()) return null;
    if (!TypeLayout.isString(x.typeOf(sl.x()).underlying())) return null;
    return sl;
  }

  /** Pushes s, lo, hi (long; -1 for an omitted hi) of a {@link #substringKey}, in Go's evaluation order. */
  void substringKeyParts(Expr.Slice sl) {
    x.gen(sl.x());
    bound(sl.low(), 0);
    bound(sl.high(), -1);
  }

  /**
   * Whether m's values are Java longs, kept unboxed by the map ({@code GoMap.makeLong},
   * {@code lookupLong}/{@code putLong}: no Long allocated by {@code m[k]++}).
   */
  boolean longValued(MapType m) {
    return gen.layout.desc(m.elem()).equals("J");
  }

  /** Stack: map, boxed key -> m[k] as a typed value (zero when absent). */
  void mapLookup(MapType m) {
    if (longValued(m)) {
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "lookupLong", "(Lgopl/runtime/GoMap;Ljava/lang/Object;)J", false);
      return;
    }
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "lookup", "(Lgopl/runtime/GoMap;Ljava/lang/Object;)Ljava/lang/Object;", false);
    unboxMapValue(m.elem());
  }

  /** Stack: lookup result (value or ABSENT) -> typed value (zero if ABSENT). */
  void unboxMapValue(Type elem) {
    org.objectweb.asm.Label absent = new org.objectweb.asm.Label();
    org.objectweb.asm.Label done = new org.objectweb.asm.Label();
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETSTATIC, "gopl/runtime/GoMap", "ABSENT", "Ljava/lang/Object;");
    mv.visitJumpInsn(IF_ACMPEQ, absent);
    Bytecode.unbox(mv, gen.layout.desc(elem));
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(absent);
    mv.visitInsn(POP);
    gen.values.pushZero(mv, elem);
    mv.visitLabel(done);
  }

  /** Stack: receive result (value or GoChan.CLOSED) -> typed value (zero if CLOSED). */
  void unboxReceived(Type elem) {
    org.objectweb.asm.Label closed = new org.objectweb.asm.Label();
    org.objectweb.asm.Label done = new org.objectweb.asm.Label();
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETSTATIC, "gopl/runtime/conc/Chan", "CLOSED", "Ljava/lang/Object;");
    mv.visitJumpInsn(IF_ACMPEQ, closed);
    Bytecode.unbox(mv, gen.layout.desc(elem));
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(closed);
    mv.visitInsn(POP);
    gen.values.pushZero(mv, elem);
    mv.visitLabel(done);
  }

  /** Pushes {@code <-ch} as a typed value. */
  void receive(Expr ch) {
    Type elem = ((gopl.types.Chan) x.typeOf(ch).underlying()).elem();
    x.gen(ch);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/conc/Chan", "recv", "(Lgopl/runtime/conc/Chan;)Ljava/lang/Object;", false);
    Bytecode.unbox(mv, gen.layout.desc(elem));
  }

  /** Stack: map, boxed key, typed value -> (stores). */
  void mapPut(MapType m) {
    if (longValued(m)) {
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "putLong", "(Lgopl/runtime/GoMap;Ljava/lang/Object;J)V", false);
      return;
    }
    Bytecode.box(mv, gen.layout.desc(m.elem()));
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "put", "(Lgopl/runtime/GoMap;Ljava/lang/Object;Ljava/lang/Object;)V", false);
  }

  // ---------------------------------------------------------------- composite literals

  /** Pushes a slice of the given elements (for variadic calls and multi-element append). */
  void sliceOf(Type elem, List<Expr> elems) {
    TypeLayout.Storage st = TypeLayout.storage(elem);
    Bytecode.iconst(mv, elems.size());
    if (st == TypeLayout.Storage.OBJECT) mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
    else mv.visitIntInsn(NEWARRAY, st.newarrayType());
    for (int i = 0; i < elems.size(); i++) {
      mv.visitInsn(DUP);
      Bytecode.iconst(mv, i);
      x.genValue(elems.get(i), elem);
      x.f.narrowToStorage(elem);
      mv.visitInsn(arrayStore(st));
    }
    mv.visitMethodInsn(INVOKESTATIC, st.sliceClass(), "of", "(" + st.arrayDesc + ")L" + st.sliceClass() + ";", false);
  }

  void composite(Expr.CompositeLit cl, Type t) {
    Type u = t.underlying();
    if (u instanceof Pointer p) {
      // &T{...} (also elided inside an outer literal)
      composite(cl, p.elem());
      if (!TypeLayout.isValueObject(p.elem())) {
        // &[]T{...}, &map[K]V{...}: a new variable holding the value (spec "Address operators")
        String box = TypeLayout.storage(p.elem()).refClass();
        mv.visitTypeInsn(NEW, box);
        mv.visitInsn(DUP_X1);
        mv.visitInsn(SWAP);
        mv.visitMethodInsn(INVOKESPECIAL, box, "<init>", "(" + TypeLayout.storage(p.elem()).elemDesc + ")V", false);
      }
      return;
    }
    switch (u) {
      case Struct s -> structLit(cl, t, s);
      case Array a -> {
        gen.values.pushZero(mv, t);
        fillIndexed(cl, a.elem());
      }
      case Slice s -> {
        long n = literalLength(cl);
        TypeLayout.Storage st = TypeLayout.storage(s.elem());
        if (st == TypeLayout.Storage.OBJECT) {
          gen.values.pushElem(mv, s.elem());
          Bytecode.iconst(mv, (int) n);
          mv.visitMethodInsn(INVOKEVIRTUAL, "gopl/runtime/Elem", "newArray", "(I)[Ljava/lang/Object;", false);
        } else {
          Bytecode.iconst(mv, (int) n);
          mv.visitIntInsn(NEWARRAY, st.newarrayType());
        }
        fillIndexed(cl, s.elem());
        mv.visitMethodInsn(INVOKESTATIC, st.sliceClass(), "of", "(" + st.arrayDesc + ")L" + st.sliceClass() + ";", false);
      }
      case MapType m -> {
        pushKeyKind(m.key());
        gen.descriptors.push(mv, m.key());
        Bytecode.lconst(mv, cl.elts().size());
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", longValued(m) ? "makeLong" : "make",
            "(Lgopl/runtime/GoMap$KeyKind;" + Descriptors.RTYPE_DESC + "J)Lgopl/runtime/GoMap;", false);
        for (Expr e : cl.elts()) {
          Expr.KeyValue kv = (Expr.KeyValue) e;
          mv.visitInsn(DUP);
          elementOrLit(kv.key(), m.key());
          Bytecode.box(mv, gen.layout.desc(m.key()));
          elementOrLit(kv.value(), m.elem());
          mapPut(m);
        }
      }
      default -> throw new CodegenException(cl.pos(), "bad composite literal type " + t);
    }
  }

  /** An element of a literal: a nested literal with elided type, or an expression. */
  private void elementOrLit(Expr e, Type t) {
    if (e instanceof Expr.CompositeLit inner && inner.type() == null) {
      composite(inner, t);
      return;
    }
    x.genValue(e, t);
  }

  private void structLit(Expr.CompositeLit cl, Type t, Struct s) {
    String c = gen.structs.className(t);
    gen.values.pushZero(mv, t);
    List<Expr> elts = cl.elts();
    for (int i = 0; i < elts.size(); i++) {
      Expr e = elts.get(i);
      int idx;
      Expr val;
      if (e instanceof Expr.KeyValue kv) {
        String name = ((Expr.Ident) kv.key()).name();
        idx = fieldIndex(s, name);
        val = kv.value();
      } else {
        idx = i;
        val = e;
      }
      Type ft = s.field(idx).type();
      mv.visitInsn(DUP);
      elementOrLit(val, ft);
      mv.visitFieldInsn(PUTFIELD, c, StructGen.fieldName(s, idx), gen.layout.desc(ft));
    }
  }

  static int fieldIndex(Struct s, String name) {
    for (int i = 0; i < s.numFields(); i++) if (s.field(i).name().equals(name)) return i;
    throw new IllegalStateException("no field " + name);
  }

  /** Stack: backing array -> same array with the literal's elements stored (keys are constant indexes). */
  private void fillIndexed(Expr.CompositeLit cl, Type elem) {
    TypeLayout.Storage st = TypeLayout.storage(elem);
    long idx = 0;
    for (Expr e : cl.elts()) {
      Expr val = e;
      if (e instanceof Expr.KeyValue kv) {
        idx = x.tv(kv.key()).value().longValue();
        val = kv.value();
      }
      mv.visitInsn(DUP);
      Bytecode.iconst(mv, (int) idx);
      elementOrLit(val, elem);
      x.f.narrowToStorage(elem);
      mv.visitInsn(arrayStore(st));
      idx++;
    }
  }

  private long literalLength(Expr.CompositeLit cl) {
    long idx = 0;
    long max = 0;
    for (Expr e : cl.elts()) {
      if (e instanceof Expr.KeyValue kv) idx = x.tv(kv.key()).value().longValue();
      idx++;
      max = Math.max(max, idx);
    }
    return max;
  }

  // ---------------------------------------------------------------- addresses

  /** Pushes &e. */
  void addressOf(Expr e) {
    e = ExprGen.unparen(e);
    Type t = x.typeOf(e);
    if (e instanceof Expr.CompositeLit cl) {
      composite(cl, new Pointer(t));
      return;
    }
    if (TypeLayout.isValueObject(t)) {
      // the object is the variable; evaluating e yields it without copying
      x.gen(e);
      return;
    }
    TypeLayout.Storage st = TypeLayout.storage(t);
    switch (e) {
      case Expr.Ident id -> {
        Obj o = x.f.info.objectOf(id);
        Var v = (Var) o;
        if (v.isPackageLevel()) {
          String owner = Names.packageClass(v.pkg().path());
          mv.visitFieldInsn(GETSTATIC, owner, v.name(), gen.packageGen(v.pkg().path()).varFieldDesc(v));
          return;
        }
        FuncGen.Local l = x.f.local(v);
        if (!l.boxed()) throw new CodegenException(e.pos(), "internal: address of unboxed variable " + v.name());
        mv.visitVarInsn(ALOAD, l.slot());
      }
      case Expr.Index ix -> {
        if (PersistLValue.applies(gen, x.typeOf(ix.x()).underlying())) { // persistence hook: &s[i] of a persistent slice
          x.gen(ix.x());
          x.genIndex(ix.index());
          mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/persist/PElems", "elem", "(Ljava/lang/Object;J)Ljava/lang/Object;", false);
          mv.visitTypeInsn(CHECKCAST, st.ptrClass());
          return;
        }
        elementAddress(ix);
        if (gen.persist.types.isArray(x.typeOf(ix.x()))) { // persistence hook: &a[i] of a persistent array
          mv.visitMethodInsn(INVOKESTATIC, PersistGen.PARRAYS, "elem", "(Ljava/lang/Object;I)Ljava/lang/Object;", false);
          mv.visitTypeInsn(CHECKCAST, st.ptrClass());
          return;
        }
        mv.visitMethodInsn(INVOKESTATIC, st.ptrClass(), "elem", "(" + st.arrayDesc + "I)L" + st.ptrClass() + ";", false);
      }
      case Expr.Star s -> x.gen(s.x());
      case Expr.Selector s -> {
        Selection sel = x.f.info.selections.get(s);
        if (sel == null) {
          addressOfPackageVar((Var) x.f.info.uses.get(s.sel()));
          return;
        }
        Type owner = x.fieldOwner(s.x(), sel.index());
        Struct ownerStruct = (Struct) owner.underlying();
        if (gen.persist.fieldAddress(mv, owner, ownerStruct, sel.index().get(sel.index().size() - 1))) return; // persistence hook
        mv.visitLdcInsn(StructGen.fieldName(ownerStruct, sel.index().get(sel.index().size() - 1)));
        mv.visitMethodInsn(INVOKESTATIC, TypeLayout.storage(t).ptrClass(), "field",
            "(Ljava/lang/Object;Ljava/lang/String;)L" + TypeLayout.storage(t).ptrClass() + ";", false);
      }
      default -> throw new CodegenException(e.pos(), "cannot take address");
    }
  }

  private void addressOfPackageVar(Var v) {
    String owner = Names.packageClass(v.pkg().path());
    mv.visitFieldInsn(GETSTATIC, owner, v.name(), gen.packageGen(v.pkg().path()).varFieldDesc(v));
  }

  static boolean isBasic(Type t) {
    return t.underlying() instanceof Basic;
  }

  static boolean constant(TypeAndValue tv) {
    return tv != null && tv.value() != null;
  }
}
