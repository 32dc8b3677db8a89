package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.types.Func;
import gopl.types.Interface;
import gopl.types.Lookup;
import gopl.types.Named;
import gopl.types.Pointer;
import gopl.types.Struct;
import gopl.types.Type;
import gopl.types.Var;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;

/**
 * Method sets at run time (spec "Method sets"): registers, in go/Types' initialiser, each declared
 * method in the RType of T (value receivers) and of *T (all methods). A value-receiver method
 * reached through *T goes through a bridge {@code T$M$p} that dereferences (and copies a struct)
 * first, generated beside the method by {@link PackageGen}. Methods promoted from embedded fields
 * (spec: "promoted methods are included in the method set of the struct") are registered through
 * wrappers {@code pm$N} in go/Types that walk the embedded fields and call the method.
 */
final class MethodTables {
  private final CodeGenerator gen;

  MethodTables(CodeGenerator gen) {
    this.gen = gen;
  }

  static boolean pointerReceiver(Func m) {
    return m.signature().recv().type() instanceof Pointer;
  }

  void emitRegistration(MethodVisitor mv, Named n) {
    for (Func m : n.methods()) {
      if (!m.hasBody() && NativeTypes.isNative(n)) {
        String cls = NativeTypes.classOf(n);
        register(mv, new Pointer(n), m.name(), new Handle(H_INVOKEVIRTUAL, cls, m.name(), gen.funcTypes.desc(m.signature(), false), false));
        continue;
      }
      if (!m.hasBody() || m.name().equals("_")) continue;
      String owner = gen.funcClass(m); // the class of the method's file (CodeGenerator.funcClass)
      String name = Names.methodName(m);
      String desc = gen.funcTypes.desc(m.signature(), true);
      if (!pointerReceiver(m)) {
        register(mv, n, m.name(), new Handle(H_INVOKESTATIC, owner, name, desc, false));
        String bridgeDesc = "(" + gen.layout.desc(new Pointer(n)) + desc.substring(1 + gen.layout.desc(n).length());
        register(mv, new Pointer(n), m.name(), new Handle(H_INVOKESTATIC, owner, name + "$p", bridgeDesc, false));
      } else {
        register(mv, new Pointer(n), m.name(), new Handle(H_INVOKESTATIC, owner, name, desc, false));
      }
    }
  }

  private int promoted;

  /** Registers the methods struct type n gets from its embedded fields, in T's and *T's tables. */
  void emitPromoted(MethodVisitor mv, ClassWriter cw, Named n) {
    if (!(n.underlying() instanceof Struct) || NativeTypes.isNative(n)) return;
    Set<String> names = new TreeSet<>();
    embeddedMethodNames(n, names, new HashSet<>());
    for (Func m : n.methods()) names.remove(m.name());
    for (String name : names) {
      for (Type recv : List.of(n, new Pointer(n))) {
        Lookup.Result r = Lookup.lookupFieldOrMethod(recv, false, n.obj().pkg(), name);
        if (!(r.obj() instanceof Func f) || r.index() == null || r.index().size() < 2) continue;
        String w = wrapper(cw, n, f, r.index());
        if (w == null) continue;
        String desc = "(" + gen.layout.desc(n) + gen.funcTypes.desc(f.signature(), false).substring(1);
        register(mv, recv, name, new Handle(H_INVOKESTATIC, Names.TYPES_CLASS, w, desc, false));
      }
    }
  }

  private static void embeddedMethodNames(Type t, Set<String> out, Set<Type> seen) {
    Type d = t instanceof Pointer p ? p.elem() : t;
    if (!seen.add(d) || !(d.underlying() instanceof Struct st)) return;
    for (int i = 0; i < st.numFields(); i++) {
      Var fv = st.field(i);
      if (!fv.embedded()) continue;
      Type ft = fv.type() instanceof Pointer p ? p.elem() : fv.type();
      if (ft instanceof Named fn) for (Func m : fn.methods()) out.add(m.name());
      if (ft.underlying() instanceof Interface it) for (Func m : it.allMethods()) out.add(m.name());
      embeddedMethodNames(ft, out, seen);
    }
  }

