package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.MethodVisitor;

/** Small instruction helpers shared by the generators. */
final class Bytecode {
  private Bytecode() {}

  static void iconst(MethodVisitor mv, int v) {
    if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
    else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
    else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
    else mv.visitLdcInsn(v);
  }

  static void lconst(MethodVisitor mv, long v) {
    if (v == 0) mv.visitInsn(LCONST_0);
    else if (v == 1) mv.visitInsn(LCONST_1);
    else mv.visitLdcInsn(v);
  }

  static void dconst(MethodVisitor mv, double v) {
    if (Double.doubleToRawLongBits(v) == 0) mv.visitInsn(DCONST_0);
    else if (v == 1.0) mv.visitInsn(DCONST_1);
    else mv.visitLdcInsn(v);
  }

  static void fconst(MethodVisitor mv, float v) {
    if (Float.floatToRawIntBits(v) == 0) mv.visitInsn(FCONST_0);
    else if (v == 1.0f) mv.visitInsn(FCONST_1);
    else if (v == 2.0f) mv.visitInsn(FCONST_2);
    else mv.visitLdcInsn(v);
  }

  /** Load opcode for a descriptor. */
  static int load(String desc) {
    return switch (desc.charAt(0)) {
      case 'Z', 'B', 'C', 'S', 'I' -> ILOAD;
      case 'J' -> LLOAD;
      case 'F' -> FLOAD;
      case 'D' -> DLOAD;
      default -> ALOAD;
    };
  }

  static int store(String desc) {
    return load(desc) + (ISTORE - ILOAD);
  }

  static int ret(String desc) {
    return switch (desc.charAt(0)) {
      case 'V' -> RETURN;
      case 'Z', 'B', 'C', 'S', 'I' -> IRETURN;
      case 'J' -> LRETURN;
      case 'F' -> FRETURN;
      case 'D' -> DRETURN;
      default -> ARETURN;
    };
  }

  static int size(String desc) {
    return desc.equals("J") || desc.equals("D") ? 2 : 1;
  }

  /** Pops a value of the descriptor's size. */
  static void pop(MethodVisitor mv, String desc) {
    if (desc.equals("V")) return;
    mv.visitInsn(size(desc) == 2 ? POP2 : POP);
  }

  static void dup(MethodVisitor mv, String desc) {
    mv.visitInsn(size(desc) == 2 ? DUP2 : DUP);
  }

  /** Pushes the JVM zero of a descriptor (null for references). */
  static void zero(MethodVisitor mv, String desc) {
    switch (desc.charAt(0)) {
      case 'Z', 'B', 'C', 'S', 'I' -> mv.visitInsn(ICONST_0);
      case 'J' -> mv.visitInsn(LCONST_0);
      case 'F' -> mv.visitInsn(FCONST_0);
      case 'D' -> mv.visitInsn(DCONST_0);
      default -> mv.visitInsn(ACONST_NULL);
    }
  }

  /** Boxes a JVM primitive into its java.lang wrapper (for Object[] tuples and map storage). */
  static void box(MethodVisitor mv, String desc) {
    switch (desc.charAt(0)) {
      case 'Z' -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
      case 'I', 'S', 'B', 'C' -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
      case 'J' -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
      case 'F' -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "valueOf", "(F)Ljava/lang/Float;", false);
      case 'D' -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
      default -> {}
    }
  }

  /** Unboxes an Object produced by {@link #box} (or casts a reference) to the descriptor. */
  static void unbox(MethodVisitor mv, String desc) {
    switch (desc.charAt(0)) {
      case 'Z' -> {
        mv.visitTypeInsn(CHECKCAST, "java/lang/Boolean");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Boolean", "booleanValue", "()Z", false);
      }
      case 'I', 'S', 'B', 'C' -> {
        mv.visitTypeInsn(CHECKCAST, "java/lang/Number");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Number", "intValue", "()I", false);
      }
      case 'J' -> {
        mv.visitTypeInsn(CHECKCAST, "java/lang/Number");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Number", "longValue", "()J", false);
      }
      case 'F' -> {
        mv.visitTypeInsn(CHECKCAST, "java/lang/Number");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Number", "floatValue", "()F", false);
      }
      case 'D' -> {
        mv.visitTypeInsn(CHECKCAST, "java/lang/Number");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Number", "doubleValue", "()D", false);
      }
      case 'L' -> {
        String in = desc.substring(1, desc.length() - 1);
        if (!in.equals("java/lang/Object")) mv.visitTypeInsn(CHECKCAST, in);
      }
      case '[' -> mv.visitTypeInsn(CHECKCAST, desc);
      default -> throw new IllegalArgumentException(desc);
    }
  }
}
