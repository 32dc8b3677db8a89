package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.types.Named;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.Var;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * One final JVM class per struct type (named struct types get their own class; identical anonymous
 * struct types share one). An object is a struct variable; the same object is the {@code *T}
 * pointing to it. The class implements gopl.runtime.GoStruct: a no-arg constructor making the
 * zero value (nested structs and arrays allocated), {@code $set(T)} (assignment into the
 * variable), {@code copy()}, Go's == ({@code goEquals}/{@code goHash}), reflective {@code field(i)},
 * and {@code $ELEM}, the slice/array element descriptor.
 *
 * <p>Struct types whose pointers are converted into each other ({@code (*B)(pa)}, spec
 * "Conversions": identical underlying types) share the class of one of them ({@link #unify}), so
 * that the converted pointer is the same object; such an object reaches an interface as
 * {@code Boxed(*B, object)} when its class's {@code goType()} is another type's.
 */
final class StructGen {
  private final CodeGenerator gen;
  private final Map<String, String> classByKey = new HashMap<>();
  private final Map<String, Type> typeByClass = new LinkedHashMap<>();
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private int anon;
  /** Descriptor key -> the struct type whose class it shares (see {@link #unify}). */
  private final Map<String, Type> sharedWith = new HashMap<>();

  StructGen(CodeGenerator gen) {
    this.gen = gen;
  }

  /** The class of struct type t (named or not), registering it for emission. */
  String className(Type t) {
    String nat = NativeTypes.classOf(t);
    if (nat != null) return nat;
    t = representative(t);
    String key = gen.descriptors.key(t);
    String c = classByKey.get(key);
    if (c != null) return c;
    if (t instanceof Named n) {
      String pkg = n.obj().pkg() == null ? "builtin" : n.obj().pkg().path();
      c = "go/" + Names.sanitize(pkg) + "/" + Names.sanitize(n.obj().name());
      if (typeByClass.containsKey(c)) c = c + "$" + typeByClass.size();
    } else {
      c = "go/anon/Struct" + (anon++);
    }
    classByKey.put(key, c);
    typeByClass.put(c, t);
    pending.add(c);
    return c;
  }

  /** Makes struct types a and b share one class; must precede className of either. */
  void unify(Type a, Type b) {
    Type ra = representative(a);
    Type rb = representative(b);
    String ka = gen.descriptors.key(ra);
    String kb = gen.descriptors.key(rb);
    if (!ka.equals(kb)) sharedWith.put(kb, ra);
  }

  private Type representative(Type t) {
    for (Type r = sharedWith.get(gen.descriptors.key(t)); r != null; r = sharedWith.get(gen.descriptors.key(t))) t = r;
    return t;
  }

  static String fieldName(Struct s, int i) {
    String n = s.field(i).name();
    return n.equals("_") ? "_$" + i : n;
  }

  /** Emits all registered struct classes (emission may register more). */
  void emitAll() {
    while (!pending.isEmpty()) {
      String c = pending.poll();
      emit(c, typeByClass.get(c));
    }
  }

  private void emit(String cls, Type t) {
    Struct s = (Struct) t.underlying();
    TypeLayout L = gen.layout;
    ClassWriter cw = gen.newClassWriter();
    boolean persistable = gen.persist.types.isStruct(t); // persistence hook: accessors + twin subclass
    cw.visit(V21, persistable ? ACC_PUBLIC | ACC_SUPER : ACC_PUBLIC | ACC_FINAL | ACC_SUPER, cls, null, "java/lang/Object", new String[] {"gopl/runtime/GoStruct"});
    for (int i = 0; i < s.numFields(); i++) {
      cw.visitField(ACC_PUBLIC, fieldName(s, i), L.desc(s.field(i).type()), null, null).visitEnd();
    }
    cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "$ELEM", "Lgopl/runtime/Elem;", null, null).visitEnd();
    String selfDesc = "L" + cls + ";";

    // static { $ELEM = Elem.struct(size, new T()); }
    MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    mv.visitCode();
    Bytecode.iconst(mv, (int) L.sizeof(t));
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Elem", "struct", "(ILgopl/runtime/GoStruct;)Lgopl/runtime/Elem;", false);
    mv.visitFieldInsn(PUTSTATIC, cls, "$ELEM", "Lgopl/runtime/Elem;");
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // constructor: zero value
    mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    for (int i = 0; i < s.numFields(); i++) {
      Type ft = s.field(i).type();
      String d = L.desc(ft);
      if (d.length() == 1 || !gen.values.zeroNeedsCode(ft)) continue;
      mv.visitVarInsn(ALOAD, 0);
      gen.values.pushZero(mv, ft);
      mv.visitFieldInsn(PUTFIELD, cls, fieldName(s, i), d);
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // $set(T o): assignment into this variable
    mv = cw.visitMethod(ACC_PUBLIC, "$set", "(" + selfDesc + ")V", null, null);
    mv.visitCode();
    for (int i = 0; i < s.numFields(); i++) {
      Type ft = s.field(i).type();
      String d = L.desc(ft);
      String fn = fieldName(s, i);
      if (TypeLayout.isValueObject(ft)) {
        mv.visitVarInsn(ALOAD, 0);
        gen.persist.getField(mv, t, cls, fn, d);
        mv.visitVarInsn(ALOAD, 1);
        gen.persist.getField(mv, t, cls, fn, d);
        gen.values.assignInto(mv, ft);
      } else {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        gen.persist.getField(mv, t, cls, fn, d);
        gen.persist.putField(mv, t, cls, fn, d);
      }
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // copy()
    mv = cw.visitMethod(ACC_PUBLIC, "copy", "()Lgopl/runtime/GoStruct;", null, null);
    mv.visitCode();
    mv.visitTypeInsn(NEW, cls);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", "()V", false);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, cls, "$set", "(" + selfDesc + ")V", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // goType(): *T ; structType(): T
    mv = cw.visitMethod(ACC_PUBLIC, "goType", "()" + Descriptors.RTYPE_DESC, null, null);
    mv.visitCode();
    gen.descriptors.push(mv, new gopl.types.Pointer(t));
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    mv = cw.visitMethod(ACC_PUBLIC, "structType", "()" + Descriptors.RTYPE_DESC, null, null);
    mv.visitCode();
    gen.descriptors.push(mv, t);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // field(i)
    mv = cw.visitMethod(ACC_PUBLIC, "field", "(I)Ljava/lang/Object;", null, null);
    mv.visitCode();
    for (int i = 0; i < s.numFields(); i++) {
      Label next = new Label();
      mv.visitVarInsn(ILOAD, 1);
      Bytecode.iconst(mv, i);
      mv.visitJumpInsn(IF_ICMPNE, next);
      mv.visitVarInsn(ALOAD, 0);
      String d = L.desc(s.field(i).type());
      gen.persist.getField(mv, t, cls, fieldName(s, i), d);
      Bytecode.box(mv, d);
      mv.visitInsn(ARETURN);
      mv.visitLabel(next);
    }
    mv.visitInsn(ACONST_NULL);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // goEquals(Object o): spec "Struct values are comparable if all their fields are comparable. Two struct values are equal if their corresponding non-blank fields are equal."
    mv = cw.visitMethod(ACC_PUBLIC, "goEquals", "(Ljava/lang/Object;)Z", null, null);
    mv.visitCode();
    Label no = new Label();
    mv.visitVarInsn(ALOAD, 1);
    mv.visitTypeInsn(CHECKCAST, cls);
    mv.visitVarInsn(ASTORE, 2);
    for (int i = 0; i < s.numFields(); i++) {
      if (s.field(i).name().equals("_")) continue;
      Type ft = s.field(i).type();
      String d = L.desc(ft);
      mv.visitVarInsn(ALOAD, 0);
      gen.persist.getField(mv, t, cls, fieldName(s, i), d);
      mv.visitVarInsn(ALOAD, 2);
      gen.persist.getField(mv, t, cls, fieldName(s, i), d);
      gen.values.equalsJump(mv, ft, false, no);
    }
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IRETURN);
    mv.visitLabel(no);
    mv.visitInsn(ICONST_0);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    // goHash()
    mv = cw.visitMethod(ACC_PUBLIC, "goHash", "()I", null, null);
    mv.visitCode();
    mv.visitInsn(ICONST_1);
    for (int i = 0; i < s.numFields(); i++) {
      if (s.field(i).name().equals("_")) continue;
      Bytecode.iconst(mv, 31);
      mv.visitInsn(IMUL);
      Type ft = s.field(i).type();
      mv.visitVarInsn(ALOAD, 0);
      gen.persist.getField(mv, t, cls, fieldName(s, i), L.desc(ft));
      gen.values.hash(mv, ft);
      mv.visitInsn(IADD);
    }
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();

    if (persistable) gen.persist.emitAccessors(cw, cls, s);
    cw.visitEnd();
    gen.addClass(cls, cw.toByteArray());
    if (persistable) gen.persist.emitTwin(cls, t);
  }

  /** Fields in declaration order, for callers that need the Var of field i. */
  static Var field(Type structType, int i) {
    return ((Struct) structType.underlying()).field(i);
  }
}
