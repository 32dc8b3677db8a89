package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.Pos;
import gopl.types.Basic;
import gopl.types.Pointer;
import gopl.types.Sizes;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.Var;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Code generation for persistence (docs/persistence.md): accessors of persistable structs and
 * their persistent twins, layout descriptors for the heap's type table, pnew/pmake, pointer
 * identity and the registration of persistable types in main.
 *
 * <p>Guarantees: a struct type that is not persistable is compiled exactly as before (direct
 * getfield/putfield); a persistable one is accessed only through its virtual accessors, which the
 * twin {@code T$P} overrides to read and write the heap at Go's amd64 layout offsets
 * ({@link Sizes}), so one compiled function handles both heaps.
 */
final class PersistGen {
  static final String PRT = "gopl/runtime/persist/PRt";
  static final String PSLICES = "gopl/runtime/persist/PSlices";
  static final String PARRAYS = "gopl/runtime/persist/PArrays";
  static final String PPTR = "gopl/runtime/pmem/PPtr";
  static final String PPTR_DESC = "L" + PPTR + ";";

  final CodeGenerator gen;
  final PersistTypes types;
  final PersistTags tags;

  PersistGen(CodeGenerator gen) {
    this.gen = gen;
    this.types = new PersistTypes(gen);
    this.tags = new PersistTags(gen);
  }

  void scan() {
    types.scan();
    if (!types.structs.isEmpty()) tags.analyze();
  }

  static String twin(String cls) {
    return cls + "$P";
  }

  // ---------------------------------------------------------------- field access hooks

  /** Emits the load of field {@code name} of struct type owner (object on the stack). */
  void getField(MethodVisitor mv, Type owner, String cls, String name, String desc) {
    if (types.isStruct(owner)) mv.visitMethodInsn(INVOKEVIRTUAL, cls, "$g$" + name, "()" + desc, false);
    else mv.visitFieldInsn(GETFIELD, cls, name, desc);
  }

  /**
   * The load of field {@code name} selected by s: with a persistence tag for s's object, a volatile
   * one is a direct getfield, a persistent one a direct call of the twin's accessor.
   */
  void getField(MethodVisitor mv, Type owner, String cls, String name, String desc, gopl.frontend.ast.Expr.Selector s) {
    PersistTags.Tag t = types.isStruct(owner) ? tags.ownerTag(s) : null;
    if (t == PersistTags.Tag.VOLATILE) {
      mv.visitFieldInsn(GETFIELD, cls, name, desc);
    } else if (t == PersistTags.Tag.PERSISTENT) {
      mv.visitTypeInsn(CHECKCAST, twin(cls));
      mv.visitMethodInsn(INVOKEVIRTUAL, twin(cls), "$g$" + name, "()" + desc, false);
    } else {
      getField(mv, owner, cls, name, desc);
    }
  }

  /** The store of field {@code name} selected by s (object, value on the stack), using s's tag. */
  void putField(MethodVisitor mv, Type owner, String cls, String name, String desc, gopl.frontend.ast.Expr.Selector s) {
    PersistTags.Tag t = types.isStruct(owner) ? tags.ownerTag(s) : null;
    if (t == PersistTags.Tag.VOLATILE) {
      mv.visitFieldInsn(PUTFIELD, cls, name, desc);
    } else if (t == PersistTags.Tag.PERSISTENT) {
      // stack: object, value -> cast the object under the value
      int size = desc.equals("J") || desc.equals("D") ? 2 : 1;
      if (size == 1) {
        mv.visitInsn(SWAP);
        mv.visitTypeInsn(CHECKCAST, twin(cls));
        mv.visitInsn(SWAP);
      } else {
        mv.visitInsn(DUP2_X1);
        mv.visitInsn(POP2);
        mv.visitTypeInsn(CHECKCAST, twin(cls));
        mv.visitInsn(DUP_X2);
        mv.visitInsn(POP);
      }
      mv.visitMethodInsn(INVOKEVIRTUAL, twin(cls), "$s$" + name, "(" + desc + ")V", false);
    } else {
      putField(mv, owner, cls, name, desc);
    }
  }

  /** Emits the store of field {@code name} of struct type owner (object, value on the stack). */
  void putField(MethodVisitor mv, Type owner, String cls, String name, String desc) {
    if (types.isStruct(owner)) mv.visitMethodInsn(INVOKEVIRTUAL, cls, "$s$" + name, "(" + desc + ")V", false);
    else mv.visitFieldInsn(PUTFIELD, cls, name, desc);
  }

  // ---------------------------------------------------------------- layout descriptors

  private static String clean(String s) {
    return s.replace(';', ' ').replace(',', ' ');
  }

  /** The heap type descriptor of one value of t (see PRt.parse). */
  String desc(Type t) {
    // a byte is the runtime's raw-bytes type (string data): one type whatever the name (byte, uint8)
    if (t.underlying() instanceof Basic b && b.kind() == Basic.Kind.UINT8) return "uint8;1;1;";
    List<String> leaves = new ArrayList<>();
    leaves(t, "", 0, leaves);
    StringBuilder sb = new StringBuilder(clean(t.toString())).append(';').append(Math.max(1, Sizes.sizeof(t))).append(';')
        .append(Sizes.alignof(t)).append(';');
    for (String l : leaves) sb.append(l).append(';');
    return sb.toString();
  }

