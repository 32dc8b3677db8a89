package gopl.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UTF-8 behaviour of Go's range loop and conversions; expected values printed by Go 1.19. */
class GoStringsTest {
  @Test
  void testDecodeRune_invalidBytesAreWidthOneRuneError() {
    String s = "a\u00ff" + GoStrings.fromJava("é") + "\u00e2\u0082";
    List<String> got = new ArrayList<>();
    for (int i = 0; i < s.length(); ) {
      long d = GoStrings.decodeRune(s, i);
      got.add(i + ":" + GoStrings.runeOf(d));
      i += GoStrings.widthOf(d);
    }
    assertEquals(List.of("0:97", "1:65533", "2:233", "4:65533", "5:65533"), got);
  }

  @Test
  void testFromRune_invalidCodePoints() {
    assertEquals("\u00ef\u00bf\u00bd", GoStrings.fromRune(-1));
    assertEquals("\u00ef\u00bf\u00bd", GoStrings.fromRune(0xD800));
    assertEquals("\u00f0\u009f\u0098\u0080", GoStrings.fromRune(0x1F600));
  }

  @Test
  void testRunes_roundTrip() {
    String s = GoStrings.fromJava("héllo, 世界");
    int[] r = GoStrings.toRunes(s);
    assertArrayEquals(new int[] {'h', 0xe9, 'l', 'l', 'o', ',', ' ', 0x4e16, 0x754c}, r);
    assertEquals(s, GoStrings.fromRunes(r, 0, r.length));
    assertEquals(9, GoStrings.runeCount(s));
  }

  @Test
  void testOverlongAndSurrogateEncodings_rejected() {
    assertEquals(GoStrings.RUNE_ERROR, GoStrings.runeOf(GoStrings.decodeRune("\u00c0\u0080", 0)));
    assertEquals(GoStrings.RUNE_ERROR, GoStrings.runeOf(GoStrings.decodeRune("\u00ed\u00a0\u0080", 0)));
    assertEquals(1, GoStrings.widthOf(GoStrings.decodeRune("\u00ed\u00a0\u0080", 0)));
  }

  @Test
  void testStringIndex_outOfRangePanics() {
    GoPanic p = org.junit.jupiter.api.Assertions.assertThrows(GoPanic.class, () -> GoStrings.index("abc", 5));
    assertEquals("runtime error: index out of range [5] with length 3", PanicPrinter.text(p.value));
  }
}
