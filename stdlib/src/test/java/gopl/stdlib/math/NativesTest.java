package gopl.stdlib.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The math intrinsics reproduce Go 1.19's bits on linux/amd64 (expected values printed by
 * real Go: {@code fmt.Printf("%#x", math.Float64bits(math.Exp(x)))}).
 */
class NativesTest {
  private static void bits(long want, double got, String what) {
    assertEquals(Long.toHexString(want), Long.toHexString(Double.doubleToRawLongBits(got)), what);
  }

  @Test
  void expMatchesGoAmd64Assembly() {
    double[] x = {1, -1, 0.5, 10, 100, -700, 709, -745.1, 1e-10, 3.7};
    long[] want = {0x4005bf0a8b145769L, 0x3fd78b56362cef38L, 0x3ffa61298e1e069cL, 0x40d5829dcf950560L,
      0x48f3494a9b171bf5L, 0xd14f2b0fb9307fL, 0x7fdd422d2be5dc9bL, 0x1L, 0x3ff000000006df38L,
      0x4044394144eeec81L};
    for (int i = 0; i < x.length; i++) bits(want[i], Natives.Exp(x[i]), "Exp(" + x[i] + ")");
  }

  @Test
  void expSpecialCases() {
    assertEquals(Double.POSITIVE_INFINITY, Natives.Exp(710));
    assertEquals(0.0, Natives.Exp(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, Natives.Exp(-1e300));
    assertEquals(Double.POSITIVE_INFINITY, Natives.Exp(Double.POSITIVE_INFINITY));
    assertEquals(true, Double.isNaN(Natives.Exp(Double.NaN)));
  }

  @Test
  void logMatchesGoAmd64Assembly() {
    double[] x = {1, 2, 0.1, 10, 1e300, 5e-324, 3.7, 0.7071067811865476};
    long[] want = {0x0L, 0x3fe62e42fefa39efL, 0xc0026bb1bbb55515L, 0x40026bb1bbb55516L,
      0x4085963447f87fb5L, 0xc08628b76e3a7b61L, 0x3ff4eeee650ae550L, 0xbfd62e42fefa39eeL};
    for (int i = 0; i < x.length; i++) bits(want[i], Natives.Log(x[i]), "Log(" + x[i] + ")");
    assertEquals(Double.NEGATIVE_INFINITY, Natives.Log(0));
    assertEquals(true, Double.isNaN(Natives.Log(-1)));
  }

  @Test
  void sinCosMatchGoCephesPort() {
    double[] x = {1, -2, 0.1, 100, 1e8};
    long[] sin = {0x3feaed548f090ceeL, 0xbfed18f6ead1b445L, 0x3fb98eaecb8bcb2cL, 0xbfe03425b78c4db8L, 0x3fedcffca623a20bL};
    long[] cos = {0x3fe14a280fb5068cL, 0xbfdaa22657537205L, 0x3fefd712f9a817c0L, 0x3feb981dbf665fdfL, 0xbfd741b388a8c029L};
    for (int i = 0; i < x.length; i++) {
      bits(sin[i], Natives.Sin(x[i]), "Sin(" + x[i] + ")");
      bits(cos[i], Natives.Cos(x[i]), "Cos(" + x[i] + ")");
    }
    bits(0x8000000000000000L, Natives.Sin(-0.0), "Sin(-0)");
  }

  @Test
  void pow10UsesGoTables() {
    assertEquals(1e-05, Natives.Pow10(-5));
    assertEquals(1e23, Natives.Pow10(23));
    assertEquals(Double.POSITIVE_INFINITY, Natives.Pow10(309));
    assertEquals(0.0, Natives.Pow10(-324));
  }
}
