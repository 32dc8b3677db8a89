package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast shortest-digits path (built on the JDK's shortest decimal) agrees with the exact
 * definition on random float64/float32 values of every magnitude, including subnormals and the
 * short decimals where the JDK and Go differ; rounding is half-to-even on exact values.
 */
class DecimalTest {
    @Test
    void testShortest_fastPathAgreesWithExact64() {
        Random r = new Random(64);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.abs(Double.longBitsToDouble(r.nextLong() & 0x7FEFFFFFFFFFFFFFL));
                case 1 -> Double.MIN_VALUE * (1 + r.nextInt(1000)); // subnormals: short digit strings
                case 2 -> (1 + r.nextInt(99)) * Math.pow(10, r.nextInt(600) - 300); // 1-2 digit decimals
                default -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            };
            if (v == 0 || Double.isInfinite(v)) {
                continue;
            }
            assertEquals(Decimal.shortestExact(v, 64), Decimal.shortest(v, 64), () -> "float64 " + v);
        }
    }

    @Test
    void testShortest_fastPathAgreesWithExact32() {
        Random r = new Random(32);
        for (int i = 0; i < 20_000; i++) {
            float f = switch (i % 3) {
                case 0 -> Math.abs(Float.intBitsToFloat(r.nextInt() & 0x7F7FFFFF));
                case 1 -> Float.MIN_VALUE * (1 + r.nextInt(1000));
                default -> (float) ((1 + r.nextInt(99)) * Math.pow(10, r.nextInt(80) - 45));
            };
            if (f == 0 || Float.isInfinite(f)) {
                continue;
            }
            double v = f;
            assertEquals(Decimal.shortestExact(v, 32), Decimal.shortest(v, 32), () -> "float32 " + f);
        }
    }

    @Test
    void testShortest_whereJavaPrintsTwoDigits() {
        assertEquals(new Decimal("5", -323), Decimal.shortest(Double.MIN_VALUE, 64));
        assertEquals(new Decimal("1", -44), Decimal.shortest(Float.MIN_VALUE, 32));
    }

    @Test
    void testRound_halfToEven() {
        assertEquals(new Decimal("2", 1), new Decimal("25", 1).round(1));
        assertEquals(new Decimal("4", 1), new Decimal("35", 1).round(1));
        assertEquals(new Decimal("3", 1), new Decimal("251", 1).round(1));
        assertEquals(new Decimal("1", 2), new Decimal("99", 1).round(1));
        assertEquals(Decimal.ZERO, new Decimal("4", 0).round(0));
    }

    @Test
    void testRoundedFixed_integerPathAgreesWithBigDecimal() {
        Random r = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextInt(100_000) / 1000.0; // decimal-looking: many exact ties
                case 1 -> r.nextDouble() * Math.pow(2, r.nextInt(70) - 20);
                case 2 -> Math.abs(Double.longBitsToDouble(r.nextLong() & 0x7FEFFFFFFFFFFFFFL));
                default -> (r.nextInt(2000) + 0.5) / Math.pow(10, r.nextInt(4));
            };
            int prec = r.nextInt(5);
            Decimal want = Decimal.of(new java.math.BigDecimal(v).setScale(prec, java.math.RoundingMode.HALF_EVEN));
            assertEquals(want, Decimal.roundedFixed(v, prec), () -> v + " %." + prec + "f");
        }
    }
}
