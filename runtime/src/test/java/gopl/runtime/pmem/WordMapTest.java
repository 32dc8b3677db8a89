package gopl.runtime.pmem;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The redo write set's hash table against a TreeMap, through growth. */
class WordMapTest {
  @Test
  void testRandomAgainstTreeMap() {
    WordMap m = new WordMap();
    Map<Long, long[]> ref = new TreeMap<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      long k = 8L * (1 + r.nextInt(5000));
      long v = r.nextLong(), mask = r.nextLong(1, 256);
      m.set(m.slot(k), v, mask);
      ref.put(k, new long[] {v, mask});
      long q = 8L * (1 + r.nextInt(6000));
      int w = m.find(q);
      assertEquals(ref.containsKey(q), w >= 0, "key " + q);
      if (w >= 0) {
        assertEquals(ref.get(q)[0], m.val(w));
        assertEquals(ref.get(q)[1], m.mask(w));
      }
    }
    assertArrayEquals(ref.keySet().stream().mapToLong(Long::longValue).toArray(), m.sortedKeys());
    assertFalse(m.isEmpty());
    assertTrue(new WordMap().isEmpty());
  }
}
