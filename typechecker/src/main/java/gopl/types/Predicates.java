package gopl.types;

import java.util.List;

/** Type predicates: identity, comparability, kind tests, default types (go/types predicates.go). */
public final class Predicates {
  private Predicates() {}

  static boolean isBasic(Type t, int flags) {
    return t != null && t.underlying() instanceof Basic b && b.is(flags);
  }

  public static boolean isBoolean(Type t) {
    return isBasic(t, Basic.IS_BOOLEAN);
  }

  public static boolean isInteger(Type t) {
    return isBasic(t, Basic.IS_INTEGER);
  }

  public static boolean isUnsigned(Type t) {
    return isBasic(t, Basic.IS_UNSIGNED);
  }

  public static boolean isFloat(Type t) {
    return isBasic(t, Basic.IS_FLOAT);
  }

  public static boolean isComplex(Type t) {
    return isBasic(t, Basic.IS_COMPLEX);
  }

  public static boolean isNumeric(Type t) {
    return isBasic(t, Basic.IS_NUMERIC);
  }

  public static boolean isString(Type t) {
    return isBasic(t, Basic.IS_STRING);
  }

  public static boolean isOrdered(Type t) {
    return isBasic(t, Basic.IS_ORDERED);
  }

  public static boolean isConstType(Type t) {
    return isBasic(t, Basic.IS_CONST_TYPE);
  }

  public static boolean isUntyped(Type t) {
    return t instanceof Basic b && b.isUntyped();
  }

  public static boolean isTyped(Type t) {
    return !isUntyped(t);
  }

  public static boolean isInterface(Type t) {
    return t != null && t.underlying() instanceof Interface;
  }

  /** spec: "The predeclared identifier nil ... pointer, function, slice, map, channel, or interface". */
  public static boolean hasNil(Type t) {
    Type u = t.underlying();
    return u instanceof Pointer || u instanceof Slice || u instanceof MapType || u instanceof Chan
        || u instanceof Signature || u instanceof Interface
        || (u instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER);
  }

  /** spec "Comparison operators": whether values of t can be compared with == (map keys). */
  public static boolean comparable(Type t) {
    return comparable(t, 0);
  }

  private static boolean comparable(Type t, int depth) {
    if (depth > 100) return true;
    Type u = t.underlying();
    if (u == null) return true; // still being declared (only after errors)
    return switch (u) {
      case Basic b -> b.kind() != Basic.Kind.UNTYPED_NIL;
      case Pointer p -> true;
      case Chan c -> true;
      case Interface i -> true;
      case Struct s -> s.fields().stream().allMatch(f -> comparable(f.type(), depth + 1));
      case Array a -> comparable(a.elem(), depth + 1);
      default -> false;
    };
  }

  /** The type an untyped constant takes when its context gives none (spec "Constants"). */
  public static Type defaultType(Type t) {
    if (t instanceof Basic b) {
      return switch (b.kind()) {
        case UNTYPED_BOOL -> Typ.BOOL;
        case UNTYPED_INT -> Typ.INT;
        case UNTYPED_RUNE -> Typ.RUNE;
        case UNTYPED_FLOAT -> Typ.FLOAT64;
        case UNTYPED_COMPLEX -> Typ.COMPLEX128;
        case UNTYPED_STRING -> Typ.STRING;
        default -> t;
      };
    }
    return t;
  }

  /** spec "Type identity". */
  public static boolean identical(Type x, Type y) {
    return identical(x, y, true, null);
  }

  /** Identity ignoring struct tags (spec "Conversions": "ignoring struct tags"). */
  public static boolean identicalIgnoreTags(Type x, Type y) {
    return identical(x, y, false, null);
  }

  private record Pair(Type x, Type y, Pair next) {}

  private static boolean identical(Type x, Type y, boolean cmpTags, Pair seen) {
    if (x == y) return true;
    if (x == null || y == null) return false;
    switch (x) {
      case Basic bx -> {
        return y instanceof Basic by && bx.kind() == by.kind();
      }
      case Named nx -> {
        return false; // named types are identical only to themselves
      }
      case Pointer px -> {
        return y instanceof Pointer py && identical(px.elem(), py.elem(), cmpTags, seen);
      }
      case Slice sx -> {
        return y instanceof Slice sy && identical(sx.elem(), sy.elem(), cmpTags, seen);
      }
      case Array ax -> {
        return y instanceof Array ay && ax.len() == ay.len() && identical(ax.elem(), ay.elem(), cmpTags, seen);
      }
      case MapType mx -> {
        return y instanceof MapType my && identical(mx.key(), my.key(), cmpTags, seen) && identical(mx.elem(), my.elem(), cmpTags, seen);
      }
      case Chan cx -> {
        return y instanceof Chan cy && cx.dir() == cy.dir() && identical(cx.elem(), cy.elem(), cmpTags, seen);
      }
      case Struct sx -> {
        if (!(y instanceof Struct sy) || sx.numFields() != sy.numFields()) return false;
        for (int i = 0; i < sx.numFields(); i++) {
          Var f = sx.field(i), g = sy.field(i);
          if (f.embedded() != g.embedded() || !f.name().equals(g.name())
              || (cmpTags && !java.util.Objects.equals(sx.tag(i), sy.tag(i)))
              || !sameId(f, g) || !identical(f.type(), g.type(), cmpTags, seen)) return false;
        }
        return true;
      }
      case Tuple tx -> {
        if (!(y instanceof Tuple ty) || tx.size() != ty.size()) return false;
        for (int i = 0; i < tx.size(); i++) if (!identical(tx.at(i).type(), ty.at(i).type(), cmpTags, seen)) return false;
        return true;
      }
      case Signature sx -> {
        return y instanceof Signature sy && sx.variadic() == sy.variadic()
            && identical(sx.params(), sy.params(), cmpTags, seen) && identical(sx.results(), sy.results(), cmpTags, seen);
      }
      case Interface ix -> {
        if (!(y instanceof Interface iy)) return false;
        List<Func> a = ix.allMethods(), b = iy.allMethods();
        if (a.size() != b.size()) return false;
        for (Pair p = seen; p != null; p = p.next) if (p.x == x && p.y == y) return true;
        Pair q = new Pair(x, y, seen);
        for (int i = 0; i < a.size(); i++) {
          if (!a.get(i).name().equals(b.get(i).name()) || !sameId(a.get(i), b.get(i))
              || !identical(a.get(i).type(), b.get(i).type(), cmpTags, q)) return false;
        }
        return true;
      }
    }
  }

  /** Non-exported names from different packages are different (spec "Uniqueness of identifiers"). */
  static boolean sameId(Obj a, Obj b) {
    if (a.exported()) return true;
    return a.pkg() == b.pkg() || a.pkg() == null || b.pkg() == null;
  }
}
