package gopl.codegen;

import static org.objectweb.asm.Opcodes.*;

import gopl.frontend.ast.Expr;
import gopl.frontend.ast.Op;
import gopl.types.Basic;
import gopl.types.Constant;
import gopl.types.Type;
import gopl.types.TypeAndValue;
import gopl.types.Typ;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Go arithmetic, shifts and comparisons on the JVM. spec: "For unsigned integer values, the
 * operations +, -, *, and << are computed modulo 2^n, where n is the bit width of the unsigned
 * integer's type. ... For signed integers, the operations +, -, *, /, and << may legally overflow
 * and the resulting value exists and is deterministically defined by the signed integer
 * representation". 64-bit kinds are JVM longs (wrap-around for free); narrower kinds are ints
 * re-truncated after each operation by {@link #truncate}.
 */
final class Arith {
  private Arith() {}

  /** Re-establishes the representation of a ≤32-bit integer type after int arithmetic. */
  static void truncate(MethodVisitor mv, Type t) {
    Basic.Kind k = TypeLayout.kind(t);
    if (k == null) return;
    switch (k) {
      case INT8 -> mv.visitInsn(I2B);
      case INT16 -> mv.visitInsn(I2S);
      case UINT8 -> {
        Bytecode.iconst(mv, 0xFF);
        mv.visitInsn(IAND);
      }
      case UINT16 -> mv.visitInsn(I2C);
      default -> {}
    }
  }

  private static final String INTS = "gopl/runtime/Ints";

  /** Stack: x, y of type t -> x op y (op not a shift or comparison). */
  static void binary(ExprGen g, Op op, Type t, Expr y) {
    MethodVisitor mv = g.mv;
    String d = g.gen.layout.desc(t);
    boolean unsigned = TypeLayout.isUnsigned(t);
    boolean constNonZeroDivisor = isConstNonZero(g, y);
    if (TypeLayout.isString(t)) {
      if (op != Op.ADD) throw new CodegenException(y.pos(), "bad string operator " + op);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
      return;
    }
    switch (d) {
      case "J" -> {
        switch (op) {
          case ADD -> mv.visitInsn(LADD);
          case SUB -> mv.visitInsn(LSUB);
          case MUL -> mv.visitInsn(LMUL);
          case QUO -> {
            if (unsigned) mv.visitMethodInsn(INVOKESTATIC, INTS, "divU", "(JJ)J", false);
            else if (constNonZeroDivisor) mv.visitInsn(LDIV);
            else mv.visitMethodInsn(INVOKESTATIC, INTS, "div", "(JJ)J", false);
          }
          case REM -> {
            if (unsigned) mv.visitMethodInsn(INVOKESTATIC, INTS, "remU", "(JJ)J", false);
            else if (constNonZeroDivisor) mv.visitInsn(LREM);
            else mv.visitMethodInsn(INVOKESTATIC, INTS, "rem", "(JJ)J", false);
          }
          case AND -> mv.visitInsn(LAND);
          case OR -> mv.visitInsn(LOR);
          case XOR -> mv.visitInsn(LXOR);
          case AND_NOT -> {
            mv.visitLdcInsn(-1L);
            mv.visitInsn(LXOR);
            mv.visitInsn(LAND);
          }
          default -> throw new CodegenException(y.pos(), "bad operator " + op);
        }
      }
      case "I" -> {
        boolean u32 = TypeLayout.kind(t) == Basic.Kind.UINT32;
        switch (op) {
          case ADD -> mv.visitInsn(IADD);
          case SUB -> mv.visitInsn(ISUB);
          case MUL -> mv.visitInsn(IMUL);
          case QUO -> {
            if (u32 && constNonZeroDivisor) u32ByConstant(g, y, LDIV);
            else if (u32) mv.visitMethodInsn(INVOKESTATIC, INTS, "divU", "(II)I", false);
            else if (constNonZeroDivisor) mv.visitInsn(IDIV);
            else mv.visitMethodInsn(INVOKESTATIC, INTS, "div", "(II)I", false);
          }
          case REM -> {
            if (u32 && constNonZeroDivisor) u32ByConstant(g, y, LREM);
            else if (u32) mv.visitMethodInsn(INVOKESTATIC, INTS, "remU", "(II)I", false);
            else if (constNonZeroDivisor) mv.visitInsn(IREM);
            else mv.visitMethodInsn(INVOKESTATIC, INTS, "rem", "(II)I", false);
          }
          case AND -> mv.visitInsn(IAND);
          case OR -> mv.visitInsn(IOR);
          case XOR -> mv.visitInsn(IXOR);
          case AND_NOT -> {
            mv.visitInsn(ICONST_M1);
            mv.visitInsn(IXOR);
            mv.visitInsn(IAND);
          }
          default -> throw new CodegenException(y.pos(), "bad operator " + op);
        }
        truncate(mv, t);
      }
      case "D" -> mv.visitInsn(switch (op) {
        case ADD -> DADD;
        case SUB -> DSUB;
        case MUL -> DMUL;
        case QUO -> DDIV;
        default -> throw new CodegenException(y.pos(), "bad operator " + op);
      });
      case "F" -> mv.visitInsn(switch (op) {
        case ADD -> FADD;
        case SUB -> FSUB;
        case MUL -> FMUL;
        case QUO -> FDIV;
        default -> throw new CodegenException(y.pos(), "bad operator " + op);
      });
      default -> throw new CodegenException(y.pos(), "bad operand type for " + op);
    }
  }

  /**
   * Stack: uint32 x, constant y -> x / y or x % y (op LDIV or LREM) computed on the zero-extended
   * longs, where the JIT turns division by a constant into a multiply (no zero check needed).
   */
  private static void u32ByConstant(ExprGen g, Expr y, int op) {
    MethodVisitor mv = g.mv;
    mv.visitInsn(POP);
    mv.visitInsn(I2L);
    mv.visitLdcInsn(0xFFFFFFFFL);
    mv.visitInsn(LAND);
    mv.visitLdcInsn(g.tv(y).value().bigValue().longValue() & 0xFFFFFFFFL);
    mv.visitInsn(op);
    mv.visitInsn(L2I);
  }

  private static boolean isConstNonZero(ExprGen g, Expr y) {
    TypeAndValue tv = g.tv(y);
    return tv != null && tv.value() != null && tv.value().isNumeric() && tv.value().bigValue().signum() != 0;
  }

  /** Stack: x of type t -> x << y or x >> y (y evaluated here). */
  static void shift(ExprGen g, Op op, Type t, Expr y) {
    MethodVisitor mv = g.mv;
    String d = g.gen.layout.desc(t);
    boolean unsigned = TypeLayout.isUnsigned(t);
    int width = d.equals("J") ? 64 : 32;
    TypeAndValue tv = g.tv(y);
    if (tv != null && tv.value() != null && tv.value().isNumeric()) {
      long n = tv.value().bigValue().min(java.math.BigInteger.valueOf(1000)).longValue();
      int bits = TypeLayout.bits(t);
      if (op == Op.SHL) {
        if (n >= bits) {
          Bytecode.pop(mv, d);
          Bytecode.zero(mv, d);
          return;
        }
        Bytecode.iconst(mv, (int) n);
        mv.visitInsn(width == 64 ? LSHL : ISHL);
        if (width == 32) truncate(mv, t);
        return;
      }
      if (n >= width) n = unsigned ? width : width - 1;
      if (unsigned && n >= width) {
        Bytecode.pop(mv, d);
        Bytecode.zero(mv, d);
        return;
      }
      Bytecode.iconst(mv, (int) n);
      mv.visitInsn(width == 64 ? (unsigned ? LUSHR : LSHR) : (unsigned ? IUSHR : ISHR));
      return;
    }
    Type yt = g.typeOf(y);
    g.gen(y);
    g.toLong(yt);
    boolean countUnsigned = TypeLayout.isUnsigned(yt);
    String name = op == Op.SHL ? "shl" : unsigned ? "shrU" : "shr";
    if (countUnsigned) name = op == Op.SHL ? "shlUC" : unsigned ? "shrUUC" : "shrUC";
    String desc = width == 64 ? "(JJ)J" : "(IJ)I";
    mv.visitMethodInsn(INVOKESTATIC, INTS, name, desc, false);
    if (width == 32 && op == Op.SHL) truncate(mv, t);
  }

  /** Comparison b; jumps to target when its result equals jumpIf. */
  static void compare(ExprGen g, Expr.Binary b, boolean jumpIf, Label target) {
    MethodVisitor mv = g.mv;
    Op op = b.op();
    boolean xNil = g.isNil(b.x());
    boolean yNil = g.isNil(b.y());
    if (xNil || yNil) {
      g.gen(xNil ? b.y() : b.x());
      boolean eq = op == Op.EQL;
      mv.visitJumpInsn(eq == jumpIf ? IFNULL : IFNONNULL, target);
      return;
    }
    Type xt = g.typeOf(b.x());
    Type yt = g.typeOf(b.y());
    Type t = xt;
    if (op == Op.EQL || op == Op.NEQ) {
      boolean xi = TypeLayout.isInterface(xt);
      boolean yi = TypeLayout.isInterface(yt);
      if (xi != yi) {
        // mixed comparison: the concrete operand is converted to the interface type
        g.genValue(b.x(), xi ? xt : yt);
        g.genValue(b.y(), xi ? xt : yt);
        t = xi ? xt : yt;
      } else {
        if (xt == Typ.UNTYPED_BOOL || xt instanceof Basic bb && bb.isUntyped()) t = yt;
        g.gen(b.x());
        g.gen(b.y());
      }
      g.gen.values.equalsJump(mv, t, (op == Op.EQL) == jumpIf, target);
      return;
    }
    g.gen(b.x());
    g.gen(b.y());
    String d = g.gen.layout.desc(t);
    boolean unsigned = TypeLayout.isUnsigned(t);
    int cmp;
    switch (d) {
      case "J" -> {
        if (unsigned) mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
        else mv.visitInsn(LCMP);
        cmp = 0;
      }
      case "I" -> {
        if (TypeLayout.kind(t) == Basic.Kind.UINT32) {
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
          cmp = 0;
        } else {
          cmp = 1; // use IF_ICMPxx
        }
      }
      case "D" -> {
        // NaN compares false: for < and <= use DCMPG (NaN -> 1), for > and >= DCMPL (NaN -> -1)
        boolean lessish = op == Op.LSS || op == Op.LEQ;
        mv.visitInsn(lessish ? DCMPG : DCMPL);
        cmp = 0; // with the negated op below, NaN also takes the "false" branch
      }
      case "F" -> {
        boolean lessish = op == Op.LSS || op == Op.LEQ;
        mv.visitInsn(lessish ? FCMPG : FCMPL);
        cmp = 0;
      }
      default -> {
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "compareTo", "(Ljava/lang/String;)I", false);
        cmp = 0;
      }
    }
    Op o = jumpIf ? op : negate(op);
    if (cmp == 1) {
      mv.visitJumpInsn(switch (o) {
        case LSS -> IF_ICMPLT;
        case LEQ -> IF_ICMPLE;
        case GTR -> IF_ICMPGT;
        default -> IF_ICMPGE;
      }, target);
    } else {
      mv.visitJumpInsn(switch (o) {
        case LSS -> IFLT;
        case LEQ -> IFLE;
        case GTR -> IFGT;
        default -> IFGE;
      }, target);
    }
  }

  private static Op negate(Op op) {
    return switch (op) {
      case LSS -> Op.GEQ;
      case LEQ -> Op.GTR;
      case GTR -> Op.LEQ;
      default -> Op.LSS;
    };
  }

  static boolean isConst(ExprGen g, Expr e) {
    TypeAndValue tv = g.tv(e);
    return tv != null && tv.value() != null && !(tv.value() instanceof Constant.Unknown);
  }
}
