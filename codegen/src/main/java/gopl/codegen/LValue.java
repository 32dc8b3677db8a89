package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.types.MapType;
import gopl.types.Obj;
import gopl.types.Pointer;
import gopl.types.Selection;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.Var;
import org.objectweb.asm.MethodVisitor;

/**
 * An assignable location (spec "Assignability": a variable, pointer indirection, field selector,
 * slice/array index, or map index). Protocol: {@link #prepare} pushes the location's parts; then
 * either {@link #load} (consumes them, pushes the value) or push a value and {@link #store}.
 * {@link #dupPrepared} duplicates the parts for read-modify-write ({@code x op= y}). Struct and
 * array locations are stored by copying into the existing object.
 */
abstract class LValue {
  final ExprGen x;
  final MethodVisitor mv;
  final Type type;

  LValue(ExprGen x, Type type) {
    this.x = x;
    this.mv = x.mv;
    this.type = type;
  }

  Type type() {
    return type;
  }

  abstract void prepare();

  abstract void dupPrepared();

  abstract void load();

  abstract void store();

  /** The location e denotes, or null for the blank identifier. */
  static LValue of(ExprGen x, Expr e) {
    e = ExprGen.unparen(e);
    switch (e) {
      case Expr.Ident id -> {
        if (id.name().equals("_")) return null;
        Obj o = x.f.info.objectOf(id);
        Var v = (Var) o;
        if (TypeLayout.isValueObject(v.type())) return new ValueObject(x, e, v.type());
        if (v.isPackageLevel()) return new PackageVar(x, v);
        return new LocalVar(x, x.f.local(v));
      }
      case Expr.Index ix -> {
        Type t = x.typeOf(ix.x()).underlying();
        if (t instanceof MapType m) return new MapEntry(x, ix, m);
        Type elem = ExprGen.elemOf(x.typeOf(ix.x()));
        if (TypeLayout.isValueObject(elem)) return new ValueObject(x, e, elem);
        if (PersistLValue.applies(x.gen, t)) return new PersistLValue(x, ix, elem); // persistence hook
        return new Element(x, ix, elem);
      }
      case Expr.Selector s -> {
        Selection sel = x.f.info.selections.get(s);
        if (sel == null) {
          Var v = (Var) x.f.info.uses.get(s.sel());
          if (TypeLayout.isValueObject(v.type())) return new ValueObject(x, e, v.type());
          return new PackageVar(x, v);
        }
        Type ft = sel.obj().type();
        if (TypeLayout.isValueObject(ft)) return new ValueObject(x, e, ft);
        return new Field(x, s, sel);
      }
      case Expr.Star st -> {
        Type elem = ((Pointer) x.typeOf(st.x()).underlying()).elem();
        if (TypeLayout.isValueObject(elem)) return new ValueObject(x, st.x(), elem);
        return new Deref(x, st, elem);
      }
      default -> throw new CodegenException(e.pos(), "cannot assign to expression");
    }
  }

  /** A struct/array location: the object is loaded and assigned into. */
  static final class ValueObject extends LValue {
    private final Expr obj;

    ValueObject(ExprGen x, Expr obj, Type t) {
      super(x, t);
      this.obj = obj;
    }

    @Override
    void prepare() {
      x.gen(obj);
    }

    @Override
    void dupPrepared() {
      mv.visitInsn(DUP);
    }

    @Override
    void load() {}

    @Override
    void store() {
      x.gen.values.assignInto(mv, type);
    }
  }

  static final class LocalVar extends LValue {
    private final FuncGen.Local l;

    LocalVar(ExprGen x, FuncGen.Local l) {
      super(x, l.type());
      this.l = l;
    }

    @Override
    void prepare() {
      x.f.prepareStore(l);
    }

    @Override
    void dupPrepared() {
      if (l.boxed()) mv.visitInsn(DUP);
    }

    @Override
    void load() {
      if (l.boxed()) {
        mv.visitFieldInsn(GETFIELD, l.boxClass(), "v", x.f.refFieldDesc(l));
        x.f.widenFromStorage(l.type());
        FuncGen.castFromStorage(mv, x.gen, l.type());
      } else {
        x.f.load(l);
      }
    }

    @Override
    void store() {
      x.f.store(l);
    }
  }

  static final class PackageVar extends LValue {
    private final Var v;

    PackageVar(ExprGen x, Var v) {
      super(x, v.type());
      this.v = v;
    }

    @Override
    void prepare() {}

    @Override
    void dupPrepared() {}

    @Override
    void load() {
      x.f.pkg.loadPackageVar(mv, v);
    }

    @Override
    void store() {
      x.f.pkg.storePackageVar(mv, v);
    }
  }

  /** Slice or array element: parts are (array, int index). */
  static final class Element extends LValue {
    private final Expr.Index ix;
    private final TypeLayout.Storage st;

    Element(ExprGen x, Expr.Index ix, Type elem) {
      super(x, elem);
      this.ix = ix;
      this.st = TypeLayout.storage(elem);
    }

    @Override
    void prepare() {
      new Collections(x).elementAddress(ix);
    }