  /** A static wrapper (receiver: n's object, then m's parameters) calling m through the path; null if unsupported. */
  private String wrapper(ClassWriter cw, Named n, Func m, List<Integer> path) {
    Type t = n;
    List<Type> owners = new ArrayList<>();
    for (int i = 0; i < path.size() - 1; i++) {
      Type owner = t.underlying() instanceof Pointer p ? p.elem() : t;
      if (!(owner.underlying() instanceof Struct st)) return null;
      owners.add(owner);
      t = st.field(path.get(i)).type();
    }
    Type recvParam = m.signature().recv().type();
    boolean viaIface = recvParam.underlying() instanceof Interface;
    boolean havePtr = t.underlying() instanceof Pointer;
    Type base = havePtr ? ((Pointer) t.underlying()).elem() : t;
    if (!viaIface && !TypeLayout.isValueObject(base)) return null;
    if (!viaIface && !m.hasBody() && !NativeTypes.isNative(base)) return null;
    String name = "pm$" + (promoted++);
    String desc = "(" + gen.layout.desc(n) + gen.funcTypes.desc(m.signature(), false).substring(1);
    MethodVisitor w = cw.visitMethod(ACC_PUBLIC | ACC_STATIC | ACC_SYNTHETIC, name, desc, null, null);
    w.visitCode();
    w.visitVarInsn(ALOAD, 0);
    for (int i = 0; i < owners.size(); i++) {
      Type owner = owners.get(i);
      Struct st = (Struct) owner.underlying();
      int idx = path.get(i);
      gen.persist.getField(w, owner, gen.structs.className(owner), StructGen.fieldName(st, idx), gen.layout.desc(st.field(idx).type()));
    }
    if (!viaIface && !(recvParam instanceof Pointer)) {
      if (havePtr) {
        w.visitInsn(DUP);
        w.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        w.visitInsn(POP);
      }
      gen.values.copy(w, base);
    }
    int slot = 1;
    for (Var p : m.signature().params().vars()) {
      String d = gen.layout.desc(p.type());
      w.visitVarInsn(Bytecode.load(d), slot);
      slot += Bytecode.size(d);
    }
    if (viaIface) {
      w.visitInvokeDynamicInsn(m.name(), "(Ljava/lang/Object;" + gen.funcTypes.desc(m.signature(), false).substring(1), CallGen.DISPATCH);
    } else if (!m.hasBody()) {
      w.visitMethodInsn(INVOKEVIRTUAL, NativeTypes.classOf(base), m.name(), gen.funcTypes.desc(m.signature(), false), false);
    } else {
      w.visitMethodInsn(INVOKESTATIC, gen.funcClass(m), Names.methodName(m), gen.funcTypes.desc(m.signature(), true), false);
    }
    w.visitInsn(Bytecode.ret(gen.funcTypes.returnDesc(m.signature())));
    w.visitMaxs(0, 0);
    w.visitEnd();
    return name;
  }

  private void register(MethodVisitor mv, gopl.types.Type t, String goName, Handle h) {
    // By JVM coordinates, resolved at first use (RType.addMethod): an ldc of the handle would
    // resolve every method of every linked type at start-up.
    gen.descriptors.push(mv, t);
    mv.visitLdcInsn(goName);
    mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(h.getOwner()));
    mv.visitLdcInsn(h.getName());
    mv.visitLdcInsn(h.getDesc());
    mv.visitInsn(h.getTag() == H_INVOKEVIRTUAL ? ICONST_1 : ICONST_0);
    mv.visitMethodInsn(INVOKEVIRTUAL, Descriptors.RTYPE, "addMethod",
        "(Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/String;Z)" + Descriptors.RTYPE_DESC, false);
    mv.visitInsn(POP);
  }
}
