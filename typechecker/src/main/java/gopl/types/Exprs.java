package gopl.types;

import static gopl.types.Predicates.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.frontend.ast.SourceFile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expressions (types2 expr.go, index.go): untyped conversions, unary and binary operators,
 * comparisons, shifts, composite literals, index and slice expressions, type assertions.
 */
abstract class Exprs extends TypeExprs {
  static final String INVALID_OP = "invalid operation: ";
  static final String INVALID_ARG = "invalid argument: ";

  Exprs(Package pkg, Info info, List<SourceFile> files, Map<String, Package> imports, int limit) {
    super(pkg, info, files, imports, limit);
  }

  // ---- untyped values ----

  /** Reports why x cannot be converted; code from ConstOps.representable. */
  void invalidConversion(int code, Operand x, Type target) {
    String msg = switch (code) {
      case ConstOps.TRUNCATED -> "%s truncated to %s";
      case ConstOps.OVERFLOW -> "%s overflows %s";
      default -> "cannot convert %s to %s";
    };
    errorf(x, msg, x, target);
  }

  /** Checks that constant x is representable by typ; on success x.val takes the rounded value. */
  void representable(Operand x, Basic typ) {
    ConstOps.Repr r = ConstOps.representable(x.val, x.type, typ);
    if (r.code() != 0) {
      invalidConversion(r.code(), x, typ);
      x.mode = Mode.INVALID;
      return;
    }
    x.val = r.value();
  }

  /** Result of {@link #implicitTypeAndValue}: type null means impossible (code says why). */
  record Implicit(Type type, Constant val, int code) {}

  static final int INVALID_UNTYPED = 4;

  Implicit implicitTypeAndValue(Operand x, Type target) {
    if (x.mode == Mode.INVALID || isTyped(x.type) || target == Typ.INVALID) return new Implicit(x.type, null, 0);
    if (isUntyped(target)) {
      Basic.Kind xk = ((Basic) x.type).kind(), tk = ((Basic) target).kind();
      if (isNumeric(x.type) && isNumeric(target)) {
        if (xk.ordinal() < tk.ordinal()) return new Implicit(target, null, 0);
      } else if (xk != tk) {
        return new Implicit(null, null, INVALID_UNTYPED);
      }
      return new Implicit(x.type, null, 0);
    }
    if (x.isNil()) {
      return hasNil(target) ? new Implicit(target, null, 0) : new Implicit(null, null, INVALID_UNTYPED);
    }
    Type u = target.underlying();
    if (u instanceof Basic b) {
      if (x.mode == Mode.CONSTANT) {
        ConstOps.Repr r = ConstOps.representable(x.val, x.type, b);
        if (r.code() != 0) return new Implicit(null, null, r.code());
        return new Implicit(target, r.value(), 0);
      }
      switch (((Basic) x.type).kind()) {
        case UNTYPED_BOOL -> {
          if (!isBoolean(target)) return new Implicit(null, null, INVALID_UNTYPED);
        }
        case UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_COMPLEX -> {
          if (!isNumeric(target)) return new Implicit(null, null, INVALID_UNTYPED);
        }
        case UNTYPED_STRING -> {
          if (!isString(target)) return new Implicit(null, null, INVALID_UNTYPED);
        }
        default -> {
          return new Implicit(null, null, INVALID_UNTYPED);
        }
      }
      return new Implicit(target, null, 0);
    }
    if (u instanceof Interface it) {
      if (!it.isEmpty()) return new Implicit(null, null, INVALID_UNTYPED);
      return new Implicit(defaultType(x.type), null, 0);
    }
    return new Implicit(null, null, INVALID_UNTYPED);
  }

  @Override
  void convertUntyped(Operand x, Type target) {
    Implicit r = implicitTypeAndValue(x, target);
    if (r.type() == null) {
      invalidConversion(r.code(), x, target.underlying() == null ? target : target.underlying());
      x.mode = Mode.INVALID;
      return;
    }
    if (r.val() != null) {
      x.val = r.val();
      updateExprVal(x.expr, r.val());
    }
    if (r.type() != x.type) {
      x.type = r.type();
      updateExprType(x.expr, r.type(), false);
    }
  }

  void updateExprVal(Expr x, Constant val) {
    UntypedInfo u = untyped.get(x);
    if (u != null) u.val = val;
  }

  @Override
  void updateExprType(Expr x, Type typ, boolean fin) {
    updateExprType0(null, x, typ, fin);
  }

  private void updateExprType0(Expr parent, Expr x, Type typ, boolean fin) {
    UntypedInfo old = untyped.get(x);
    if (old == null) return;
    switch (x) {
      case Expr.Paren p -> updateExprType0(x, p.x(), typ, fin);
      case Expr.Unary u -> {
        if (old.val == null) updateExprType0(x, u.x(), typ, fin);
      }
      case Expr.Binary b -> {
        if (old.val == null) {
          if (isComparison(b.op())) {
            // result type independent of operand types
          } else if (b.op() == Op.SHL || b.op() == Op.SHR) {
            updateExprType0(x, b.x(), typ, fin);
          } else {
            updateExprType0(x, b.x(), typ, fin);
            updateExprType0(x, b.y(), typ, fin);
          }
        }
      }
      default -> {}
    }
    if (!fin && isUntyped(typ)) {
      old.type = (Basic) typ.underlying();
      return;
    }
    untyped.remove(x);
    if (old.isLhs) {
      if (!isInteger(typ)) {
        errorf(x, INVALID_OP + "%s (shift of type %s)", parent, typ);
        return;
      }
    }
    if (old.val != null) {
      Operand c = new Operand(old.mode, x, old.type, old.val);
      convertUntyped(c, typ);
      if (c.mode == Mode.INVALID) return;
      old.val = c.val;
    }
    recordTypeAndValue(x, old.mode, typ, old.val);
  }

