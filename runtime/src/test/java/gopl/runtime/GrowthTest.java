package gopl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capacity sequences checked against Go 1.19's output for the same append loops. */
class GrowthTest {
  private static List<Integer> caps(int n, int elemSize) {
    List<Integer> out = new ArrayList<>();
    int cap = 0;
    for (int len = 0; len < n; len++) {
      if (len == cap) {
        cap = Growth.newCap(cap, len + 1, elemSize);
        out.add(cap);
      }
    }
    return out;
  }

  @Test
  void testNewCap_intsOneByOne() {
    assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560, 3408), caps(3000, 8));
  }

  @Test
  void testNewCap_bytesOneByOne() {
    assertEquals(List.of(8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072), caps(3000, 1));
  }

  @Test
  void testNewCap_stringsOneByOne() {
    assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280), caps(1000, 16));
  }

  @Test
  void testAppend_manyAtOnce() {
    LongSlice s = LongSlice.of(new long[] {1, 2, 3});
    LongSlice t = LongSlice.appendSlice(s, LongSlice.of(new long[] {4, 5, 6, 7}));
    assertEquals(8, LongSlice.cap(t));
    assertEquals(7, LongSlice.len(t));
    assertEquals(7, LongSlice.get(t, 6));
  }

  @Test
  void testAppend_nilSliceAndSharing() {
    LongSlice s = null;
    s = LongSlice.append(s, 1);
    s = LongSlice.append(s, 2);
    LongSlice a = LongSlice.slice(s, 0, 1, -1);
    LongSlice b = LongSlice.append(a, 9); // fits in cap: overwrites s[1] as in Go
    assertEquals(9, LongSlice.get(s, 1));
    assertEquals(2, LongSlice.len(b));
  }
}
