package gopl.repl;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The registrations of persistable types that the code generator puts at the start of a
 * program's {@code main} (docs/persistence.md: "main registers every persistable *T run-time type
 * with its twin class"), read back from the main package class so that the REPL, which never runs
 * main, performs exactly the same registrations before each cell (docs/repl.md "Persistence").
 *
 * <p>Each call {@code PRt.register(RType, Class, String)} or {@code PRt.registerSlice(RType,
 * String, String, Class)} is preceded by the pushes of its constant arguments: a {@code getstatic}
 * of a {@code go/Types} field, class and string constants, or {@code aconst_null}; those are
 * recorded as the call's arguments. Any other instruction forgets the pending arguments.
 */
final class PersistRegistrations {
  private PersistRegistrations() {}

  static final String PRT = "gopl/runtime/persist/PRt";

  /** An argument pushed by a getstatic: a static field of a generated class. */
  record StaticField(String owner, String name) {}

  /** One registration call: "register" or "registerSlice" with its arguments (Type for classes). */
  record Call(String method, List<Object> args) {}

  /** The registration calls in the class file, in order (several methods may hold them: main, main$body). */
  static List<Call> of(byte[] mainPackageClass) {
    List<Call> calls = new ArrayList<>();
    new ClassReader(mainPackageClass).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
        return null;
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exc) {
        return new Collector(calls);
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return calls;
  }

  private static final class Collector extends MethodVisitor {
    private final List<Call> calls;
    private final List<Object> pending = new ArrayList<>();

    Collector(List<Call> calls) {
      super(Opcodes.ASM9);
      this.calls = calls;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String desc) {
      pending.clear();
      if (opcode == Opcodes.GETSTATIC) pending.add(new StaticField(owner, name));
    }

    @Override
    public void visitLdcInsn(Object value) {
      if (value instanceof String || value instanceof Type) pending.add(value);
      else pending.clear();
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.ACONST_NULL) pending.add(null);
      else pending.clear();
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
      int n = Type.getArgumentCount(desc);
      if (opcode == Opcodes.INVOKESTATIC && owner.equals(PRT) && (name.equals("register") || name.equals("registerSlice"))
          && pending.size() >= n && pending.get(pending.size() - n) instanceof StaticField) {
        calls.add(new Call(name, java.util.Collections.unmodifiableList(new ArrayList<>(pending.subList(pending.size() - n, pending.size())))));
      }
      pending.clear();
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
      pending.clear();
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      pending.clear();
    }

    @Override
    public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
      pending.clear();
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      pending.clear();
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String desc, org.objectweb.asm.Handle bsm, Object... args) {
      pending.clear();
    }
  }
}
