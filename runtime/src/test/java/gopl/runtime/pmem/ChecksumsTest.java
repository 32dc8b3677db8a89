package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Checked words detect every single-bit flip and misplacement. */
class ChecksumsTest {
  @Test
  void testCheckedWord_roundTripAndEveryBitFlipDetected() {
    long[] values = {1, 7, 4096, 0xFFFF_FFFF_FFFFL, Layout.ptValue(Layout.KIND_SMALL, 3, 1)};
    for (long v : values) {
      long w = Checksums.checkedWord(v, 64);
      assertEquals(v, Checksums.checkedValue(w, 64));
      assertEquals(-1, Checksums.checkedValue(w, 72), "a word copied elsewhere is damaged");
      for (int bit = 0; bit < 64; bit++) assertEquals(-1, Checksums.checkedValue(w ^ (1L << bit), 64), "bit " + bit);
    }
    assertEquals(0, Checksums.checkedValue(0, 64));
    for (int bit = 0; bit < 64; bit++) assertEquals(-1, Checksums.checkedValue(1L << bit, 64), "zero word bit " + bit);
  }
}
