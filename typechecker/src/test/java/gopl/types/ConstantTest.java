package gopl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.frontend.ast.Op;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Exact constant arithmetic, literal interpretation and Go's spelling of constant values. */
class ConstantTest {
  static Constant i(long v) {
    return Constant.of(v);
  }

  @Test
  void testIntArithmetic_isExactBeyond64Bits() {
    Constant big = ConstOps.shift(i(1), Op.SHL, 100);
    Constant sq = ConstOps.binary(big, Op.MUL, big, false);
    assertEquals(BigInteger.ONE.shiftLeft(200), sq.bigValue());
    assertEquals(i(4), ConstOps.shift(big, Op.SHR, 98));
  }

  @Test
  void testIntDivision_truncatesTowardZero() {
    assertEquals(i(-3), ConstOps.binary(i(-7), Op.QUO, i(2), true));
    assertEquals(i(-1), ConstOps.binary(i(-7), Op.REM, i(3), false));
    Constant exact = ConstOps.binary(i(7), Op.QUO, i(2), false);
    assertInstanceOf(Constant.Rat.class, exact);
    assertEquals(3.5, exact.doubleValue());
  }

  @Test
  void testRightShift_roundsTowardMinusInfinity() {
    assertEquals(i(-3), ConstOps.shift(i(-11), Op.SHR, 2));
  }

  @Test
  void testBitwiseComplement_unsignedUsesPrecision() {
    assertEquals(i(-6), ConstOps.unary(Op.XOR, i(5), 0));
    assertEquals(i(250), ConstOps.unary(Op.XOR, i(5), 8));
  }

  @Test
  void testFloatLiterals_areExactRationals() {
    Constant tenth = Literals.floatLit("0.1");
    Constant three = ConstOps.binary(ConstOps.binary(tenth, Op.ADD, tenth, false), Op.ADD, tenth, false);
    assertTrue(ConstOps.compare(three, Op.EQL, Literals.floatLit("0.3")), "0.1+0.1+0.1 == 0.3 exactly");
    assertEquals(0.25, Literals.floatLit("0x1p-2").doubleValue());
    assertEquals(1e39, Literals.floatLit("1e39").doubleValue());
    assertEquals("1e+39", Literals.floatLit("1e39").toString());
  }

  @Test
  void testIntLiterals_allBases() {
    assertEquals(i(255), Literals.intLit("0xFF"));
    assertEquals(i(8), Literals.intLit("0o10"));
    assertEquals(i(8), Literals.intLit("010"));
    assertEquals(i(5), Literals.intLit("0b101"));
    assertEquals(i(1000000), Literals.intLit("1_000_000"));
  }

  @Test
  void testRuneAndStringLiterals_areBytes() {
    assertEquals(i('a'), Literals.charLit("'a'"));
    assertEquals(i(0xe9), Literals.charLit("'é'"));
    assertEquals(i(10), Literals.charLit("'\\n'"));
    assertEquals(i(0xff), Literals.charLit("'\\xff'"));
    assertEquals(i(0x1F600), Literals.charLit("'\\U0001F600'"));
    assertEquals("h\u00c3\u00a9", Literals.stringLit("\"hé\"").stringValue());
    assertEquals("\u00ff\n", Literals.stringLit("\"\\xff\\n\"").stringValue());
    assertEquals("a\\n", Literals.stringLit("`a\\n`").stringValue());
    assertNull(Literals.charLit("'ab'"));
  }

  @Test
  void testRepresentable_overflowAndTruncation() {
    assertEquals(ConstOps.OVERFLOW, ConstOps.representable(i(256), Typ.UNTYPED_INT, Typ.UINT8).code());
    assertEquals(0, ConstOps.representable(i(255), Typ.UNTYPED_INT, Typ.UINT8).code());
    assertEquals(ConstOps.OVERFLOW, ConstOps.representable(i(-1), Typ.UNTYPED_INT, Typ.UINT).code());
    assertEquals(ConstOps.TRUNCATED, ConstOps.representable(Literals.floatLit("1.5"), Typ.UNTYPED_FLOAT, Typ.INT).code());
    ConstOps.Repr two = ConstOps.representable(Literals.floatLit("2.0"), Typ.UNTYPED_FLOAT, Typ.INT);
    assertEquals(0, two.code());
    assertEquals(i(2), two.value());
    assertEquals(ConstOps.OVERFLOW, ConstOps.representable(Literals.floatLit("1e39"), Typ.UNTYPED_FLOAT, Typ.FLOAT32).code());
    assertEquals(ConstOps.INVALID, ConstOps.representable(Constant.ofString("a"), Typ.UNTYPED_STRING, Typ.INT).code());
    assertEquals(0, ConstOps.representable(i(Long.MIN_VALUE), Typ.UNTYPED_INT, Typ.INT64).code());
  }

  @Test
  void testFloat32Rounding_isRecordedValue() {
    Constant r = ConstOps.representable(Literals.floatLit("0.1"), Typ.UNTYPED_FLOAT, Typ.FLOAT32).value();
    assertEquals((double) 0.1f, r.doubleValue());
  }

  @Test
  void testSpelling_asGoConstantPrintsIt() {
    assertEquals("1.5", Literals.floatLit("1.5").toString());
    assertEquals("0.1", Literals.floatLit("0.1").toString());
    assertEquals("1e-07", Literals.floatLit("1e-7").toString());
    assertEquals("3.14159", Literals.floatLit("3.14159265").toString());
    assertEquals("\"a\\n\\\"b\"", Constant.ofString("a\n\"b").toString());
    assertEquals("true", Constant.of(true).toString());
  }

  @Test
  void testCompare_mixedKinds() {
    assertTrue(ConstOps.compare(i(2), Op.EQL, Literals.floatLit("2.0")));
    assertTrue(ConstOps.compare(Literals.floatLit("1.5"), Op.LSS, i(2)));
    assertFalse(ConstOps.compare(Constant.ofString("b"), Op.LSS, Constant.ofString("a")));
  }
}
