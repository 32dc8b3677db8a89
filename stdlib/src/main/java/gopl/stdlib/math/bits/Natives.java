package gopl.stdlib.math.bits;

import java.math.BigInteger;

/** Java intrinsics of package math/bits (math/bits/bits.gop): 64-bit counts and 128-bit division. */
public final class Natives {
  private Natives() {}

  public static long LeadingZeros64(long x) { return Long.numberOfLeadingZeros(x); }
  public static long TrailingZeros64(long x) { return Long.numberOfTrailingZeros(x); }
  public static long OnesCount64(long x) { return Long.bitCount(x); }
  public static long Reverse64(long x) { return Long.reverse(x); }
  public static long ReverseBytes64(long x) { return Long.reverseBytes(x); }
  public static long mulHi(long x, long y) { return Math.unsignedMultiplyHigh(x, y); }

  private static BigInteger u128(long hi, long lo) {
    return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
  }

  public static long div128(long hi, long lo, long y) {
    return u128(hi, lo).divide(new BigInteger(Long.toUnsignedString(y))).longValue();
  }

  public static long rem128(long hi, long lo, long y) {
    return u128(hi, lo).remainder(new BigInteger(Long.toUnsignedString(y))).longValue();
  }
}
