package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.types.Basic;
import gopl.types.Slice;
import gopl.types.Struct;
import gopl.types.Type;
import org.objectweb.asm.MethodVisitor;

/**
 * Conversions {@code T(x)} (spec "Conversions"): between numeric types (truncation, sign and zero
 * extension, float rounding, unsigned to float), integer to string (UTF-8 of a rune), string to
 * and from byte and rune slices, to interfaces, and between types with identical underlying types.
 */
final class Conversions {
  private final ExprGen x;
  private final MethodVisitor mv;

  Conversions(ExprGen x) {
    this.x = x;
    this.mv = x.mv;
  }

  void convert(Expr arg, Type to) {
    Type from = x.typeOf(arg);
    if (TypeLayout.isInterface(to)) {
      x.genValue(arg, to);
      return;
    }
    Type fu = from.underlying();
    Type tu = to.underlying();
    if (TypeLayout.isString(tu)) {
      if (TypeLayout.isInteger(fu)) {
        x.gen(arg);
        x.toLong(from);
        mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/GoStrings", "fromRune", "(J)Ljava/lang/String;", false);
        return;
      }
      if (fu instanceof Slice s) {
        x.gen(arg);
        TypeLayout.Storage st = TypeLayout.storage(s.elem());
        mv.visitMethodInsn(INVOKESTATIC, st.sliceClass(), "toGoString", "(L" + st.sliceClass() + ";)Ljava/lang/String;", false);
        return;
      }
      x.gen(arg);
      return;
    }
    if (tu instanceof Slice s && TypeLayout.isString(fu)) {
      x.gen(arg);
      TypeLayout.Storage st = TypeLayout.storage(s.elem());
      mv.visitMethodInsn(INVOKESTATIC, st.sliceClass(), "fromString", "(Ljava/lang/String;)L" + st.sliceClass() + ";", false);
      return;
    }
    if (x.gen.persist.unsafeConvert(x, arg, fu, tu)) return; // persistence hook: unsafe.Pointer conversions
    if (fu instanceof Basic && tu instanceof Basic && (TypeLayout.isInteger(fu) || TypeLayout.isFloat(fu))) {
      x.gen(arg);
      numeric(from, to);
      return;
    }
    if (tu instanceof Struct && !x.gen.structs.className(from).equals(x.gen.structs.className(to))) {
      structConvert(arg, from, to);
      return;
    }
    x.gen(arg);
    if (TypeLayout.isValueObject(to) && !ExprGen.fresh(arg)) x.gen.values.copy(mv, from);
  }

  /** Stack: number of type from -> number of type to. */
  void numeric(Type from, Type to) {
    String fd = x.gen.layout.desc(from);
    String td = x.gen.layout.desc(to);
    boolean fu = TypeLayout.isUnsigned(from);
    boolean toUnsigned = TypeLayout.isUnsigned(to);
    if (TypeLayout.isInteger(to)) {
      switch (fd) {
        case "J" -> {
          if (td.equals("I")) {
            mv.visitInsn(L2I);
            Arith.truncate(mv, to);
          }
        }
        case "I" -> {
          if (td.equals("J")) {
            x.toLong(from);
          } else {
            Arith.truncate(mv, to);
          }
        }
        case "D" -> {
          if (toUnsigned && td.equals("J")) mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Ints", "doubleToU64", "(D)J", false);
          else mv.visitInsn(D2L);
          if (td.equals("I")) {
            mv.visitInsn(L2I);
            Arith.truncate(mv, to);
          }
        }
        case "F" -> {
          mv.visitInsn(F2D);
          if (toUnsigned && td.equals("J")) mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Ints", "doubleToU64", "(D)J", false);
          else mv.visitInsn(D2L);
          if (td.equals("I")) {
            mv.visitInsn(L2I);
            Arith.truncate(mv, to);
          }
        }
        default -> throw new IllegalStateException(fd);
      }
      return;
    }
    // to float
    switch (fd) {
      case "J" -> {
        if (fu) {
          if (td.equals("D")) mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Ints", "u64ToDouble", "(J)D", false);
          else mv.visitMethodInsn(INVOKESTATIC, "gopl/runtime/Ints", "u64ToFloat", "(J)F", false);
        } else {
          mv.visitInsn(td.equals("D") ? L2D : L2F);
        }
      }
      case "I" -> {
        if (TypeLayout.kind(from) == Basic.Kind.UINT32) {
          x.toLong(from);
          mv.visitInsn(td.equals("D") ? L2D : L2F);
        } else {
          mv.visitInsn(td.equals("D") ? I2D : I2F);
        }
      }
      case "D" -> {
        if (td.equals("F")) mv.visitInsn(D2F);
      }
      case "F" -> {
        if (td.equals("D")) mv.visitInsn(F2D);
      }
      default -> throw new IllegalStateException(fd);
    }
  }

  /** T2(v) for struct types with identical underlying types but different classes: copy field by field. */
  private void structConvert(Expr arg, Type from, Type to) {
    String fc = x.gen.structs.className(from);
    String tc = x.gen.structs.className(to);
    Struct fs = (Struct) from.underlying();
    Struct ts = (Struct) to.underlying();
    x.gen(arg);
    int tmp = x.f.newSlot("L");
    mv.visitVarInsn(ASTORE, tmp);
    mv.visitTypeInsn(NEW, tc);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, tc, "<init>", "()V", false);
    for (int i = 0; i < ts.numFields(); i++) {
      Type ft = ts.field(i).type();
      mv.visitInsn(DUP);
      mv.visitVarInsn(ALOAD, tmp);
      x.gen.persist.getField(mv, from, fc, StructGen.fieldName(fs, i), x.gen.layout.desc(fs.field(i).type()));
      x.gen.values.copy(mv, ft);
      mv.visitFieldInsn(PUTFIELD, tc, StructGen.fieldName(ts, i), x.gen.layout.desc(ft));
    }
  }
}