  private void leaves(Type t, String name, long off, List<String> out) {
    Type u = t.underlying();
    if (NativeTypes.isNative(t) || isVolatileOnly(t)) {
      out.add(clean(name) + "," + clean(t.toString()) + "," + off + "," + Sizes.sizeof(t) + ",VOLATILE");
      return;
    }
    if (u instanceof Struct s) {
      List<Long> offs = offsets(s);
      for (int i = 0; i < s.numFields(); i++) {
        Var f = s.field(i);
        leaves(f.type(), name.isEmpty() ? f.name() : name + "." + f.name(), off + offs.get(i), out);
      }
      return;
    }
    if (u instanceof gopl.types.Array a && hasReferences(a.elem())) {
      long es = Sizes.sizeof(a.elem());
      for (long i = 0; i < a.len(); i++) leaves(a.elem(), name + "[" + i + "]", off + i * es, out);
      return;
    }
    String kind = u instanceof Pointer ? "POINTER" : u instanceof Slice ? "SLICE" : TypeLayout.isString(u) ? "STRING"
        : u instanceof gopl.types.Interface ? "IFACE"
        : u instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER ? "POINTER"
        : u instanceof gopl.types.MapType || u instanceof gopl.types.Chan || u instanceof gopl.types.Signature ? "VOLATILE" : "SCALAR";
    out.add(clean(name) + "," + clean(t.toString()) + "," + off + "," + Sizes.sizeof(t) + "," + kind);
  }

  /** Whether values of t hold anything but scalars (an array of them is then described element by element). */
  private static boolean hasReferences(Type t) {
    Type u = t.underlying();
    if (u instanceof gopl.types.Array a) return hasReferences(a.elem());
    if (u instanceof Struct s) {
      for (Var f : s.fields()) if (hasReferences(f.type())) return true;
      return false;
    }
    return !(u instanceof Basic b) || TypeLayout.isString(u) || b.kind() == Basic.Kind.UNSAFE_POINTER;
  }

  /** A pointer to an array ({@code *[N]T}) whose array can live in persistent memory. */
  static boolean isArrayPointer(Type t) {
    return t.underlying() instanceof Pointer p && p.elem().underlying() instanceof gopl.types.Array && kindName(p.elem()) != null;
  }

  /**
   * Values that only mean something in this process and are kept in the heap's volatile table
   * (DESIGN.md §4): pointers to and slices of sync types, chans, funcs. They read as nil after a
   * restart.
   */
  static boolean isVolatileOnly(Type t) {
    Type u = t.underlying();
    if (u instanceof gopl.types.Chan || u instanceof gopl.types.Signature) return true;
    if (u instanceof Pointer p) return NativeTypes.isNative(p.elem());
    if (u instanceof Slice sl) return NativeTypes.isNative(sl.elem()) || isVolatileOnly(sl.elem());
    return false;
  }

  /** Go's amd64 field offsets. */
  static List<Long> offsets(Struct s) {
    List<Long> out = new ArrayList<>();
    long off = 0;
    for (Var f : s.fields()) {
      long al = Sizes.alignof(f.type());
      off = (off + al - 1) / al * al;
      out.add(off);
      off += Sizes.sizeof(f.type());
    }
    return out;
  }

  // ---------------------------------------------------------------- struct classes

  /** Base-class accessors of a persistable struct: plain field access. */
  void emitAccessors(ClassWriter cw, String cls, Struct s) {
    for (int i = 0; i < s.numFields(); i++) {
      String fn = StructGen.fieldName(s, i);
      String d = gen.layout.desc(s.field(i).type());
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "$g$" + fn, "()" + d, null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, cls, fn, d);
      mv.visitInsn(Bytecode.ret(d));
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      mv = cw.visitMethod(ACC_PUBLIC, "$s$" + fn, "(" + d + ")V", null, null);
      mv.visitCode();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(Bytecode.load(d), 1);
      mv.visitFieldInsn(PUTFIELD, cls, fn, d);
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }

