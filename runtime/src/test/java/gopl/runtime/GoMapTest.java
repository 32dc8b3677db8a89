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
    long deleted = -1;
    while (it.next()) {
      seen.add(it.key);
      assertEquals((Long) it.key * 10, it.value);
      if (deleted < 0) {
        deleted = ((Long) it.key + 2) % 5;
        GoMap.delete(m, deleted);
      }
    }
    assertEquals(4, seen.size());
    assertEquals(false, seen.contains(deleted));
    assertEquals(4, new java.util.HashSet<>(seen).size());
  }

  @Test
  void testRange_startsAtRandomEntry() {
    GoMap m = GoMap.make(GoMap.KeyKind.PLAIN, RType.STRING, 0);
    for (int i = 0; i < 8; i++) GoMap.put(m, "k" + i, (long) i);
    java.util.Set<Object> firsts = new java.util.HashSet<>();
    for (int run = 0; run < 100; run++) {
      GoMap.Iter it = GoMap.iter(m);
      it.next();
      firsts.add(it.key);
    }
    assertEquals(true, firsts.size() > 1, "first keys seen: " + firsts);
  }

  @Test
  void testRange_growthDuringLoopNeitherRepeatsNorLoses() {
    GoMap m = GoMap.make(GoMap.KeyKind.PLAIN, RType.INT, 0);
    for (long i = 0; i < 6; i++) GoMap.put(m, i, i);
    GoMap.delete(m, 2L);
    java.util.Set<Object> seen = new java.util.HashSet<>();
    GoMap.Iter it = GoMap.iter(m);
    int n = 0;
    while (it.next()) {
      n++;
      seen.add(it.key);
      if (n == 1) {
        for (long i = 100; i < 200; i++) GoMap.put(m, i, i); // forces growth: new arrays
        GoMap.delete(m, 5L == (Long) it.key ? 4L : 5L);
      }
      assertEquals(it.key, it.value);
    }
    assertEquals(n, seen.size());
    assertEquals(true, n >= 4, "old entries still present are produced: " + seen);
    assertEquals(104, GoMap.len(m));
  }

  @Test
  void testLongValues_unboxedAndInteroperable() {
    GoMap m = GoMap.makeLong(GoMap.KeyKind.PLAIN, RType.STRING, 0);
    for (int i = 0; i < 1000; i++) {
      String k = "w" + (i % 37);
      GoMap.putLong(m, k, GoMap.lookupLong(m, k) + 1);
    }
    assertEquals(37, GoMap.len(m));
    assertEquals(28L, GoMap.lookupLong(m, "w0"));
    assertEquals(28L, GoMap.lookup(m, "w0"));
    GoMap.put(m, "w0", 5L);
    assertEquals(5L, GoMap.lookupLong(m, "w0"));
    assertEquals(0L, GoMap.lookupLong(m, "absent"));
    assertSame(GoMap.ABSENT, GoMap.lookup(m, "absent"));
  }

  @Test
  void testDeleteAndReinsert_compactsTombstones() {
    GoMap m = GoMap.make(GoMap.KeyKind.PLAIN, RType.INT, 0);
    for (long round = 0; round < 50; round++) {
      for (long i = 0; i < 20; i++) GoMap.put(m, i, round);
      for (long i = 0; i < 20; i += 2) GoMap.delete(m, i);
    }
    assertEquals(10, GoMap.len(m));
    assertEquals(49L, GoMap.lookup(m, 1L));
    assertSame(GoMap.ABSENT, GoMap.lookup(m, 0L));
    assertEquals(10, m.entries().size());
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
