package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coalesced range sets: gaps, merging, covering. */
class RangeSetTest {
  @Test
  void testGapsAndMerge() {
    RangeSet s = new RangeSet();
    s.add(10, 20);
    s.add(30, 40);
    List<String> gaps = new ArrayList<>();
    s.gaps(0, 50, (a, b) -> gaps.add(a + "-" + b));
    assertEquals(List.of("0-10", "20-30", "40-50"), gaps);
    s.add(20, 30); // adjacent ranges merge
    assertEquals(1, s.size());
    assertTrue(s.covers(12, 38));
    assertFalse(s.covers(5, 12));
    gaps.clear();
    s.gaps(15, 35, (a, b) -> gaps.add(a + "-" + b));
    assertEquals(List.of(), gaps);
  }

  @Test
  void testRandomAgainstBitset() {
    java.util.Random r = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      RangeSet s = new RangeSet();
      java.util.BitSet b = new java.util.BitSet();
      for (int i = 0; i < 10; i++) {
        int a = r.nextInt(200), len = 1 + r.nextInt(30);
        java.util.BitSet gap = new java.util.BitSet();
        s.gaps(a, a + len, (x, y) -> gap.set((int) x, (int) y));
        java.util.BitSet want = new java.util.BitSet();
        want.set(a, a + len);
        want.andNot(b);
        assertEquals(want, gap);
        s.add(a, a + len);
        b.set(a, a + len);
        java.util.BitSet have = new java.util.BitSet();
        s.forEach((x, y) -> {
          assertFalse(x > 0 && have.get((int) x - 1), "ranges are coalesced");
          have.set((int) x, (int) y);
        });
        assertEquals(b, have);
      }
    }
  }
}