  static boolean isComparison(Op op) {
    return switch (op) {
      case EQL, NEQ, LSS, LEQ, GTR, GEQ -> true;
      default -> false;
    };
  }

  // ---- assignability ----

  /** Reason text for a failed assignability check (set by assignableTo). */
  String reason;

  /** spec "Assignability". Sets {@link #reason} when there is something specific to say. */
  boolean assignableTo(Operand x, Type T) {
    reason = "";
    if (x.mode == Mode.INVALID || T == Typ.INVALID) return true;
    Type V = x.type;
    if (identical(V, T)) return true;
    Type Vu = V.underlying(), Tu = T.underlying();
    if (Vu == null || Tu == null) return true;
    if (isUntyped(Vu)) return implicitTypeAndValue(x, T).type() != null;
    if (identical(Vu, Tu) && (!hasName(V) || !hasName(T))) return true;
    if (Tu instanceof Interface || Lookup.isInterfacePtr(Tu)) {
      String err = implementsErr(V, T);
      if (err != null) {
        reason = err;
        return false;
      }
      return true;
    }
    if (Vu instanceof Interface) {
      if (implementsErr(T, V) == null) {
        reason = "need type assertion";
        return false;
      }
    }
    if (Vu instanceof Chan vc && vc.dir() == Chan.Dir.SEND_RECV && Tu instanceof Chan tc && identical(vc.elem(), tc.elem())) {
      return !hasName(V) || !hasName(T);
    }
    return false;
  }

  static boolean hasName(Type t) {
    return t instanceof Basic || t instanceof Named;
  }

  /** null if V implements T, else gc's explanation. */
  String implementsErr(Type V, Type T) {
    Type Vu = V.underlying(), Tu = T.underlying();
    if (Vu == Typ.INVALID || Tu == Typ.INVALID) return null;
    if (!(Tu instanceof Interface ti)) {
      String cause = Lookup.isInterfacePtr(Tu)
          ? sprintf("type %s is pointer to interface, not interface", T)
          : sprintf("%s is not an interface", T);
      return sprintf("%s does not implement %s (%s)", V, T, cause);
    }
    if (ti.isEmpty()) return null;
    Lookup.Missing mm = Lookup.missingMethod(V, ti, true);
    if (mm != null) return sprintf("%s does not implement %s %s", V, T, Lookup.reason(V, T, mm, pkg));
    return null;
  }

  // ---- operators ----

  boolean opAllowed(Op op, Type t, boolean unary) {
    return switch (op) {
      case ADD -> unary ? isNumeric(t) : isNumeric(t) || isString(t);
      case SUB, MUL, QUO -> isNumeric(t);
      case REM, AND, OR, AND_NOT -> isInteger(t);
      case XOR -> isInteger(t);
      case LAND, LOR, NOT -> isBoolean(t);
      default -> false;
    };
  }

  boolean op(Operand x, Op op, boolean unary) {
    if (!opAllowed(op, x.type, unary)) {
      errorf(x, INVALID_OP + "operator %s not defined on %s", op.text, x);
      return false;
    }
    return true;
  }

  /** After a constant operation: typed constants must be representable; untyped ints stay below 512 bits. */
  void overflow(Operand x, Expr opExpr) {
    if (x.val.isUnknown()) {
      error(opPos(x.expr), "constant result is not representable");
      return;
    }
    if (isTyped(x.type)) {
      representable(x, (Basic) x.type.underlying());
      return;
    }
    if (x.val instanceof Constant.Int i && i.value().abs().bitLength() > 512) {
      errorAt(opPos(x.expr), "constant %s overflow", opName(x.expr));
      x.val = Constant.UNKNOWN;
    }
  }

