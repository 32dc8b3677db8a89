package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.types.Array;
import gopl.types.Basic;
import gopl.types.Interface;
import gopl.types.Pointer;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Type;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Value-level code sequences that depend only on a Go type: zero values, copies of struct and
 * array values, Go's == on every comparable type, hashing, element descriptors, and conversion
 * between a typed value and the interface representation (docs/codegen.md).
 */
final class Values {
  private final CodeGenerator gen;

  Values(CodeGenerator gen) {
    this.gen = gen;
  }

  /** True when the zero value is not the JVM default (0/false/null). */
  boolean zeroNeedsCode(Type t) {
    Type u = t.underlying();
    return TypeLayout.isString(t) || u instanceof Struct || u instanceof Array;
  }

  /** Pushes a fresh zero value of t. */
  void pushZero(MethodVisitor mv, Type t) {
    Type u = t.underlying();
    String d = gen.layout.desc(t);
    if (TypeLayout.isString(t)) {
      mv.visitLdcInsn("");
    } else if (u instanceof Struct) {
      String c = gen.structs.className(t);
      mv.visitTypeInsn(NEW, c);
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESPECIAL, c, "<init>", "()V", false);
    } else if (u instanceof Array a) {
      TypeLayout.Storage st = TypeLayout.storage(a.elem());
      if (st == TypeLayout.Storage.OBJECT) {
        pushElem(mv, a.elem());
        Bytecode.iconst(mv, (int) a.len());
        mv.visitMethodInsn(INVOKEVIRTUAL, "gopl/runtime/Elem", "newArray", "(I)[Ljava/lang/Object;", false);
      } else {
        Bytecode.iconst(mv, (int) a.len());
        mv.visitIntInsn(NEWARRAY, st.newarrayType());
      }
    } else {
      Bytecode.zero(mv, d);
    }
  }

  /** Pushes the gopl.runtime.Elem describing elements of type t held in Object[]. */
  void pushElem(MethodVisitor mv, Type t) {
    Type u = t.underlying();
    String field;
    if (TypeLayout.isString(t)) field = "STRING";
    else if (u instanceof Slice) field = "SLICE";
    else if (u instanceof Interface) field = "IFACE";
    else if (NativeTypes.isNative(t)) {
      Bytecode.iconst(mv, (int) gen.layout.sizeof(t));
      mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(NativeTypes.classOf(t)));
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Elem", "ofClass", "(ILjava/lang/Class;)Lgopl/runtime/Elem;", false);
      return;
    } else if (u instanceof Struct) {
      mv.visitFieldInsn(GETSTATIC, gen.structs.className(t), "$ELEM", "Lgopl/runtime/Elem;");
      return;
    } else if (u instanceof Array a) {
      Bytecode.iconst(mv, (int) gen.layout.sizeof(t));
      pushZero(mv, t);
      if (TypeLayout.storage(a.elem()) == TypeLayout.Storage.OBJECT) pushElem(mv, a.elem());
      else mv.visitInsn(ACONST_NULL);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Elem", "array", "(ILjava/lang/Object;Lgopl/runtime/Elem;)Lgopl/runtime/Elem;", false);
      return;
    } else if (u instanceof Basic b && b.kind() != Basic.Kind.UNSAFE_POINTER) {
      // primitive elements never go through Elem; give a nil-like descriptor of the right size
      Bytecode.iconst(mv, (int) gen.layout.sizeof(t));
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Elem", "nil", "(I)Lgopl/runtime/Elem;", false);
      return;
    } else field = "POINTER";
    mv.visitFieldInsn(GETSTATIC, "gopl/runtime/Elem", field, "Lgopl/runtime/Elem;");
  }

  /** Stack: value of t (struct/array object) -> an independent copy. No-op for other types. */
  void copy(MethodVisitor mv, Type t) {
    Type u = t.underlying();
    if (NativeTypes.isNative(t)) {
      String c = NativeTypes.classOf(t);
      if (NativeTypes.hasCopy(t)) mv.visitMethodInsn(INVOKEVIRTUAL, c, "copy", "()L" + c + ";", false);
      return;
    }
    if (u instanceof Struct) {
      String c = gen.structs.className(t);
      mv.visitMethodInsn(INVOKEVIRTUAL, c, "copy", "()Lgopl/runtime/GoStruct;", false);
      mv.visitTypeInsn(CHECKCAST, c);
    } else if (u instanceof Array a) {
      if (TypeLayout.storage(a.elem()) == TypeLayout.Storage.OBJECT) pushElem(mv, a.elem());
      else mv.visitInsn(ACONST_NULL);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Arrays", "copyDeep", "(Ljava/lang/Object;Lgopl/runtime/Elem;)Ljava/lang/Object;", false);
      mv.visitTypeInsn(CHECKCAST, gen.layout.desc(t));
    }
  }

  /** Stack: dst, src (both struct or array objects of type t) -> (copies src into dst). */
  void assignInto(MethodVisitor mv, Type t) {
    Type u = t.underlying();
    if (NativeTypes.isNative(t)) {
      mv.visitInsn(POP2); // sync values are not assigned as a whole (go vet: copylocks)
      return;
    }
    if (u instanceof Struct) {
      String c = gen.structs.className(t);
      mv.visitMethodInsn(INVOKEVIRTUAL, c, "$set", "(L" + c + ";)V", false);
    } else {
      Array a = (Array) u;
      if (TypeLayout.storage(a.elem()) == TypeLayout.Storage.OBJECT) pushElem(mv, a.elem());
      else mv.visitInsn(ACONST_NULL);
      // persistence hook: an array that may be a persistent mirror is written through (PArrays)
      String owner = gen.persist.types.isArray(t) ? PersistGen.PARRAYS : "gopl/runtime/Arrays";
      mv.visitMethodInsn(INVOKESTATIC, owner, "assign", "(Ljava/lang/Object;Ljava/lang/Object;Lgopl/runtime/Elem;)V", false);
    }
  }

  /** Stack: a, b of type t -> jumps to target when (a == b) == jumpIfEqual (Go's ==). */
  void equalsJump(MethodVisitor mv, Type t, boolean jumpIfEqual, Label target) {
    String d = gen.layout.desc(t);
    Type u = t.underlying();
    switch (d) {
      case "Z", "I" -> mv.visitJumpInsn(jumpIfEqual ? IF_ICMPEQ : IF_ICMPNE, target);
      case "J" -> {
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(jumpIfEqual ? IFEQ : IFNE, target);
      }
      case "D" -> {
        mv.visitInsn(DCMPL); // NaN: 1 (not equal)
        mv.visitJumpInsn(jumpIfEqual ? IFEQ : IFNE, target);
      }
      case "F" -> {
        mv.visitInsn(FCMPL);
        mv.visitJumpInsn(jumpIfEqual ? IFEQ : IFNE, target);
      }
      default -> {
        if (TypeLayout.isString(t)) {
          mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "equals", "(Ljava/lang/Object;)Z", false);
        } else if (u instanceof Interface) {
          mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "eq", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
        } else if (u instanceof Struct) {
          mv.visitMethodInsn(INVOKEINTERFACE, "gopl/runtime/GoStruct", "goEquals", "(Ljava/lang/Object;)Z", true);
        } else if (u instanceof Array) {
          // rawEquals(type, a, b)
          mv.visitInsn(SWAP);
          gen.descriptors.push(mv, t);
          mv.visitInsn(DUP_X2);
          mv.visitInsn(POP);
          mv.visitInsn(SWAP);
          mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "rawEquals",
              "(" + Descriptors.RTYPE_DESC + "Ljava/lang/Object;Ljava/lang/Object;)Z", false);
        } else if (gen.persist.needsSame(t)) { // persistence hook: two handles to one persistent object
          mv.visitMethodInsn(INVOKESTATIC, PersistGen.PRT, "same", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
        } else if (u instanceof Pointer p && !TypeLayout.isStruct(p.elem()) && !TypeLayout.isArray(p.elem())) {
          mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "equals", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
        } else {
          mv.visitJumpInsn(jumpIfEqual ? IF_ACMPEQ : IF_ACMPNE, target);
          return;
        }
        mv.visitJumpInsn(jumpIfEqual ? IFNE : IFEQ, target);
      }
    }
  }

  /** Stack: value of t -> int hash consistent with Go's ==. */
  void hash(MethodVisitor mv, Type t) {
    String d = gen.layout.desc(t);
    switch (d) {
      case "Z" -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "hashCode", "(Z)I", false);
      case "I" -> {}
      case "J" -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "hashCode", "(J)I", false);
      case "D" -> {
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DADD); // -0.0 + 0.0 == +0.0
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "hashCode", "(D)I", false);
      }
      case "F" -> {
        mv.visitInsn(FCONST_0);
        mv.visitInsn(FADD);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "hashCode", "(F)I", false);
      }
      default -> {
        Type u = t.underlying();
        if (TypeLayout.isString(t)) {
          mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "hashCode", "()I", false);
        } else if (u instanceof Struct || u instanceof Array || u instanceof Interface) {
          gen.descriptors.push(mv, t);
          mv.visitInsn(SWAP);
          mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "rawHash", "(" + Descriptors.RTYPE_DESC + "Ljava/lang/Object;)I", false);
        } else {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "identityHashCode", "(Ljava/lang/Object;)I", false);
        }
      }
    }
  }

  // ---------------------------------------------------------------- interfaces

  /** Stack: value of concrete type t -> interface value (Object). Value objects must be copied by the caller. */
  void toIface(MethodVisitor mv, Type t) {
    if (TypeLayout.isInterface(t)) return;
    String d = gen.layout.desc(t);
    boolean predeclared = t instanceof Basic;
    Basic.Kind k = TypeLayout.kind(t);
    if (predeclared && k != null) {
      switch (k) {
        case INT, UNTYPED_INT -> {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
          return;
        }
        case INT32, UNTYPED_RUNE -> {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
          return;
        }
        case FLOAT64, UNTYPED_FLOAT -> {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
          return;
        }
        case BOOL, UNTYPED_BOOL -> {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
          return;
        }
        case STRING, UNTYPED_STRING -> {
          return;
        }
        case UNTYPED_NIL -> {
          return;
        }
        default -> {}
      }
    }
    Type u = t.underlying();
    if (u instanceof Pointer p && TypeLayout.isStruct(p.elem()) && !NativeTypes.isNative(p.elem())) {
      gen.descriptors.push(mv, t);
      mv.visitInsn(SWAP);
      mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "boxStructPtr", "(" + Descriptors.RTYPE_DESC + "Ljava/lang/Object;)Ljava/lang/Object;", false);
      return;
    }
    // Boxed(type, raw): raw is the Java-boxed typed value (uint8 as Integer 0-255, ...)
    if (Bytecode.size(d) == 2) {
      Bytecode.box(mv, d);
      gen.descriptors.push(mv, t);
      mv.visitInsn(SWAP);
    } else {
      Bytecode.box(mv, d);
      gen.descriptors.push(mv, t);
      mv.visitInsn(SWAP);
    }
    mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Iface", "box", "(" + Descriptors.RTYPE_DESC + "Ljava/lang/Object;)Ljava/lang/Object;", false);
  }

  /** Stack: raw Object (Iface.raw of an interface value whose dynamic type is t) -> typed value. */
  void fromRaw(MethodVisitor mv, Type t) {
    Bytecode.unbox(mv, gen.layout.desc(t));
  }
}
