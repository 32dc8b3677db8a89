package gopl.stdlib.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RadixSort sorts exactly as Arrays.sort does, sub-ranges included. */
class RadixSortTest {
  private static void check(long[] a, int from, int to) {
    long[] want = a.clone();
    Arrays.sort(want, from, to);
    long[] got = a.clone();
    RadixSort.sort(got, from, to);
    assertArrayEquals(want, got);
  }

  @Test
  void testSort_matchesArraysSort() {
    Random r = new Random(7);
    for (int round = 0; round < 40; round++) {
      int n = RadixSort.MIN + r.nextInt(20000);
      long[] a = new long[n];
      for (int i = 0; i < n; i++) {
        a[i] = switch (round % 5) {
          case 0 -> r.nextLong();
          case 1 -> r.nextInt(1000) - 500;
          case 2 -> r.nextInt() & Integer.MAX_VALUE;
          case 3 -> i % 7 == 0 ? Long.MIN_VALUE : i % 11 == 0 ? Long.MAX_VALUE : r.nextLong() >> r.nextInt(64);
          default -> 42;
        };
      }
      check(a, 0, n);
      check(a, 3, n - 5);
    }
  }

  @Test
  void testInts_sortsTheSliceWindowOnly() {
    long[] a = new long[RadixSort.MIN + 10];
    for (int i = 0; i < a.length; i++) a[i] = a.length - i;
    gopl.runtime.LongSlice s = gopl.runtime.LongSlice.ofArray(a, 5, a.length - 1, a.length);
    Natives.Ints(s);
    assertArrayEquals(new long[] {a.length, a.length - 1, a.length - 2, a.length - 3, a.length - 4}, Arrays.copyOf(a, 5));
    for (int i = 6; i < a.length - 1; i++) org.junit.jupiter.api.Assertions.assertTrue(a[i - 1] <= a[i]);
    org.junit.jupiter.api.Assertions.assertEquals(1, a[a.length - 1]);
  }
}