    @Override
    void dupPrepared() {
      mv.visitInsn(DUP2);
    }

    @Override
    void load() {
      mv.visitInsn(Collections.arrayLoad(st));
      x.f.widenFromStorage(type);
      FuncGen.castFromStorage(mv, x.gen, type);
    }

    @Override
    void store() {
      x.f.narrowToStorage(type);
      Type at = x.typeOf(ix.x());
      if (x.gen.persist.types.isArray(at)) { // persistence hook: an array that may be a persistent mirror
        mv.visitMethodInsn(INVOKESTATIC, PersistGen.PARRAYS, "set", "(" + st.arrayDesc + "I" + st.elemDesc + ")V", false);
        return;
      }
      mv.visitInsn(Collections.arrayStore(st));
    }
  }

  /** Map entry: parts are (map, boxed key). */
  static final class MapEntry extends LValue {
    private final Expr.Index ix;
    private final MapType m;

    MapEntry(ExprGen x, Expr.Index ix, MapType m) {
      super(x, m.elem());
      this.ix = ix;
      this.m = m;
    }

    @Override
    void prepare() {
      x.gen(ix.x());
      new Collections(x).mapKey(ix.index(), m);
    }

    @Override
    void dupPrepared() {
      mv.visitInsn(DUP2);
    }

    @Override
    void load() {
      new Collections(x).mapLookup(m);
    }

    @Override
    void store() {
      new Collections(x).mapPut(m);
    }

    /** Whether {@code m[k] += v} can be one {@link #add} (values kept as Java longs). */
    boolean addsInPlace() {
      return new Collections(x).longValued(m);
    }

    /** Set by {@link #prepareAdd} when the key is passed as substring parts. */
    private boolean substringKey;

    /**
     * Pushes the parts for {@link #add}: the map, then the key, or s, lo, hi when the key is a
     * substring {@code s[lo:hi]} (Collections.substringKey: no String made for the lookup). The
     * substring's bounds are then checked by {@link #add}, after the delta is evaluated, so
     * {@code rhs} (the delta expression of {@code m[k] += rhs}, null for {@code ++}) must be a
     * constant or a variable for that: otherwise a bounds panic must come first and the key is
     * made as usual.
     */
    void prepareAdd(Expr rhs) {
      Collections c = new Collections(x);
      boolean simple = rhs == null || rhs instanceof Expr.Ident || Collections.constant(x.tv(rhs));
      Expr.Slice sub = simple ? c.substringKey(ix.index(), m) : null;
      if (sub == null) {
        prepare();
        return;
      }
      x.gen(ix.x());
      c.substringKeyParts(sub);
      substringKey = true;
    }

    /** Stack: {@link #prepareAdd}'s parts, long delta -> (adds delta to m[k], inserting 0 first when absent). */
    void add() {
      if (substringKey) {
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "addLongSub", "(Lgopl/runtime/GoMap;Ljava/lang/String;JJJ)V", false);
        return;
      }
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoMap", "addLong", "(Lgopl/runtime/GoMap;Ljava/lang/Object;J)V", false);
    }
  }

  /** Non-struct field: parts are (owner object). */
  static final class Field extends LValue {
    private final Expr.Selector s;
    private final Selection sel;
    private String owner;
    private String name;
    private Type ownerType;

    Field(ExprGen x, Expr.Selector s, Selection sel) {
      super(x, sel.obj().type());
      this.s = s;
      this.sel = sel;
    }

    @Override
    void prepare() {
      Type ot = x.fieldOwner(s.x(), sel.index());
      ownerType = ot;
      Struct st = (Struct) ot.underlying();
      owner = x.gen.structs.className(ot);
      name = StructGen.fieldName(st, sel.index().get(sel.index().size() - 1));
    }

    @Override
    void dupPrepared() {
      mv.visitInsn(DUP);
    }

    @Override
    void load() {
      x.gen.persist.getField(mv, ownerType, owner, name, x.gen.layout.desc(type), s);
    }

    @Override
    void store() {
      x.gen.persist.putField(mv, ownerType, owner, name, x.gen.layout.desc(type), s);
    }
  }

  /** *p for a non-struct pointer: parts are (XPtr). */
  static final class Deref extends LValue {
    private final Expr.Star st;
    private final TypeLayout.Storage storage;

    Deref(ExprGen x, Expr.Star st, Type elem) {
      super(x, elem);
      this.st = st;
      this.storage = TypeLayout.storage(elem);
    }

    @Override
    void prepare() {
      x.gen(st.x());
    }

    @Override
    void dupPrepared() {
      mv.visitInsn(DUP);
    }

    @Override
    void load() {
      mv.visitMethodInsn(INVOKEVIRTUAL, storage.ptrClass(), "get", "()" + storage.elemDesc, false);
      x.f.widenFromStorage(type);
      FuncGen.castFromStorage(mv, x.gen, type);
    }

    @Override
    void store() {
      x.f.narrowToStorage(type);
      mv.visitMethodInsn(INVOKEVIRTUAL, storage.ptrClass(), "set", "(" + storage.elemDesc + ")V", false);
    }
  }
}
