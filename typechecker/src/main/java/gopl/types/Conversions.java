package gopl.types;

import static gopl.types.Predicates.*;

import gopl.frontend.ast.SourceFile;
import java.util.List;
import java.util.Map;

/** Conversions T(x) (spec "Conversions"; types2 conversions.go). */
abstract class Conversions extends Builtins {
  Conversions(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  @Override
  void conversion(Operand x, Type T) {
    boolean constArg = x.mode == Mode.CONSTANT;
    boolean ok = false;
    String cause = "";
    if (constArg && isConstType(T)) {
      Basic t = (Basic) T.underlying();
      ConstOps.Repr r = ConstOps.representable(x.val, x.type, t);
      if (r.code() == 0) {
        x.val = r.value();
        ok = true;
      } else if (isInteger(x.type) && isString(t)) {
        // spec: "Converting a signed or unsigned integer value to a string type yields a string
        // containing the UTF-8 representation of the integer."
        int cp = 0xFFFD;
        java.math.BigInteger v = x.val.bigValue();
        if (v.signum() >= 0 && v.compareTo(java.math.BigInteger.valueOf(0x10FFFF)) <= 0) cp = v.intValue();
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        x.val = Constant.ofString(Literals.bytes(new String(Character.toChars(cp))));
        ok = true;
      }
    } else if (convertibleTo(x, T)) {
      ok = true;
      x.mode = Mode.VALUE;
      x.nil = false; // T(nil) is a value of type T, no longer the predeclared nil
    } else {
      cause = reason == null ? "" : reason;
    }
    if (!ok) {
      if (!cause.isEmpty()) errorf(x, "cannot convert %s to type %s:\n\t%s", x, T, cause);
      else errorf(x, "cannot convert %s to type %s", x, T);
      x.mode = Mode.INVALID;
      return;
    }
    if (isUntyped(x.type)) {
      Type fin = T;
      if (x.type == Typ.UNTYPED_NIL) {
        // ok
      } else if (isInterface(T) || (constArg && !isConstType(T))) {
        fin = defaultType(x.type);
      } else if (x.mode == Mode.CONSTANT && isInteger(x.type) && isString(T)) {
        fin = x.type;
      }
      updateExprType(x.expr, fin, true);
    }
    x.type = T;
  }

  /** spec "Conversions": whether non-constant x can be converted to T. */
  boolean convertibleTo(Operand x, Type T) {
    if (assignableTo(x, T)) return true;
    String savedReason = reason;
    Type V = x.type;
    Type Vu = V.underlying(), Tu = T.underlying();
    reason = "";
    if (identicalIgnoreTags(Vu, Tu)) return true;
    if (V instanceof Pointer vp && T instanceof Pointer tp && identicalIgnoreTags(vp.elem().underlying(), tp.elem().underlying())) return true;
    if ((isInteger(Vu) || isFloat(Vu)) && (isInteger(Tu) || isFloat(Tu))) return true;
    if (isComplex(Vu) && isComplex(Tu)) return true;
    if ((isInteger(Vu) || isBytesOrRunes(Vu)) && isString(Tu)) return true;
    if (isString(Vu) && isBytesOrRunes(Tu)) return true;
    if ((Vu instanceof Pointer || isUintptr(Vu)) && isUnsafePointer(Tu)) return true;
    if (isUnsafePointer(Vu) && (Tu instanceof Pointer || isUintptr(Tu))) return true;
    if (Vu instanceof Slice s && Tu instanceof Pointer p && p.elem().underlying() instanceof Array a && identical(s.elem(), a.elem())) return true;
    reason = savedReason;
    return false;
  }

  static boolean identicalIgnoreTags(Type a, Type b) {
    return Predicates.identicalIgnoreTags(a, b);
  }

  static boolean isUintptr(Type t) {
    return t instanceof Basic b && b.kind() == Basic.Kind.UINTPTR;
  }

  static boolean isUnsafePointer(Type t) {
    return t instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER;
  }

  static boolean isBytesOrRunes(Type t) {
    if (t.underlying() instanceof Slice s && s.elem().underlying() instanceof Basic b) {
      return b.kind() == Basic.Kind.UINT8 || b.kind() == Basic.Kind.INT32;
    }
    return false;
  }
}
