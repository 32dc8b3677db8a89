package gopl.stdlib.math.rand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The jump-ahead regeneration of rngCooked gives Go's table (spot checks from rng.go). */
class CookedTest {
  @Test
  void firstAndLastEntriesAreGos() {
    long[] c = Cooked.compute();
    assertEquals(607, c.length);
    assertEquals(-4181792142133755926L, c[0]);
    assertEquals(-4576982950128230565L, c[1]);
    assertEquals(1395769623340756751L, c[2]);
    assertEquals(5333664234075297259L, c[3]);
    assertEquals(4152330101494654406L, c[606]);
  }

  @Test
  void copiesAreIndependent() {
    gopl.runtime.LongSlice a = Natives.cooked();
    a.a[0] = 0;
    assertEquals(-4181792142133755926L, Natives.cooked().a[0]);
  }
}
