package gopl.repl;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Makes the registrations of persistable types callable in a REPL session (docs/repl.md
 * "Persistence"). The code generator puts them at the start of a program's main, before the
 * packages' {@code $init} calls (docs/persistence.md: "main registers every persistable *T
 * run-time type with its twin class"); the REPL never runs main, so this copies that straight-line
 * prologue of main (or of {@code main$body}, main's body when it runs as a goroutine) into a new
 * method {@code public static void $replRegister()} of the same class, which the session calls
 * before the main package's {@code $init}. The copy is exactly what a compiled program runs.
 *
 * <p>Guarantees: the class is returned unchanged if main has no such prologue or it is not
 * straight-line code (then nothing is registered, as in a program without persistable types).
 */
final class PersistRegistrations {
  private PersistRegistrations() {}

  static final String METHOD = "$replRegister";

  /** The main package class with {@link #METHOD} added, or the same bytes. */
  static byte[] addMethod(byte[] mainPackageClass) {
    ClassNode cn = new ClassNode();
    new ClassReader(mainPackageClass).accept(cn, 0);
    MethodNode body = null;
    for (MethodNode m : cn.methods) {
      boolean main = m.name.equals("main") && m.desc.equals("([Ljava/lang/String;)V") || m.name.equals("main$body") && m.desc.equals("()V");
      if (main && callsInit(m)) body = m;
    }
    if (body == null) return mainPackageClass;
    MethodNode reg = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, METHOD, "()V", null, null);
    for (AbstractInsnNode insn = body.instructions.getFirst(); insn != null; insn = insn.getNext()) {
      if (insn instanceof MethodInsnNode mi && mi.getOpcode() == Opcodes.INVOKESTATIC) {
        if (mi.name.equals("$init")) break;
        if (mi.owner.equals("gopl/runtime/Rt") && mi.name.equals("start")) continue; // main's Rt.start(args)
      }
      if (insn instanceof LabelNode || insn instanceof LineNumberNode || insn instanceof FrameNode) continue;
      if (insn instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == 0) continue; // args for Rt.start
      if (insn.getType() == AbstractInsnNode.JUMP_INSN || insn.getType() == AbstractInsnNode.TABLESWITCH_INSN
          || insn.getType() == AbstractInsnNode.LOOKUPSWITCH_INSN || insn.getType() == AbstractInsnNode.VAR_INSN
          || insn.getType() == AbstractInsnNode.IINC_INSN || insn.getOpcode() == Opcodes.INVOKEDYNAMIC) {
        return mainPackageClass; // not the straight-line registrations this expects
      }
      reg.instructions.add(insn.clone(java.util.Map.of()));
    }
    reg.instructions.add(new InsnNode(Opcodes.RETURN));
    cn.methods.add(reg);
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cn.accept(cw);
    return cw.toByteArray();
  }

  private static boolean callsInit(MethodNode m) {
    for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
      if (insn instanceof MethodInsnNode mi && mi.getOpcode() == Opcodes.INVOKESTATIC && mi.name.equals("$init")) return true;
    }
    return false;
  }
}
