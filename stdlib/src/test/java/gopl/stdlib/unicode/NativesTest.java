package gopl.stdlib.unicode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** unicode.SimpleFold walks Go's fold orbits (values from Go's documentation). */
class NativesTest {
  @Test
  void simpleFoldOrbits() {
    assertEquals('a', Natives.SimpleFold('A'));
    assertEquals('A', Natives.SimpleFold('a'));
    assertEquals('k', Natives.SimpleFold('K'));
    assertEquals('\u212A', Natives.SimpleFold('k'));
    assertEquals('K', Natives.SimpleFold('\u212A'));
    assertEquals('1', Natives.SimpleFold('1'));
    assertEquals(-2, Natives.SimpleFold(-2));
  }

  @Test
  void categories() {
    assertEquals(true, Natives.IsUpper('A'));
    assertEquals(false, Natives.IsUpper('\u24B6')); // Ⓐ is So, not Lu (Java's isUpperCase says yes)
    assertEquals(true, Natives.IsTitle('\u01C5'));
    assertEquals(false, Natives.IsLetter(-1));
  }
}
