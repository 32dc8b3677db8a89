package gopl.runtime.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import gopl.runtime.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FastPrintf either declines or prints exactly what Go's full algorithm (Printer) prints. */
class FastPrintfTest {
  private static final List<Object> VALUES = List.of(0L, 7L, -42L, 255L, Long.MAX_VALUE, Long.MIN_VALUE, "", "go", "héllo",
      true, false, 0.0, -0.0, 3.14159, -2.5, 1e21, 1e-7, Double.NaN, Double.POSITIVE_INFINITY, 5, 'x');
  private static final List<String> VERBS = List.of("%d", "%v", "%x", "%X", "%s", "%t", "%f", "%F", "%q", "%c", "%e",
      "%5d", "%-5d|", "%05d", "%+d", "%+05d", "%-05d|", "%8.3f", "%08.3f", "%-8.2f|", "%+.1f", "%.0f", "%10s", "%-10s|",
      "%010s", "%6t", "%+v", "% d", "%#x", "%.2d", "%*d", "%[1]d", "%", "x%%y", "%!", "%d %d");

  private static String slow(String format, Object... args) {
    Object[] views = new Object[args.length];
    for (int i = 0; i < args.length; i++) views[i] = View.ofIface(args[i]);
    return GoFmt.sprintf(format, views);
  }

  @Test
  void testFormat_matchesPrinterOrDeclines() {
    int fast = 0;
    for (String verb : VERBS) {
      for (Object v : VALUES) {
        Object[] args = {v};
        String got = FastPrintf.format(verb, args, 0, 1);
        if (got != null) {
          fast++;
          assertEquals(slow(verb, v), got, verb + " of " + v);
        }
      }
    }
    assertEquals(true, fast > 100, "fast path taken " + fast + " times");
  }

  @Test
  void testFormat_smallPrecisionFloatsMatchPrinter() {
    java.util.Random r = new java.util.Random(5);
    String[] formats = {"%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%5.2f", "%-9.3f|", "%09.1f", "%+.2f", "%+08.4f", "%3.0f"};
    for (int i = 0; i < 20000; i++) {
      double v = switch (i % 5) {
        case 0 -> r.nextInt(100000) / 3.0;
        case 1 -> (r.nextInt(2000) - 1000) / 8.0 + 0.005; // near ties
        case 2 -> r.nextGaussian() * Math.pow(10, r.nextInt(30) - 10);
        case 3 -> Double.longBitsToDouble(r.nextLong());
        default -> (r.nextInt(200001) - 100000) / 1000.0;
      };
      if (!Double.isFinite(v)) continue;
      for (String f : formats) {
        String got = FastPrintf.format(f, new Object[] {v}, 0, 1);
        assertNotNull(got, f);
        assertEquals(slow(f, v), got, f + " of " + v);
      }
    }
    for (double v : new double[] {-0.0, -0.001, 0.125, 0.375, 2.5, 1e-320, 4503599627370495.5, 1e15, 9.995}) {
      for (String f : formats) assertEquals(slow(f, v), FastPrintf.format(f, new Object[] {v}, 0, 1), f + " of " + v);
    }
  }

  @Test
  void testFormat_benchShapeIsFast() {
    Object[] args = {12L, "name", 84L, 4.0};
    String got = FastPrintf.format("key:%d %s=%x %5.2f", args, 0, 4);
    assertNotNull(got);
    assertEquals("key:12 name=54  4.00", got);
  }

  @Test
  void testFormat_missingOrExtraOperandsDecline() {
    assertNull(FastPrintf.format("%d %d", new Object[] {1L}, 0, 1));
    assertNull(FastPrintf.format("%d", new Object[] {1L, 2L}, 0, 2));
    assertEquals("100%", FastPrintf.format("%d%%", new Object[] {100L}, 0, 1));
  }
}
