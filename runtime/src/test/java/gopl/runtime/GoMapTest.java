package gopl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Go map semantics: nil maps, float keys, deletion during range, interface keys. */
class GoMapTest {
  @Test
  void testNilMap_readsEmptyWritesPanic() {
    assertEquals(0, GoMap.len(null));
    assertSame(GoMap.ABSENT, GoMap.lookup(null, 1L));
    GoMap.delete(null, 1L);
    GoPanic p = assertThrows(GoPanic.class, () -> GoMap.put(null, 1L, 2L));
    assertEquals("assignment to entry in nil map", PanicPrinter.text(p.value));
  }

  @Test
  void testFloatKeys_zeroAndNaN() {
    GoMap m = GoMap.make(GoMap.KeyKind.FLOAT, RType.FLOAT64, 0);
    GoMap.put(m, 0.0, 1L);
    GoMap.put(m, -0.0, 2L);
    GoMap.put(m, Double.NaN, 3L);
    GoMap.put(m, Double.NaN, 4L);
    assertEquals(3, GoMap.len(m)); // +0 and -0 are one key; each NaN is new
    assertEquals(2L, GoMap.lookup(m, 0.0));
    assertSame(GoMap.ABSENT, GoMap.lookup(m, Double.NaN));
  }

  @Test
  void testRange_deleteUnreachedEntry() {
    GoMap m = GoMap.make(GoMap.KeyKind.PLAIN, RType.INT, 0);
    for (long i = 0; i < 5; i++) GoMap.put(m, i, i * 10);
    List<Object> seen = new ArrayList<>();
    GoMap.Iter it = GoMap.iter(m);
    while (it.next()) {
      seen.add(it.key);
      if (it.key.equals(1L)) GoMap.delete(m, 3L);
    }
    assertEquals(List.of(0L, 1L, 2L, 4L), seen);
  }

  @Test
  void testInterfaceKeys_dynamicTypeMatters() {
    RType celsius = RType.named("main", "main.Celsius", 0).setUnderlying(RType.INT);
    GoMap m = GoMap.make(GoMap.KeyKind.GENERAL, RType.iface(new String[0]), 0);
    GoMap.put(m, 3L, "int");
    GoMap.put(m, Iface.boxLong(celsius, 3), "celsius");
    assertEquals(2, GoMap.len(m));
    assertEquals("celsius", GoMap.lookup(m, Iface.boxLong(celsius, 3)));
    Object sliceKey = Iface.box(RType.slice(RType.INT), null);
    GoPanic p = assertThrows(GoPanic.class, () -> GoMap.put(m, sliceKey, "x"));
    assertEquals("runtime error: hash of unhashable type []int", PanicPrinter.text(p.value));
  }
}
