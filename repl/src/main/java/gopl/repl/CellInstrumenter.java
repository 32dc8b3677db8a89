package gopl.repl;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes generated classes interruptible: inserts {@code Interrupts.poll()} before every backward
 * jump (the back edge of every loop, including {@code goto} loops). The call takes and leaves
 * nothing on the operand stack, so existing stack map frames stay valid and no frame is
 * recomputed; the cost is one volatile read per iteration.
 */
final class CellInstrumenter {
  private CellInstrumenter() {}

  static final String POLL_OWNER = Interrupts.class.getName().replace('.', '/');

  static byte[] instrument(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exc) {
        return new BackEdgePolls(super.visitMethod(access, name, desc, sig, exc));
      }
    }, 0);
    return writer.toByteArray();
  }

  private static final class BackEdgePolls extends MethodVisitor {
    private final Set<Label> seen = new HashSet<>();

    BackEdgePolls(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitLabel(Label label) {
      seen.add(label);
      super.visitLabel(label);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      if (seen.contains(label)) super.visitMethodInsn(Opcodes.INVOKESTATIC, POLL_OWNER, "poll", "()V", false);
      super.visitJumpInsn(opcode, label);
    }
  }
}
