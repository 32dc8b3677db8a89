package gopl.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gopl.runtime.Iface;
import gopl.runtime.RType;
import gopl.runtime.fmt.GoFmt;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

/** The sync types as Go struct values: type names, fields as fmt prints them, copies, method tables. */
class SyncTypesTest {
  @Test
  void testTypes_areGoNamedStructsAndPointers() {
    assertEquals("sync.Mutex", new Mutex().structType().string());
    assertEquals("*sync.Mutex", Iface.typeString(new Mutex()));
    assertEquals("*sync.RWMutex", Iface.typeString(new RWMutex()));
    assertEquals("*sync.WaitGroup", Iface.typeString(new WaitGroup()));
    assertEquals("*sync.Once", Iface.typeString(new Once()));
    assertEquals("*atomic.Value", Iface.typeString(new AtomicValue()));
    assertTrue(RType.named("sync", "sync.Mutex", 0) == new Mutex().structType(), "not interned");
  }

  /** Go 1.19: fmt.Printf("%v %+v", mu, wg) with a locked mutex and a WaitGroup at 2. */
  @Test
  void testFields_printAsGoDoes() {
    Mutex mu = new Mutex();
    mu.Lock();
    assertEquals("&{1 0}", GoFmt.sprint(gopl.runtime.View.ofIface(mu)));
    WaitGroup wg = new WaitGroup();
    wg.Add(2);
    assertEquals("&{noCopy:{} state1:8589934592 state2:0}", GoFmt.sprintf("%+v", gopl.runtime.View.ofIface(wg)));
    assertEquals("&{w:{state:0 sema:0} writerSem:0 readerSem:0 readerCount:0 readerWait:0}", GoFmt.sprintf("%+v", gopl.runtime.View.ofIface(new RWMutex())));
  }

  @Test
  void testCopy_isAnIndependentValue() {
    Mutex mu = new Mutex();
    mu.Lock();
    Mutex c = mu.copy();
    assertNotSame(mu, c);
    assertFalse(c.TryLock());
    mu.Unlock();
    assertFalse(c.TryLock(), "unlocking the original unlocked the copy");
    assertTrue(new Mutex().goEquals(new Mutex()));
    Once o = new Once();
    o.Do(() -> {});
    o.copy().Do(() -> {
      throw new AssertionError("a copy of a done Once ran f");
    });
  }

  @Test
  void testMethodTable_reachesTheJavaMethods() throws Throwable {
    Mutex mu = new Mutex();
    MethodHandle lock = Iface.typeOf(mu).method("Lock");
    lock.invoke(mu);
    assertFalse(mu.TryLock());
    Iface.typeOf(mu).method("Unlock").invoke(mu);
    assertTrue(mu.TryLock());
    WaitGroup wg = new WaitGroup();
    Iface.typeOf(wg).method("Add").invoke(wg, 1L);
    assertEquals(1L << 32, wg.field(1));
  }
}
