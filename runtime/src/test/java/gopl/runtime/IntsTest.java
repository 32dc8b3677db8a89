package gopl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Go integer semantics; expected values printed by Go 1.19. */
class IntsTest {
  @Test
  void testUnsignedDivRem_maxUint64() {
    long u = -1L; // 1<<64 - 1
    assertEquals("6148914691236517205", Ints.toStringU(Ints.divU(u, 3)));
    assertEquals(1, Ints.remU(u, 7));
  }

  @Test
  void testU64ToDouble_roundsLikeGo() {
    assertEquals(1.8446744073709552e19, Ints.u64ToDouble(-1L));
    assertEquals(9.223372036854775808e18, Ints.u64ToDouble(Long.MIN_VALUE));
  }

  @Test
  void testDoubleToU64_aboveMaxInt64() {
    assertEquals(Long.MIN_VALUE, Ints.doubleToU64(9.223372036854775808e18));
    assertEquals(-2048L, Ints.doubleToU64(1.8446744073709550e19));
  }

  @Test
  void testShifts_countAtOrBeyondWidth() {
    assertEquals(0, Ints.shl(1L, 64));
    assertEquals(-1, Ints.shr(-8L, 100));
    assertEquals(0, Ints.shrU(-8L, 64));
    assertEquals(1, Ints.shrU(-1, 31) & 1);
    assertEquals(0, Ints.shlUC(5L, -1L)); // uint64 count 1<<64-1
  }

  @Test
  void testDivideByZero_panicsWithGoMessage() {
    GoPanic p = assertThrows(GoPanic.class, () -> Ints.div(1L, 0L));
    assertEquals("runtime error: integer divide by zero", PanicPrinter.text(p.value));
  }

  @Test
  void testNegativeShift_panics() {
    GoPanic p = assertThrows(GoPanic.class, () -> Ints.shl(1L, -1L));
    assertEquals("runtime error: negative shift amount", PanicPrinter.text(p.value));
  }

  @Test
  void testMinIntDivMinusOne_wraps() {
    assertEquals(Long.MIN_VALUE, Ints.div(Long.MIN_VALUE, -1L));
    assertEquals(0, Ints.rem(Long.MIN_VALUE, -1L));
  }
}