  static String opName(Expr e) {
    if (e instanceof Expr.Unary u && u.op() == Op.XOR) return "bitwise complement";
    if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case ADD -> "addition";
        case SUB -> "subtraction";
        case XOR -> "bitwise XOR";
        case MUL -> "multiplication";
        case SHL -> "shift";
        default -> "";
      };
    }
    return "";
  }

  void unary(Operand x, Expr.Unary e) {
    expr(x, e.x());
    if (x.mode == Mode.INVALID) return;
    switch (e.op()) {
      case AND -> {
        if (!(unparen(e.x()) instanceof Expr.CompositeLit) && x.mode != Mode.VARIABLE) {
          errorf(x, INVALID_OP + "cannot take address of %s", x);
          x.mode = Mode.INVALID;
          return;
        }
        markAddressTaken(e.x());
        x.mode = Mode.VALUE;
        x.type = new Pointer(x.type);
        return;
      }
      case ARROW -> {
        if (!(x.type.underlying() instanceof Chan ch)) {
          errorf(x, INVALID_OP + "cannot receive from non-channel %s", x);
          x.mode = Mode.INVALID;
          return;
        }
        if (ch.dir() == Chan.Dir.SEND_ONLY) {
          errorf(x, INVALID_OP + "cannot receive from send-only channel %s", x);
          x.mode = Mode.INVALID;
          return;
        }
        x.mode = Mode.COMMAOK;
        x.type = ch.elem();
        env.hasCallOrRecv = true;
        return;
      }
      default -> {}
    }
    if (!op(x, e.op(), true)) {
      x.mode = Mode.INVALID;
      return;
    }
    if (x.mode == Mode.CONSTANT) {
      if (x.val.isUnknown()) return;
      int prec = isUnsigned(x.type) ? ConstOps.bits((Basic) x.type.underlying()) : 0;
      x.val = ConstOps.unary(e.op(), x.val, prec);
      x.expr = e;
      overflow(x, e);
      return;
    }
    x.mode = Mode.VALUE;
  }

  /** Records that the variable under an address-of (or pointer-method call) has its address taken. */
  void markAddressTaken(Expr e) {
    e = unparen(e);
    if (e instanceof Expr.Ident id && info.uses.get(id) instanceof Var v) v.addressTaken = true;
    else if (e instanceof Expr.Selector s && info.selections.get(s) != null) {
      Selection sel = info.selections.get(s);
      if (!sel.indirect()) markAddressTaken(s.x());
    } else if (e instanceof Expr.Index ix && info.types.get(ix.x()) != null
        && info.types.get(ix.x()).type().underlying() instanceof Array) markAddressTaken(ix.x());
  }

  static Expr unparen(Expr e) {
    while (e instanceof Expr.Paren p) e = p.x();
    return e;
  }

  String kindString(Type t) {
    return switch (t.underlying()) {
      case Array a -> "array";
      case Slice s -> "slice";
      case Struct s -> "struct";
      case Pointer p -> "pointer";
      case Signature s -> "func";
      case Interface i -> "interface";
      case MapType m -> "map";
      case Chan c -> "chan";
      default -> sprintf("%s", t);
    };
  }

  String incomparableCause(Type t) {
    Type u = t.underlying();
    if (u instanceof Slice || u instanceof Signature || u instanceof MapType) return kindString(t) + " can only be compared to nil";
    return incomparableDetail(t);
  }

  private String incomparableDetail(Type t) {
    Type u = t.underlying();
    if (u instanceof Struct s) {
      for (Var f : s.fields()) {
        if (!comparable(f.type())) return sprintf("struct containing %s cannot be compared", f.type());
      }
    } else if (u instanceof Array a && !comparable(a.elem())) {
      return sprintf("%s cannot be compared", t);
    }
    return "";
  }

  /** spec "Comparison operators". When switchCase, x is the case value and y the tag. */
  void comparison(Operand x, Operand y, Op op, boolean switchCase) {
    if (switchCase) op = Op.EQL;
    Operand errOp = x;
    String cause = "";
    boolean ok = assignableTo(x, y.type) || assignableTo(y, x.type);
    if (!ok) {
      errOp = y;
      cause = sprintf("mismatched types %s and %s", x.type, y.type);
    } else {
      switch (op) {
        case EQL, NEQ -> {
          if (x.isNil() || y.isNil()) {
            Type t = x.isNil() ? y.type : x.type;
            if (!hasNil(t)) {
              errOp = y;
              ok = false;
            }
          } else if (!comparable(x.type)) {
            errOp = x;
            cause = incomparableCause(x.type);
            ok = false;
          } else if (!comparable(y.type)) {
            errOp = y;
            cause = incomparableCause(y.type);
            ok = false;
          }
        }
        default -> {
          if (!isOrdered(x.type)) {
            errOp = x;
            ok = false;
          } else if (!isOrdered(y.type)) {
            errOp = y;
            ok = false;
          }
        }
      }
    }
    if (ok) {
      if (x.mode == Mode.CONSTANT && y.mode == Mode.CONSTANT) {
        x.val = x.val.isUnknown() || y.val.isUnknown() ? Constant.UNKNOWN : Constant.of(ConstOps.compare(x.val, op, y.val));
      } else {
        x.mode = Mode.VALUE;
        updateExprType(x.expr, defaultType(x.type), true);
        updateExprType(y.expr, defaultType(y.type), true);
      }
      x.type = Typ.UNTYPED_BOOL;
      return;
    }
    if (cause.isEmpty()) cause = sprintf("operator %s not defined on %s", op.text, kindString(errOp.type));
    if (switchCase) {
      errorf(x, "invalid case %s in switch on %s (%s)", x.expr, y.expr, cause);
    } else {
      errorf(errOp, INVALID_OP + "%s %s %s (%s)", x.expr, op.text, y.expr, cause);
    }
    x.mode = Mode.INVALID;
  }

  /** spec "Operators" (shifts). */
  void shift(Operand x, Operand y, Expr e, Op op) {
    Constant xval = x.mode == Mode.CONSTANT ? ConstOps.toInt(x.val) : null;
    if (!(isInteger(x.type) || (isUntyped(x.type) && xval instanceof Constant.Int))) {
      errorf(x, INVALID_OP + "shifted operand %s must be integer", x);
      x.mode = Mode.INVALID;
      return;
    }
    if (y.mode == Mode.CONSTANT) {
      Constant yval = ConstOps.toInt(y.val);
      if (yval instanceof Constant.Int yi && yi.value().signum() < 0) {
        errorf(y, INVALID_OP + "negative shift count %s", y);
        x.mode = Mode.INVALID;
        return;
      }
      if (isUntyped(y.type)) {
        representable(y, Typ.UINT);
        if (y.mode == Mode.INVALID) {
          x.mode = Mode.INVALID;
          return;
        }
      }
    } else {
      if (isInteger(y.type)) {
        // ok (signed shift counts are allowed since go1.13)
      } else if (isUntyped(y.type)) {
        convertUntyped(y, Typ.UINT);
        if (y.mode == Mode.INVALID) {
          x.mode = Mode.INVALID;
          return;
        }
      } else {
        errorf(y, INVALID_OP + "shift count %s must be integer", y);
        x.mode = Mode.INVALID;
        return;
      }
    }
    if (x.mode == Mode.CONSTANT) {
      if (y.mode == Mode.CONSTANT) {
        if (x.val.isUnknown() || y.val.isUnknown()) {
          x.val = Constant.UNKNOWN;
          if (!isInteger(x.type)) x.type = Typ.UNTYPED_INT;
          return;
        }
        final int shiftBound = 1023 - 1 + 52;
        BigInteger s = y.val.bigValue();
        if (s.signum() < 0 || s.compareTo(BigInteger.valueOf(shiftBound)) > 0) {
          errorf(y, INVALID_OP + "invalid shift count %s", y);
          x.mode = Mode.INVALID;
          return;
        }
        if (!isInteger(x.type)) x.type = Typ.UNTYPED_INT;
        x.val = ConstOps.shift(xval, op, s.longValue());
        x.expr = e;
        overflow(x, e);
        return;
      }
      if (isUntyped(x.type)) {
        UntypedInfo u = untyped.get(x.expr);
        if (u != null) u.isLhs = true;
        x.mode = Mode.VALUE;
        return;
      }
    }
    if (!isInteger(x.type)) {
      errorf(x, INVALID_OP + "shifted operand %s must be integer", x);
      x.mode = Mode.INVALID;
      return;
    }
    x.mode = Mode.VALUE;
  }

  /** spec "Arithmetic operators" etc.; e is the binary expression or null for an op-assignment. */
  void binary(Operand x, Expr e, Expr lhs, Expr rhs, Op op, gopl.frontend.Pos opPos) {
    Operand y = new Operand();
    expr(x, lhs);
    expr(y, rhs);
    if (x.mode == Mode.INVALID) return;
    if (y.mode == Mode.INVALID) {
      x.mode = Mode.INVALID;
      x.expr = y.expr;
      return;
    }
    if (op == Op.SHL || op == Op.SHR) {
      shift(x, y, e, op);
      return;
    }
    if (canMix(x, y)) {
      convertUntyped(x, y.type);
      if (x.mode == Mode.INVALID) return;
      convertUntyped(y, x.type);
      if (y.mode == Mode.INVALID) {
        x.mode = Mode.INVALID;
        return;
      }
    }
    if (isComparison(op)) {
      comparison(x, y, op, false);
      return;
    }
    if (!identical(x.type, y.type)) {
      if (x.type != Typ.INVALID && y.type != Typ.INVALID) {
        if (e != null) errorf(x, INVALID_OP + "%s (mismatched types %s and %s)", e, x.type, y.type);
        else errorf(x, INVALID_OP + "%s %s= %s (mismatched types %s and %s)", lhs, op.text, rhs, x.type, y.type);
      }
      x.mode = Mode.INVALID;
      return;
    }
    if (!op(x, op, false)) {
      x.mode = Mode.INVALID;
      return;
    }
    if (op == Op.QUO || op == Op.REM) {
      if ((x.mode == Mode.CONSTANT || isInteger(x.type)) && y.mode == Mode.CONSTANT && y.val.isNumeric() && ConstOps.sign(y.val) == 0) {
        errorf(y, INVALID_OP + "division by zero");
        x.mode = Mode.INVALID;
        return;
      }
    }
    if (x.mode == Mode.CONSTANT && y.mode == Mode.CONSTANT) {
      if (x.val.isUnknown() || y.val.isUnknown()) {
        x.val = Constant.UNKNOWN;
        return;
      }
      boolean intDiv = op == Op.QUO && isInteger(x.type);
      x.val = ConstOps.binary(x.val, op, y.val, intDiv);
      x.expr = e;
      overflow(x, e);
      return;
    }
    x.mode = Mode.VALUE;
  }

  private boolean canMix(Operand x, Operand y) {
    if (isInterface(x.type) || isInterface(y.type)) return true;
    if (isBoolean(x.type) != isBoolean(y.type)) return false;
    if (isString(x.type) != isString(y.type)) return false;
    if (x.isNil() && !hasNil(y.type)) return false;
    if (y.isNil() && !hasNil(x.type)) return false;
    return true;
  }

  // ---- expression entry points ----

  /** Checks e, records its type (delayed for untyped values). */
  void rawExpr(Operand x, Expr e, Type hint) {
    exprInternal(x, e, hint);
    record(x);
  }

  void record(Operand x) {
    Type t;
    Constant val = null;
    switch (x.mode) {
      case INVALID -> t = Typ.INVALID;
      case NOVALUE -> t = Tuple.EMPTY;
      case CONSTANT -> {
        t = x.type;
        val = x.val;
      }
      default -> t = x.type;
    }
    if (x.expr == null) return;
    if (isUntyped(t)) rememberUntyped(x.expr, false, x.mode, (Basic) t, val);
    else recordTypeAndValue(x.expr, x.mode, t, val);
  }

  @Override
  void expr(Operand x, Expr e) {
    rawExpr(x, e, null);
    exclude(x, true, true, true);
    singleValue(x);
  }

  @Override
  void multiExpr(Operand x, Expr e) {
    rawExpr(x, e, null);
    exclude(x, true, true, true);
  }

  @Override
  void exprWithHint(Operand x, Expr e, Type hint) {
    rawExpr(x, e, hint);
    exclude(x, true, true, true);
    singleValue(x);
  }

  @Override
  void exprOrType(Operand x, Expr e) {
    rawExpr(x, e, null);
    exclude(x, true, false, false);
    singleValue(x);
  }

  void exclude(Operand x, boolean novalue, boolean builtin, boolean typexpr) {
    String msg = null;
    if (x.mode == Mode.NOVALUE && novalue) msg = typexpr ? "%s used as value" : "%s used as value or type";
    else if (x.mode == Mode.BUILTIN && builtin) msg = "%s must be called";
    else if (x.mode == Mode.TYPEXPR && typexpr) msg = "%s is not an expression";
    if (msg != null) {
      errorf(x, msg, x);
      x.mode = Mode.INVALID;
    }
  }

  void singleValue(Operand x) {
    if (x.mode == Mode.VALUE && x.type instanceof Tuple) {
      errorf(x, "multiple-value %s in single-value context", x);
      x.mode = Mode.INVALID;
    }
  }

  private void exprInternal(Operand x, Expr e0, Type hint) {
    x.mode = Mode.INVALID;
    x.type = Typ.INVALID;
    x.val = null;
    x.nil = false;
    switch (e0) {
      case Expr.Bad e -> {}
      case Expr.Ident e -> {
        ident(x, e, null, false);
        return;
      }
      case Expr.Ellipsis e -> errorf(e, "invalid use of '...'");
      case Expr.BasicLit e -> {
        basicLit(x, e);
        if (x.mode == Mode.INVALID) break;
        x.expr = e;
        return;
      }
      case Expr.FuncLit e -> {
        funcLit(x, e);
        x.expr = e;
        return;
      }
      case Expr.CompositeLit e -> {
        if (compositeLit(x, e, hint)) {
          x.expr = e;
          return;
        }
      }
      case Expr.Paren e -> {
        rawExpr(x, e.x(), null);
        x.expr = e;
        return;
      }
      case Expr.Selector e -> {
        selector(x, e, false);
        x.expr = e;
        return;
      }
      case Expr.Index e -> {
        indexExpr(x, e);
        if (x.mode == Mode.INVALID) break;
        x.expr = e;
        return;
      }
      case Expr.Slice e -> {
        sliceExpr(x, e);
        if (x.mode == Mode.INVALID) break;
        x.expr = e;
        return;
      }
      case Expr.TypeAssert e -> {
        expr(x, e.x());
        if (x.mode == Mode.INVALID) break;
        if (!(x.type.underlying() instanceof Interface xi)) {
          errorf(x, INVALID_OP + "%s is not an interface", x);
          break;
        }
        if (e.type() == null) {
          errorf(e, "use of .(type) outside type switch");
          break;
        }
        Type T = varType(e.type());
        if (T == Typ.INVALID) break;
        typeAssertion(e, x, xi, T, false);
        x.mode = Mode.COMMAOK;
        x.type = T;
        x.expr = e;
        return;
      }
      case Expr.Call e -> {
        callExpr(x, e);
        return;
      }
      case Expr.Star e -> {
        exprOrType(x, e.x());
        switch (x.mode) {
          case INVALID -> {}
          case TYPEXPR -> {
            x.type = new Pointer(x.type);
            x.expr = e;
            return;
          }
          default -> {
            if (!(x.type.underlying() instanceof Pointer p)) {
              errorf(x, INVALID_OP + "cannot indirect %s", x);
              break;
            }
            x.mode = Mode.VARIABLE;
            x.type = p.elem();
            x.expr = e;
            return;
          }
        }
      }
      case Expr.Unary e -> {
        unary(x, e);
        if (x.mode == Mode.INVALID) break;
        x.expr = e;
        return;
      }
      case Expr.Binary e -> {
        binary(x, e, e.x(), e.y(), e.op(), e.opPos());
        if (x.mode == Mode.INVALID) break;
        x.expr = e;
        return;
      }
      case Expr.KeyValue e -> errorf(e, "unexpected key:value expression");
      case Expr.ArrayType e -> {
        typeExpr(x, e);
        return;
      }
      case Expr.StructType e -> {
        typeExpr(x, e);
        return;
      }
      case Expr.FuncType e -> {
        typeExpr(x, e);
        return;
      }
      case Expr.InterfaceType e -> {
        typeExpr(x, e);
        return;
      }
      case Expr.MapType e -> {
        typeExpr(x, e);
        return;
      }
      case Expr.ChanType e -> {
        typeExpr(x, e);
        return;
      }
    }
    x.mode = Mode.INVALID;
    x.expr = e0;
  }

  private void typeExpr(Operand x, Expr e) {
    x.mode = Mode.TYPEXPR;
    x.type = typ(e);
    x.expr = e;
  }

  void basicLit(Operand x, Expr.BasicLit e) {
    Constant v;
    Type t;
    switch (e.kind()) {
      case INT -> {
        v = Literals.intLit(e.value());
        t = Typ.UNTYPED_INT;
      }
      case FLOAT -> {
        v = Literals.floatLit(e.value());
        t = Typ.UNTYPED_FLOAT;
      }
      case CHAR -> {
        v = Literals.charLit(e.value());
        t = Typ.UNTYPED_RUNE;
      }
      case STRING -> {
        v = Literals.stringLit(e.value());
        t = Typ.UNTYPED_STRING;
      }
      default -> {
        errorf(e, "not supported in GoPL: complex numbers");
        return;
      }
    }
    if (v == null) {
      errorf(e, "malformed constant: %s", e.value());
      return;
    }
    x.mode = Mode.CONSTANT;
    x.type = t;
    x.val = v;
  }

  void funcLit(Operand x, Expr.FuncLit e) {
    Scope s = new Scope(env.scope, e.pos(), "function", true);
    recordScope(e.type(), s);
    Signature sig = funcType(null, e.type(), s);
    recordTypeAndValue(e.type(), Mode.TYPEXPR, sig, null);
    Env saved = env.copy();
    DeclInfo decl = env.decl;
    Constant iota = env.iota;
    // Function literal bodies are checked right away (GoPL has no generics whose
    // instantiation would require delaying them), with the enclosing scope visible.
    Env inner = env.copy();
    inner.scope = s;
    inner.iota = iota;
    inner.decl = decl;
    env = inner;
    funcBodyIn(decl, sig, e.body(), s);
    env = saved;
    x.mode = Mode.VALUE;
    x.type = sig;
  }

  abstract void funcBodyIn(DeclInfo decl, Signature sig, gopl.frontend.ast.Stmt.Block body, Scope s);

  // ---- composite literals ----

  private boolean compositeLit(Operand x, Expr.CompositeLit e, Type hint) {
    Type typ, base;
    if (e.type() != null) {
      if (e.type() instanceof Expr.ArrayType at && at.len() instanceof Expr.Ellipsis) {
        Type elem = varType(at.elem());
        long n = indexedElts(e.elts(), elem, -1);
        typ = new Array(elem, n);
        recordTypeAndValue(e.type(), Mode.TYPEXPR, typ, null);
        x.mode = Mode.VALUE;
        x.type = typ;
        return true;
      }
      typ = typ(e.type());
      base = typ;
    } else if (hint != null) {
      typ = hint;
      base = hint.underlying() instanceof Pointer p ? p.elem() : hint;
    } else {
      errorf(e, "missing type in composite literal");
      return false;
    }
    Type utyp = base.underlying();
    switch (utyp) {
      case Struct s -> structLit(x, e, s, base, typ);
      case Array a -> indexedElts(e.elts(), a.elem(), a.len());
      case Slice s -> indexedElts(e.elts(), s.elem(), -1);
      case MapType m -> mapLit(x, e, m);
      default -> {
        for (Expr el : e.elts()) {
          Operand y = new Operand();
          rawExpr(y, el instanceof Expr.KeyValue kv ? kv.value() : el, null);
        }
        if (utyp != Typ.INVALID) errorf(e, "invalid composite literal type %s", typ);
        return false;
      }
    }
    x.mode = Mode.VALUE;
    x.type = typ;
    return true;
  }

  private void structLit(Operand x, Expr.CompositeLit e, Struct s, Type base, Type typ) {
    if (e.elts().isEmpty()) return;
    List<Var> fields = s.fields();
    if (e.elts().get(0) instanceof Expr.KeyValue) {
      boolean[] visited = new boolean[fields.size()];
      for (Expr el : e.elts()) {
        Operand v = new Operand();
        if (!(el instanceof Expr.KeyValue kv)) {
          errorf(el, "mixture of field:value and value elements in struct literal");
          continue;
        }
        expr(v, kv.value());
        if (!(kv.key() instanceof Expr.Ident key)) {
          errorf(kv, "invalid field name %s in struct literal", kv.key());
          continue;
        }
        int i = -1;
        for (int j = 0; j < fields.size(); j++) {
          if (!key.name().equals("_") && Lookup.sameId(fields.get(j), pkg, key.name())) i = j;
        }
        if (i < 0) {
          errorf(kv.key(), "unknown field '%s' in struct literal of type %s", key.name(), base);
          continue;
        }
        Var f = fields.get(i);
        recordUse(key, f);
        assignment(v, f.type(), "struct literal");
        if (visited[i]) {
          errorf(kv, "duplicate field name %s in struct literal", key.name());
          continue;
        }
        visited[i] = true;
      }
    } else {
      for (int i = 0; i < e.elts().size(); i++) {
        Expr el = e.elts().get(i);
        Operand v = new Operand();
        if (el instanceof Expr.KeyValue kv) {
          errorf(kv, "mixture of field:value and value elements in struct literal");
          continue;
        }
        expr(v, el);
        if (i >= fields.size()) {
          errorf(v, "too many values in %s{…}", base);
          break;
        }
        Var f = fields.get(i);
        if (!f.exported() && f.pkg() != pkg) {
          errorf(v, "implicit assignment to unexported field %s in %s literal", f.name(), typ);
          continue;
        }
        assignment(v, f.type(), "struct literal");
      }
      if (e.elts().size() < fields.size()) errorAt(e.rbrace(), "too few values in %s{…}", base);
    }
  }

  private void mapLit(Operand x, Expr.CompositeLit e, MapType m) {
    boolean keyIsInterface = isInterface(m.key());
    Map<Object, List<Type>> visited = new HashMap<>();
    for (Expr el : e.elts()) {
      if (!(el instanceof Expr.KeyValue kv)) {
        errorf(el, "missing key in map literal");
        continue;
      }
      Operand k = new Operand();
      exprWithHint(k, kv.key(), m.key());
      assignment(k, m.key(), "map literal");
      if (k.mode == Mode.INVALID) continue;
      if (k.mode == Mode.CONSTANT) {
        Object key = keyVal(k.val);
        List<Type> seen = visited.computeIfAbsent(key, z -> new ArrayList<>());
        boolean dup = keyIsInterface ? seen.stream().anyMatch(t -> identical(t, k.type)) : !seen.isEmpty();
        seen.add(k.type);
        if (dup) {
          errorf(k, "duplicate key %s in map literal", k.val);
          continue;
        }
      }
      Operand v = new Operand();
      exprWithHint(v, kv.value(), m.elem());
      assignment(v, m.elem(), "map literal");
    }
  }

  static Object keyVal(Constant c) {
    return switch (c) {
      case Constant.Int i -> i.value();
      case Constant.Rat r -> r.den().equals(BigInteger.ONE) ? (Object) r.num() : r;
      case Constant.Str s -> s.value();
      case Constant.Bool b -> b.value();
      default -> c;
    };
  }

  /** Elements of an array or slice literal; returns the length (max index + 1). */
  long indexedElts(List<Expr> elts, Type typ, long length) {
    Set<Long> visited = new HashSet<>();
    long index = 0, max = 0;
    for (Expr e : elts) {
      boolean validIndex = false;
      Expr eval = e;
      if (e instanceof Expr.KeyValue kv) {
        long[] iv = index(kv.key(), length);
        if (iv != null) {
          if (iv[0] >= 0) {
            index = iv[0];
            validIndex = true;
          } else {
            errorf(e, "index %s must be integer constant", kv.key());
          }
        }
        eval = kv.value();
      } else if (length >= 0 && index >= length) {
        errorf(e, "index %d is out of bounds (>= %d)", index, length);
      } else {
        validIndex = true;
      }
      if (validIndex) {
        if (!visited.add(index)) errorf(e, "duplicate index %d in array or slice literal", index);
      }
      index++;
      if (index > max) max = index;
      Operand x = new Operand();
      exprWithHint(x, eval, typ);
      assignment(x, typ, "array or slice literal");
    }
    return max;
  }

  // ---- index and slice ----

  /** Checks an index; returns {value or -1 if not constant}, or null if invalid. */
  long[] index(Expr index, long max) {
    Operand x = new Operand();
    expr(x, index);
    if (!isValidIndex(x, "index", false)) return null;
    if (x.mode != Mode.CONSTANT) return new long[] {-1};
    if (x.val.isUnknown()) return null;
    long v = x.val.longValue();
    if (max >= 0 && v >= max) {
      errorf(x, INVALID_ARG + "index %s out of bounds [0:%d]", x.val, max);
      return null;
    }
    return new long[] {v};
  }

  boolean isValidIndex(Operand x, String what, boolean allowNegative) {
    if (x.mode == Mode.INVALID) return false;
    convertUntyped(x, Typ.INT);
    if (x.mode == Mode.INVALID) return false;
    if (!isInteger(x.type)) {
      errorf(x, INVALID_ARG + "%s %s must be integer", what, x);
      return false;
    }
    if (x.mode == Mode.CONSTANT) {
      if (!allowNegative && ConstOps.sign(x.val) < 0) {
        errorf(x, INVALID_ARG + "%s %s must not be negative", what, x);
        return false;
      }
      if (x.val.bigValue().bitLength() > 63) {
        errorf(x, INVALID_ARG + "%s %s overflows int", what, x);
        return false;
      }
    }
    return true;
  }

  void indexExpr(Operand x, Expr.Index e) {
    exprOrType(x, e.x());
    switch (x.mode) {
      case INVALID -> {
        Operand y = new Operand();
        rawExpr(y, e.index(), null);
        return;
      }
      case TYPEXPR -> {
        errorf(e, "not supported in GoPL: generic type instantiation");
        x.mode = Mode.INVALID;
        return;
      }
      default -> {}
    }
    boolean valid = false;
    long length = -1;
    Type u = x.type.underlying();
    switch (u) {
      case Basic b when isString(b) -> {
        valid = true;
        if (x.mode == Mode.CONSTANT) length = x.val.stringValue().length();
        x.mode = Mode.VALUE;
        x.type = Typ.BYTE;
      }
      case Array a -> {
        valid = true;
        length = a.len();
        if (x.mode != Mode.VARIABLE) x.mode = Mode.VALUE;
        x.type = a.elem();
      }
      case Pointer p when p.elem().underlying() instanceof Array a -> {
        valid = true;
        length = a.len();
        x.mode = Mode.VARIABLE;
        x.type = a.elem();
      }
      case Slice s -> {
        valid = true;
        x.mode = Mode.VARIABLE;
        x.type = s.elem();
      }
      case MapType m -> {
        Operand key = new Operand();
        exprWithHint(key, e.index(), m.key());
        assignment(key, m.key(), "map index");
        x.mode = Mode.MAPINDEX;
        x.type = m.elem();
        x.expr = e;
        return;
      }
      default -> {}
    }
    if (!valid) {
      errorAt(e.lbrack(), INVALID_OP + "cannot index %s", x);
      x.mode = Mode.INVALID;
      Operand y = new Operand();
      rawExpr(y, e.index(), null);
      return;
    }
    index(e.index(), length);
  }

  void sliceExpr(Operand x, Expr.Slice e) {
    expr(x, e.x());
    if (x.mode == Mode.INVALID) {
      for (Expr i : new Expr[] {e.low(), e.high(), e.max()}) if (i != null) expr(new Operand(), i);
      return;
    }
    boolean valid = false;
    long length = -1;
    Type u = x.type.underlying();
    switch (u) {
      case Basic b when isString(b) -> {
        if (e.slice3()) {
          errorf(e.max() != null ? e.max() : e, INVALID_OP + "3-index slice of string");
          x.mode = Mode.INVALID;
          return;
        }
        valid = true;
        if (x.mode == Mode.CONSTANT) length = x.val.stringValue().length();
        if (isUntyped(x.type)) x.type = Typ.STRING;
      }
      case Array a -> {
        valid = true;
        length = a.len();
        if (x.mode != Mode.VARIABLE) {
          errorf(x, INVALID_OP + "%s (slice of unaddressable value)", x);
          x.mode = Mode.INVALID;
          return;
        }
        markAddressTaken(e.x());
        x.type = new Slice(a.elem());
      }
      case Pointer p when p.elem().underlying() instanceof Array a -> {
        valid = true;
        length = a.len();
        x.type = new Slice(a.elem());
      }
      case Slice s -> valid = true;
      default -> {}
    }
    if (!valid) {
      errorf(x, INVALID_OP + "cannot slice %s", x);
      x.mode = Mode.INVALID;
      return;
    }
    x.mode = Mode.VALUE;
    if (e.slice3() && (e.high() == null || e.max() == null)) {
      errorf(e, "middle index required in 3-index slice");
      x.mode = Mode.INVALID;
      return;
    }
    Expr[] idx = {e.low(), e.high(), e.max()};
    long[] ind = new long[3];
    for (int i = 0; i < 3; i++) {
      long v = -1;
      if (idx[i] != null) {
        long max = length >= 0 ? length + 1 : -1;
        long[] r = index(idx[i], max);
        if (r != null && r[0] >= 0) v = r[0];
      } else if (i == 0) {
        v = 0;
      } else if (length >= 0) {
        v = length;
      }
      ind[i] = v;
    }
    outer:
    for (int i = 0; i < 2; i++) {
      if (ind[i] > 0) {
        for (int j = i + 1; j < 3; j++) {
          if (ind[j] >= 0 && ind[j] < ind[i] && idx[j] != null) {
            errorf(idx[j], "invalid slice indices: %d < %d", ind[j], ind[i]);
            break outer;
          }
        }
      }
    }
  }

  void typeAssertion(Expr e, Operand x, Interface xi, Type T, boolean typeSwitch) {
    if (isInterface(T)) return;
    Lookup.Missing mm = Lookup.missingMethod(T, xi, false);
    if (mm == null) return;
    String cause = Lookup.reason(T, x.type, mm, pkg);
    if (typeSwitch) {
      errorf(e, "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s", e, x, T, cause);
      return;
    }
    errorf(e, "impossible type assertion: %s\n\t%s does not implement %s %s", e, T, x.type, cause);
  }

  abstract void callExpr(Operand x, Expr.Call e);
}
