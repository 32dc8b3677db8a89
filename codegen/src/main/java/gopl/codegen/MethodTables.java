package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.types.Func;
import gopl.types.Named;
import gopl.types.Pointer;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;

/**
 * Method sets at run time (spec "Method sets"): registers, in go/Types' initialiser, each declared
 * method in the RType of T (value receivers) and of *T (all methods). A value-receiver method
 * reached through *T goes through a bridge {@code T$M$p} that dereferences (and copies a struct)
 * first, generated beside the method by {@link PackageGen}.
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

  private void register(MethodVisitor mv, gopl.types.Type t, String goName, Handle h) {
    gen.descriptors.push(mv, t);
    mv.visitLdcInsn(goName);
    mv.visitLdcInsn(h);
    mv.visitMethodInsn(INVOKEVIRTUAL, Descriptors.RTYPE, "addMethod",
        "(Ljava/lang/String;Ljava/lang/invoke/MethodHandle;)" + Descriptors.RTYPE_DESC, false);
    mv.visitInsn(POP);
  }
}
