package gopl.runtime.sync;

import static gopl.runtime.conc.ConcTesting.awaitLatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.runtime.GoPanic;
import gopl.runtime.IntPtr;
import gopl.runtime.IntRef;
import gopl.runtime.LongPtr;
import gopl.runtime.LongRef;
import gopl.runtime.ObjectPtr;
import gopl.runtime.ObjectRef;
import gopl.runtime.conc.ConcTesting;
import gopl.runtime.conc.Go;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** sync/atomic over variable boxes and element pointers; atomic.Value's Go panics. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AtomicsTest {
  @BeforeAll
  static void guard() {
    ConcTesting.guardExit();
  }

  private static void hammer(int goroutines, Runnable r) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(goroutines);
    for (int g = 0; g < goroutines; g++) {
      Go.go(() -> {
        for (int i = 0; i < 1000; i++) r.run();
        done.countDown();
      });
    }
    awaitLatch(done);
  }

  @Test
  void testAddInt64_onVariableAndOnArrayElement() throws Exception {
    LongRef v = new LongRef();
    long[] arr = new long[4];
    LongPtr e = LongPtr.elem(arr, 2);
    hammer(100, () -> {
      Atomics.AddInt64(v, 1);
      Atomics.AddInt64(LongPtr.elem(arr, 2), 2); // a fresh pointer object to the same element
    });
    assertEquals(100_000, Atomics.LoadInt64(v));
    assertEquals(200_000, Atomics.LoadInt64(e));
    assertEquals(0, arr[1]);
  }

  @Test
  void testInt32_wrapsAndCasSwapStore() throws Exception {
    IntRef v = new IntRef(Integer.MAX_VALUE);
    assertEquals(Integer.MIN_VALUE, Atomics.AddInt32(v, 1));
    assertEquals(0, Atomics.AddInt32(new IntRef(-1), 1)); // uint32 0xFFFFFFFF + 1 == 0
    assertTrue(Atomics.CompareAndSwapInt32(v, Integer.MIN_VALUE, 5));
    assertFalse(Atomics.CompareAndSwapInt32(v, Integer.MIN_VALUE, 6));
    assertEquals(5, Atomics.SwapInt32(v, 7));
    Atomics.StoreInt32(v, 9);
    assertEquals(9, Atomics.LoadInt32(v));
    int[] arr = new int[1];
    IntPtr p = IntPtr.elem(arr, 0);
    hammer(20, () -> {
      for (;;) {
        int old = Atomics.LoadInt32(p);
        if (Atomics.CompareAndSwapInt32(p, old, old + 1)) break;
      }
    });
    assertEquals(20_000, arr[0]);
  }

  @Test
  void testUint64_andUintptrShareInt64Bits() {
    LongRef v = new LongRef(-1L); // MaxUint64
    assertEquals(0L, Atomics.AddInt64(v, 1));
    assertEquals(0L, Atomics.SwapInt64(v, 3));
    assertTrue(Atomics.CompareAndSwapInt64(v, 3, 4));
    assertEquals(4L, Atomics.LoadInt64(v));
  }

  @Test
  void testPointer_casUsesGoPointerEquality() {
    long[] arr = new long[2];
    ObjectRef slot = new ObjectRef();
    assertNull(Atomics.LoadPointer(slot));
    assertTrue(Atomics.CompareAndSwapPointer(slot, null, LongPtr.elem(arr, 0)));
    // a different pointer object to the same element is the same Go pointer
    assertTrue(Atomics.CompareAndSwapPointer(slot, LongPtr.elem(arr, 0), LongPtr.elem(arr, 1)));
    assertFalse(Atomics.CompareAndSwapPointer(slot, LongPtr.elem(arr, 0), null));
    Object s = new Object();
    Atomics.StorePointer(slot, s);
    assertSame(s, Atomics.SwapPointer(slot, null));
    Object[] objs = new Object[1];
    ObjectPtr ep = ObjectPtr.elem(objs, 0);
    Atomics.StorePointer(ep, s);
    assertSame(s, objs[0]);
  }

  @Test
  void testValue_loadStoreSwapCompareAndSwap() {
    AtomicValue v = new AtomicValue();
    assertNull(v.Load());
    assertFalse(v.CompareAndSwap(1L, 2L));
    v.Store(1L);
    assertEquals(1L, v.Load());
    assertEquals(1L, v.Swap(3L));
    assertTrue(v.CompareAndSwap(3L, 4L));
    assertFalse(v.CompareAndSwap(3L, 5L));
    assertEquals(4L, v.Load());
  }

  @Test
  void testValue_goPanics() {
    AtomicValue v = new AtomicValue();
    assertEquals("sync/atomic: store of nil value into Value", assertThrows(GoPanic.class, () -> v.Store(null)).value);
    v.Store("s");
    assertEquals(
        "sync/atomic: store of inconsistently typed value into Value", assertThrows(GoPanic.class, () -> v.Store(1L)).value);
    assertEquals("sync/atomic: swap of nil value into Value", assertThrows(GoPanic.class, () -> v.Swap(null)).value);
    assertEquals(
        "sync/atomic: swap of inconsistently typed value into Value", assertThrows(GoPanic.class, () -> v.Swap(2L)).value);
    assertEquals(
        "sync/atomic: compare and swap of nil value into Value",
        assertThrows(GoPanic.class, () -> v.CompareAndSwap("s", null)).value);
    assertEquals(
        "sync/atomic: compare and swap of inconsistently typed values",
        assertThrows(GoPanic.class, () -> v.CompareAndSwap("s", 1L)).value);
    assertEquals(
        "sync/atomic: compare and swap of inconsistently typed value into Value",
        assertThrows(GoPanic.class, () -> v.CompareAndSwap(1L, 2L)).value);
  }
}
