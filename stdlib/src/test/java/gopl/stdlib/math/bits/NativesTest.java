package gopl.stdlib.math.bits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** 128-bit division and multiplication intrinsics of math/bits, unsigned throughout. */
class NativesTest {
  @Test
  void div128MatchesGo() {
    // Go: bits.Div64(123456789, 987654321, 1<<40) = 2071261215719424, 987654321
    assertEquals(2071261215719424L, Natives.div128(123456789L, 987654321L, 1L << 40));
    assertEquals(987654321L, Natives.rem128(123456789L, 987654321L, 1L << 40));
  }

  @Test
  void unsignedHighProduct() {
    assertEquals(-2L, Natives.mulHi(-1L, -1L)); // (2^64-1)^2 >> 64 = 2^64-2
    assertEquals(0L, Natives.mulHi(1L << 31, 1L << 32));
  }

  @Test
  void countsOfZero() {
    assertEquals(64, Natives.LeadingZeros64(0));
    assertEquals(64, Natives.TrailingZeros64(0));
    assertEquals(64, Natives.OnesCount64(-1));
  }
}