  /** The persistent twin {@code T$P extends T}: accessors read and write the heap. */
  void emitTwin(String cls, Type t) {
    Struct s = (Struct) t.underlying();
    String tw = twin(cls);
    ClassWriter cw = gen.newClassWriter();
    cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, tw, null, cls, new String[] {"gopl/runtime/persist/PObject"});
    cw.visitField(ACC_PUBLIC | ACC_FINAL, "$ptr", PPTR_DESC, null, null).visitEnd();
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + PPTR_DESC + ")V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitFieldInsn(PUTFIELD, tw, "$ptr", PPTR_DESC);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    mv = cw.visitMethod(ACC_PUBLIC, "pptr", "()" + PPTR_DESC, null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, tw, "$ptr", PPTR_DESC);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    List<Long> offs = offsets(s);
    for (int i = 0; i < s.numFields(); i++) {
      Type ft = s.field(i).type();
      String fn = StructGen.fieldName(s, i);
      String d = gen.layout.desc(ft);
      long fo = offs.get(i);
      String cache = cacheKind(ft);
      // getter
      mv = cw.visitMethod(ACC_PUBLIC, "$g$" + fn, "()" + d, null, null);
      mv.visitCode();
      if (cache != null) {
        cw.visitField(ACC_PRIVATE, "$c$" + fn, cache, null, null).visitEnd();
        cachedLoad(mv, tw, fn, cache, ft, fo);
      } else {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, tw, "$ptr", PPTR_DESC);
        mv.visitLdcInsn(fo);
        load(mv, ft, s.field(i).name());
      }
      mv.visitInsn(Bytecode.ret(d));
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      // setter
      mv = cw.visitMethod(ACC_PUBLIC, "$s$" + fn, "(" + d + ")V", null, null);
      mv.visitCode();
      if (NativeTypes.isNative(ft)) {
        // a lock held by value is the persistent object's own (PRt.volatileValue): assignment keeps it
      } else if (TypeLayout.isStruct(ft)) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, tw, "$g$" + fn, "()" + d, false);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKEVIRTUAL, gen.structs.className(ft), "$set", "(" + d + ")V", false);
      } else if (TypeLayout.isArray(ft)) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, tw, "$g$" + fn, "()" + d, false);
        mv.visitVarInsn(ALOAD, 1);
        gen.values.assignInto(mv, ft); // into the mirror: PArrays writes the heap
      } else if (cache != null) {
        cachedStore(mv, tw, fn, cache, ft, fo);
      } else {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, tw, "$ptr", PPTR_DESC);
        mv.visitLdcInsn(fo);
        mv.visitVarInsn(Bytecode.load(d), 1);
        store(mv, ft, s.field(i).name());
      }
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    cw.visitEnd();
    gen.addClass(tw, cw.toByteArray());
  }

  // ---------------------------------------------------------------- per-twin caches of loaded fields

  /*
   * A twin remembers the last value it loaded or stored for each pointer-to-struct and slice field
   * ($c$f). Pointer: the twin of the pointed-to struct; a load still reads the field's word (another
   * twin, a rollback or another goroutine may have changed it) and reuses the cached twin when the
   * word still names it: one read and a compare instead of a handle and a new twin. Slice: a
   * persistent slice object of the twin's own stamped with a change count: a load returns it with
   * no heap read at all while no slice header anywhere has changed since it was read (the getter
   * compares the stamp itself), else re-reads the three words (PSlices.loadCached), reusing the
   * cached backing. A cached twin keeps its object alive as a handle does;
   * a stale entry (the field was changed through another twin) holds the old object only until the
   * next load through this twin.
   */

  /** The descriptor of the cache field of a field of type t, or null if it has none. */
  private String cacheKind(Type t) {
    if (NativeTypes.isNative(t) || isVolatileOnly(t)) return null;
    Type u = t.underlying();
    if (u instanceof Pointer p && TypeLayout.isStruct(p.elem())) return "L" + twin(gen.structs.className(p.elem())) + ";";
    if (u instanceof Slice sl && sliceKind(sl) != null) return "Ljava/lang/Object;";
    // an array in place: its mirror is the same JVM array for as long as anyone holds it (PArrays)
    if (u instanceof gopl.types.Array && kindName(t) != null) return gen.layout.desc(t);
    return null;
  }

  /** Getter body of a cached field: leaves the value on the stack. */
  private void cachedLoad(MethodVisitor mv, String tw, String fn, String cache, Type ft, long fo) {
    Type u = ft.underlying();
    if (u instanceof gopl.types.Array) {
      // the mirror never changes while this twin holds it: no validation, no lookup after the first
      Label done = new Label();
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, tw, "$c$" + fn, cache);
      mv.visitInsn(DUP);
      mv.visitJumpInsn(IFNONNULL, done);
      mv.visitInsn(POP);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, tw, "$ptr", PPTR_DESC);
      mv.visitLdcInsn(fo);
      load(mv, ft, fn);
      mv.visitInsn(DUP);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitInsn(SWAP);
      mv.visitFieldInsn(PUTFIELD, tw, "$c$" + fn, cache);
      mv.visitLabel(done);
      return;
    }
    if (u instanceof Slice sl) {
      TypeLayout.Storage st = TypeLayout.storage(sl.elem());
      String pc = "gopl/runtime/persist/PSliceTypes$P" + (st == TypeLayout.Storage.OBJECT ? "Obj" : st.prefix);
      Label slow = new Label(), done = new Label(), same = new Label();
      // fast path: the cached slice's stamp is the current change count (PSlices.loadCached)
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, tw, "$c$" + fn, cache);
      mv.visitVarInsn(ASTORE, 1);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitTypeInsn(INSTANCEOF, pc);
      mv.visitJumpInsn(IFEQ, slow);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitTypeInsn(CHECKCAST, pc);
      mv.visitFieldInsn(GETFIELD, pc, "stamp", "J");
      mv.visitMethodInsn(INVOKESTATIC, PSLICES, "changes", "()J", false);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFNE, slow);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitTypeInsn(CHECKCAST, st.sliceClass());
      mv.visitJumpInsn(GOTO, done);
      // slow path: re-read the header words; write the cache back only when it changed
      mv.visitLabel(slow);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitFieldInsn(GETFIELD, tw, "$ptr", PPTR_DESC);
      mv.visitLdcInsn(fo);
      pushKind(mv, sl.elem());
      mv.visitVarInsn(ALOAD, 1);
      mv.visitMethodInsn(INVOKESTATIC, PSLICES, "loadCached", "(" + PPTR_DESC + "JLgopl/runtime/persist/PKind;Ljava/lang/Object;)Ljava/lang/Object;", false);
      mv.visitVarInsn(ASTORE, 2);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitJumpInsn(IF_ACMPEQ, same);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitFieldInsn(PUTFIELD, tw, "$c$" + fn, cache);
      mv.visitLabel(same);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitTypeInsn(CHECKCAST, st.sliceClass());
      mv.visitLabel(done);
      return;
    }
    // pointer to struct: at = the field's word; nil, the cached twin, or a new twin (cached)
    String ectw = cache.substring(1, cache.length() - 1);
    Label nil = new Label(), miss = new Label();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, tw, "$ptr", PPTR_DESC);
    mv.visitLdcInsn(fo);
    prt(mv, "getLong", "(" + PPTR_DESC + "J)J");
    mv.visitVarInsn(LSTORE, 1);
    mv.visitVarInsn(LLOAD, 1);
    mv.visitInsn(LCONST_0);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFEQ, nil);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, tw, "$c$" + fn, cache);
    mv.visitVarInsn(ASTORE, 3);
    mv.visitVarInsn(ALOAD, 3);
    mv.visitJumpInsn(IFNULL, miss);
    mv.visitVarInsn(ALOAD, 3);
    mv.visitFieldInsn(GETFIELD, ectw, "$ptr", PPTR_DESC);
    mv.visitFieldInsn(GETFIELD, PPTR, "off", "J");
    mv.visitVarInsn(LLOAD, 1);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFNE, miss);
    mv.visitVarInsn(ALOAD, 3);
    mv.visitInsn(ARETURN);
    mv.visitLabel(miss);
    mv.visitTypeInsn(NEW, ectw);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, tw, "$ptr", PPTR_DESC);
    mv.visitVarInsn(LLOAD, 1);
    prt(mv, "handle", "(" + PPTR_DESC + "J)" + PPTR_DESC);
    mv.visitMethodInsn(INVOKESPECIAL, ectw, "<init>", "(" + PPTR_DESC + ")V", false);
    mv.visitVarInsn(ASTORE, 3);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 3);
    mv.visitFieldInsn(PUTFIELD, tw, "$c$" + fn, cache);
    mv.visitVarInsn(ALOAD, 3);
    mv.visitInsn(ARETURN);
    mv.visitLabel(nil);
    mv.visitInsn(ACONST_NULL);
    mv.visitTypeInsn(CHECKCAST, gen.structs.className(((Pointer) u).elem()));
  }

  /** Setter body of a cached field (value in local 1): stores it, then caches what was stored. */
  private void cachedStore(MethodVisitor mv, String tw, String fn, String cache, Type ft, long fo) {
    Type u = ft.underlying();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, tw, "$ptr", PPTR_DESC);
    mv.visitLdcInsn(fo);
    mv.visitVarInsn(ALOAD, 1);
    if (u instanceof Slice sl) {
      pushKind(mv, sl.elem());
      mv.visitMethodInsn(INVOKESTATIC, PSLICES, "storeCached", "(" + PPTR_DESC + "JLjava/lang/Object;Lgopl/runtime/persist/PKind;)Ljava/lang/Object;", false);
      mv.visitVarInsn(ASTORE, 2);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitFieldInsn(PUTFIELD, tw, "$c$" + fn, cache);
      return;
    }
    String ectw = cache.substring(1, cache.length() - 1);
    prt(mv, "putPtr", "(" + PPTR_DESC + "JLjava/lang/Object;)V");
    // stored: v is nil or a twin (putPtr refuses volatile pointers)
    Label notTwin = new Label(), done = new Label();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitTypeInsn(INSTANCEOF, ectw);
    mv.visitJumpInsn(IFEQ, notTwin);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitTypeInsn(CHECKCAST, ectw);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(notTwin);
    mv.visitInsn(ACONST_NULL);
    mv.visitLabel(done);
    mv.visitFieldInsn(PUTFIELD, tw, "$c$" + fn, cache);
  }

  private static void prt(MethodVisitor mv, String name, String desc) {
    mv.visitMethodInsn(INVOKESTATIC, PRT, name, desc, false);
  }

  /** (PPtr, long fo) -> value of type t. */
  private void load(MethodVisitor mv, Type t, String field) {
    Type u = t.underlying();
    if (NativeTypes.isNative(t)) {
      mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(NativeTypes.classOf(t)));
      prt(mv, "volatileValue", "(" + PPTR_DESC + "JLjava/lang/Class;)Ljava/lang/Object;");
      mv.visitTypeInsn(CHECKCAST, NativeTypes.classOf(t));
      return;
    }
    if (isVolatileOnly(t)) {
      prt(mv, "getVolatile", "(" + PPTR_DESC + "J)Ljava/lang/Object;");
      String d = gen.layout.desc(t);
      mv.visitTypeInsn(CHECKCAST, d.substring(1, d.length() - 1));
      return;
    }
    if (u instanceof Basic b) {
      switch (b.kind()) {
        case INT, INT64, UINT, UINT64, UINTPTR -> prt(mv, "getLong", "(" + PPTR_DESC + "J)J");
        case INT32, UINT32 -> prt(mv, "getInt", "(" + PPTR_DESC + "J)I");
        case INT16 -> prt(mv, "getShort", "(" + PPTR_DESC + "J)I");
        case UINT16 -> {
          prt(mv, "getShort", "(" + PPTR_DESC + "J)I");
          Bytecode.iconst(mv, 0xFFFF);
          mv.visitInsn(IAND);
        }
        case INT8 -> prt(mv, "getByte", "(" + PPTR_DESC + "J)I");
        case UINT8 -> {
          prt(mv, "getByte", "(" + PPTR_DESC + "J)I");
          Bytecode.iconst(mv, 0xFF);
          mv.visitInsn(IAND);
        }
        case BOOL -> prt(mv, "getBool", "(" + PPTR_DESC + "J)Z");
        case FLOAT64 -> prt(mv, "getDouble", "(" + PPTR_DESC + "J)D");
        case FLOAT32 -> prt(mv, "getFloat", "(" + PPTR_DESC + "J)F");
        case STRING -> prt(mv, "getString", "(" + PPTR_DESC + "J)Ljava/lang/String;");
        default -> throw unsupported(field, t);
      }
      return;
    }
    if (u instanceof Pointer p && TypeLayout.isStruct(p.elem())) {
      String ec = gen.structs.className(p.elem());
      prt(mv, "getPtr", "(" + PPTR_DESC + "J)" + PPTR_DESC);
      Label nil = new Label();
      mv.visitInsn(DUP);
      mv.visitJumpInsn(IFNULL, nil);
      mv.visitTypeInsn(NEW, twin(ec));
      mv.visitInsn(DUP_X1);
      mv.visitInsn(SWAP);
      mv.visitMethodInsn(INVOKESPECIAL, twin(ec), "<init>", "(" + PPTR_DESC + ")V", false);
      mv.visitLabel(nil);
      mv.visitTypeInsn(CHECKCAST, ec);
      return;
    }
    if (u instanceof gopl.types.Interface) {
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/persist/PIfaces", "load", "(" + PPTR_DESC + "J)Ljava/lang/Object;", false);
      return;
    }
    if (u instanceof gopl.types.Array && kindName(t) != null) {
      pushKind(mv, t);
      mv.visitMethodInsn(INVOKESTATIC, PARRAYS, "load", "(" + PPTR_DESC + "JLgopl/runtime/persist/PKind;)Ljava/lang/Object;", false);
      mv.visitTypeInsn(CHECKCAST, gen.layout.desc(t));
      return;
    }
    if (isArrayPointer(t)) {
      pushKind(mv, ((Pointer) u).elem());
      mv.visitMethodInsn(INVOKESTATIC, PARRAYS, "loadPtr", "(" + PPTR_DESC + "JLgopl/runtime/persist/PKind;)Ljava/lang/Object;", false);
      mv.visitTypeInsn(CHECKCAST, gen.layout.desc(t));
      return;
    }
    if (u instanceof Pointer p && kindName(p.elem()) != null) {
      pushKind(mv, p.elem());
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/persist/PPtrs", "loadPtr", "(" + PPTR_DESC + "JLgopl/runtime/persist/PKind;)Ljava/lang/Object;", false);
      mv.visitTypeInsn(CHECKCAST, TypeLayout.storage(p.elem()).ptrClass());
      return;
    }
    if (u instanceof Struct) {
      String ec = gen.structs.className(t);
      prt(mv, "derive", "(" + PPTR_DESC + "J)" + PPTR_DESC);
      mv.visitTypeInsn(NEW, twin(ec));
      mv.visitInsn(DUP_X1);
      mv.visitInsn(SWAP);
      mv.visitMethodInsn(INVOKESPECIAL, twin(ec), "<init>", "(" + PPTR_DESC + ")V", false);
      return;
    }
    if (u instanceof Slice sl) {
      if (sliceKind(sl) == null) throw unsupported(field, t);
      pushKind(mv, sl.elem());
      mv.visitMethodInsn(INVOKESTATIC, PSLICES, "load", "(" + PPTR_DESC + "JLgopl/runtime/persist/PKind;)Ljava/lang/Object;", false);
      mv.visitTypeInsn(CHECKCAST, TypeLayout.storage(sl.elem()).sliceClass());
      return;
    }
    throw unsupported(field, t);
  }

  /** (PPtr, long fo, value of type t) -> (). */
  private void store(MethodVisitor mv, Type t, String field) {
    Type u = t.underlying();
    if (isVolatileOnly(t)) {
      prt(mv, "putVolatile", "(" + PPTR_DESC + "JLjava/lang/Object;)V");
      return;
    }
    if (u instanceof Basic b) {
      switch (b.kind()) {
        case INT, INT64, UINT, UINT64, UINTPTR -> prt(mv, "putLong", "(" + PPTR_DESC + "JJ)V");
        case INT32, UINT32 -> prt(mv, "putInt", "(" + PPTR_DESC + "JI)V");
        case INT16, UINT16 -> prt(mv, "putShort", "(" + PPTR_DESC + "JI)V");
        case INT8, UINT8 -> prt(mv, "putByte", "(" + PPTR_DESC + "JI)V");
        case BOOL -> prt(mv, "putBool", "(" + PPTR_DESC + "JZ)V");
        case FLOAT64 -> prt(mv, "putDouble", "(" + PPTR_DESC + "JD)V");
        case FLOAT32 -> prt(mv, "putFloat", "(" + PPTR_DESC + "JF)V");
        case STRING -> prt(mv, "putString", "(" + PPTR_DESC + "JLjava/lang/String;)V");
        default -> throw unsupported(field, t);
      }
      return;
    }
    if (isArrayPointer(t)) {
      mv.visitMethodInsn(INVOKESTATIC, PARRAYS, "putPtr", "(" + PPTR_DESC + "JLjava/lang/Object;)V", false);
      return;
    }
    if (u instanceof Pointer p && kindName(p.elem()) != null) {
      prt(mv, "putPtr", "(" + PPTR_DESC + "JLjava/lang/Object;)V");
      return;
    }
    if (u instanceof gopl.types.Interface) {
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/persist/PIfaces", "store", "(" + PPTR_DESC + "JLjava/lang/Object;)V", false);
      return;
    }
    if (u instanceof Slice sl && sliceKind(sl) != null) {
      pushKind(mv, sl.elem());
      mv.visitMethodInsn(INVOKESTATIC, PSLICES, "store", "(" + PPTR_DESC + "JLjava/lang/Object;Lgopl/runtime/persist/PKind;)V", false);
      return;
    }
    throw unsupported(field, t);
  }

  private CodegenException unsupported(String field, Type t) {
    String what = t.underlying() instanceof gopl.types.MapType ? "a map" : t.toString();
    return new CodegenException(Pos.NONE, "not supported in GoPL yet: " + what + " in persistent memory (field " + field + ")");
  }

  /**
   * The persistent element kind of slice type s (gopl.runtime.persist.PKind's names), or null when
   * its elements cannot live in persistent memory yet.
   */
  static String sliceKind(Slice s) {
    return kindName(s.elem());
  }

  /** The persistent kind of values of type t (PKind's names), or null if t cannot live in persistent memory yet. */
  static String kindName(Type t) {
    Type u = t.underlying();
    if (TypeLayout.isString(u)) return "String";
    if (u instanceof Basic b) {
      return switch (b.kind()) {
        case INT, INT64, UINT, UINT64, UINTPTR -> "Long";
        case INT32, UINT32 -> "Int";
        case INT16, UINT16 -> "Short";
        case INT8, UINT8 -> "Byte";
        case FLOAT64 -> "Double";
        case FLOAT32 -> "Float";
        case BOOL -> "Bool";
        default -> null;
      };
    }
    if (u instanceof Pointer p) {
      if (p.elem().underlying() instanceof gopl.types.Array) return null; // *[N]T: PArrays.loadPtr/putPtr, fields only
      return TypeLayout.isStruct(p.elem()) || kindName(p.elem()) != null ? "Ptr" : null;
    }
    if (u instanceof Struct && NativeTypes.classOf(t) == null) return "Struct";
    if (u instanceof Slice sl && sliceKind(sl) != null) return "Slice";
    if (u instanceof gopl.types.Array a && a.len() > 0 && Sizes.sizeof(a.elem()) > 0 && kindName(a.elem()) != null) return "Array";
    if (u instanceof gopl.types.Interface) return "Iface";
    return null;
  }

  private static final org.objectweb.asm.Handle KIND_BSM = new org.objectweb.asm.Handle(H_INVOKESTATIC, "gopl/runtime/persist/PKind", "bootstrap",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Object;)Lgopl/runtime/persist/PKind;", false);

  /** Pushes the PKind of persistent values of type t (a constant-dynamic: resolved once per site). */
  void pushKind(MethodVisitor mv, Type t) {
    mv.visitLdcInsn(kindConstant(t));
  }

  private org.objectweb.asm.ConstantDynamic kindConstant(Type t) {
    String k = kindName(t);
    Type u = t.underlying();
    String twin = "java/lang/Object";
    Object inner = 0;
    if (u instanceof Pointer p && TypeLayout.isStruct(p.elem())) twin = twin(gen.structs.className(p.elem()));
    else if (u instanceof Pointer p) inner = kindConstant(p.elem());
    else if (u instanceof Struct) twin = twin(gen.structs.className(t));
    else if (u instanceof Slice sl) inner = kindConstant(sl.elem());
    else if (u instanceof gopl.types.Array a) inner = kindConstant(a.elem());
    return new org.objectweb.asm.ConstantDynamic("kind", "Lgopl/runtime/persist/PKind;", KIND_BSM, k, desc(t),
        org.objectweb.asm.Type.getObjectType(twin), inner);
  }

  /** Emits {@code &o.f} for a field of persistable struct owner (o on the stack, field name pushed by the caller next). */
  boolean fieldAddress(MethodVisitor mv, Type owner, Struct s, int index) {
    if (!types.isStruct(owner)) return false;
    Type ft = s.field(index).type();
    if (kindName(ft) == null || TypeLayout.isValueObject(ft)) return false;
    mv.visitLdcInsn(StructGen.fieldName(s, index));
    mv.visitLdcInsn(offsets(s).get(index));
    pushKind(mv, ft);
    String pc = TypeLayout.storage(ft).ptrClass();
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/persist/PPtrs", "field", "(Ljava/lang/Object;Ljava/lang/String;JLgopl/runtime/persist/PKind;)Ljava/lang/Object;", false);
    mv.visitTypeInsn(CHECKCAST, pc);
    return true;
  }

  // ---------------------------------------------------------------- Java intrinsics writing into []byte

  /**
   * Before a call of an intrinsic that writes into an argument (on the stack) that is a byte slice
   * of a persistable slice type (PersistNatives): keeps a copy of each such argument in a new local; returns the locals, or null
   * (nothing emitted) when there is none. {@link #syncNativeSliceArgs} after the call writes what
   * the intrinsic stored into a persistent slice's mirror to the heap (PNatives).
   */
  int[] nativeSliceArgs(FuncGen f, MethodVisitor mv, gopl.types.Func fn) {
    gopl.types.Signature sig = fn.signature();
    List<gopl.types.Var> ps = sig.params().vars();
    boolean[] synced = new boolean[ps.size()];
    boolean any = false;
    for (int i = 0; i < ps.size(); i++) {
      // only natives that write into the slice (a read, not a write): PersistNatives
      synced[i] = isPersistentBytes(ps.get(i).type()) && PersistNatives.writes(fn.pkg().path(), fn.name(), i);
      any |= synced[i];
    }
    if (!any) return null;
    int n = ps.size();
    int[] slots = new int[n];
    String[] descs = new String[n];
    for (int i = n - 1; i >= 0; i--) {
      descs[i] = gen.layout.desc(ps.get(i).type());
      slots[i] = f.newSlot(descs[i]);
      mv.visitVarInsn(Bytecode.store(descs[i]), slots[i]);
    }
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      mv.visitVarInsn(Bytecode.load(descs[i]), slots[i]);
      if (synced[i]) keep.add(slots[i]);
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }

  void syncNativeSliceArgs(MethodVisitor mv, int[] slots) {
    for (int s : slots) {
      mv.visitVarInsn(ALOAD, s);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/persist/PNatives", "synced", "(Ljava/lang/Object;)V", false);
    }
  }

  private boolean isPersistentBytes(Type t) {
    return t.underlying() instanceof Slice sl && TypeLayout.storage(sl.elem()) == TypeLayout.Storage.BYTE && types.isSlice(t);
  }

  // ---------------------------------------------------------------- pnew, pmake

  /** pnew(T): a twin over a zeroed persistent T. Returns the JVM descriptor pushed. */
  String pnew(MethodVisitor mv, Type elem, Pos pos) {
    if (TypeLayout.isArray(elem)) {
      if (kindName(elem) == null) throw new CodegenException(pos, "not supported in GoPL yet: pnew(" + elem + ")");
      pushKind(mv, elem);
      mv.visitMethodInsn(INVOKESTATIC, PARRAYS, "pnew", "(Lgopl/runtime/persist/PKind;)Ljava/lang/Object;", false);
      String d = gen.layout.desc(elem);
      mv.visitTypeInsn(CHECKCAST, d);
      return d;
    }
    if (!TypeLayout.isStruct(elem)) {
      if (kindName(elem) == null) throw new CodegenException(pos, "not supported in GoPL yet: pnew(" + elem + ")");
      pushKind(mv, elem);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/persist/PPtrs", "pnew", "(Lgopl/runtime/persist/PKind;)Ljava/lang/Object;", false);
      String pc = TypeLayout.storage(elem).ptrClass();
      mv.visitTypeInsn(CHECKCAST, pc);
      return "L" + pc + ";";
    }
    String cls = gen.structs.className(elem);
    mv.visitTypeInsn(NEW, twin(cls));
    mv.visitInsn(DUP);
    mv.visitLdcInsn(desc(elem));
    prt(mv, "alloc", "(Ljava/lang/String;)" + PPTR_DESC);
    mv.visitMethodInsn(INVOKESPECIAL, twin(cls), "<init>", "(" + PPTR_DESC + ")V", false);
    mv.visitTypeInsn(CHECKCAST, cls); // typed as *T, so frames merge with volatile *T values
    return "L" + cls + ";";
  }

  /** pmake([]E, len, cap): lenCap pushes len and cap (J, J). */
  String pmake(MethodVisitor mv, Slice s, Pos pos, Runnable lenCap) {
    String k = sliceKind(s);
    if (k == null) throw new CodegenException(pos, "not supported in GoPL yet: pmake([]" + s.elem() + ") (element types: numbers, bools, strings, structs, pointers, slices, interfaces, arrays of these)");
    pushKind(mv, s.elem());
    lenCap.run();
    mv.visitMethodInsn(INVOKESTATIC, PSLICES, "make", "(Lgopl/runtime/persist/PKind;JJ)Ljava/lang/Object;", false);
    String sc = TypeLayout.storage(s.elem()).sliceClass();
    mv.visitTypeInsn(CHECKCAST, sc);
    return "L" + sc + ";";
  }

  // ---------------------------------------------------------------- registration (main)

  /** Registers every persistable *T and []E with the runtime, so pmem.New/Get/Make can allocate them. */
  void emitRegistrations(MethodVisitor mv) {
    if (!usesPersistence()) return;
    // dynamic types that interfaces in persistent memory can hold (PIfaces)
    List<Type> dyn = new ArrayList<>();
    for (gopl.types.Basic b : gopl.types.Typ.PREDECLARED) {
      if (b != gopl.types.Typ.BYTE && b != gopl.types.Typ.RUNE && kindName(b) != null) dyn.add(b);
    }
    for (Type t : types.structs.values()) dyn.add(new Pointer(t));
    dyn.addAll(types.slices.values());
    dyn.addAll(types.pointers.values());
    dyn.addAll(types.ifaceValues.values()); // struct values and named non-struct types
    for (Type t : dyn) {
      if (kindName(t) == null) continue;
      gen.descriptors.push(mv, t);
      pushKind(mv, t);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/persist/PIfaces", "register", "(" + Descriptors.RTYPE_DESC + "Lgopl/runtime/persist/PKind;)V", false);
    }
    for (Type t : types.structs.values()) {
      String cls = gen.structs.className(t);
      gen.descriptors.push(mv, new Pointer(t));
      mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(twin(cls)));
      mv.visitLdcInsn(desc(t));
      prt(mv, "register", "(" + Descriptors.RTYPE_DESC + "Ljava/lang/Class;Ljava/lang/String;)V");
    }
    for (Type t : types.slices.values()) {
      Slice s = (Slice) t.underlying();
      String k = sliceKind(s);
      if (k == null) continue;
      gen.descriptors.push(mv, t);
      pushKind(mv, s.elem());
      prt(mv, "registerSlice", "(" + Descriptors.RTYPE_DESC + "Lgopl/runtime/persist/PKind;)V");
    }
  }

  /** After main returns: close the persistent heap (all committed work is durable already). */
  void emitMainReturned(MethodVisitor mv) {
    if (!usesPersistence()) return;
    prt(mv, "close", "()V");
  }

  boolean usesPersistence() {
    if (!types.structs.isEmpty() || !types.slices.isEmpty()) return true;
    for (gopl.types.CheckedPackage cp : gen.program.packages()) {
      if (PersistTypes.isPmemPackage(cp.importPath())) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- unsafe.Pointer

  private static boolean isUnsafePointer(Type u) {
    return u instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER;
  }

  /**
   * Conversions involving unsafe.Pointer (DESIGN.md §2): an unsafe.Pointer is the pointer object
   * itself, so {@code (*T)(p)} is a checkcast and {@code unsafe.Pointer(q)} is nothing;
   * {@code uintptr(p)} is the persistent offset (for runtime.InPmem), never an address to use.
   */
  boolean unsafeConvert(ExprGen x, gopl.frontend.ast.Expr arg, Type fu, Type tu) {
    if (isUnsafePointer(fu) && tu instanceof Pointer) {
      x.gen(arg);
      String d = gen.layout.desc(tu);
      x.mv.visitTypeInsn(CHECKCAST, d.substring(1, d.length() - 1));
      return true;
    }
    if (isUnsafePointer(fu) && TypeLayout.isInteger(tu)) {
      x.gen(arg);
      prt(x.mv, "addr", "(Ljava/lang/Object;)J");
      return true;
    }
    if (isUnsafePointer(tu) && fu instanceof Pointer) {
      x.gen(arg);
      return true;
    }
    if (isUnsafePointer(tu) && TypeLayout.isInteger(fu)) {
      throw new CodegenException(arg.pos(), "not supported in GoPL: conversion of an integer to unsafe.Pointer");
    }
    return false;
  }

  // ---------------------------------------------------------------- pointer identity

  /** Whether == on values of t must compare heap and offset (a pointer to a persistable struct). */
  boolean needsSame(Type t) {
    return types.isPointer(t);
  }
}
