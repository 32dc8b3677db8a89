package gopl.runtime.conc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gopl.runtime.GoPanic;
import gopl.runtime.RuntimeError;
import gopl.runtime.sync.Once;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Func values of the code generator's shape (a public interface with {@code call()}) as Runnables. */
class FuncsTest {
  /** What codegen generates for {@code func()}: go/fn/F___V. */
  public interface F___V {
    void call();
  }

  @Test
  void testRunnable_callsTheFuncValue() {
    AtomicInteger n = new AtomicInteger();
    F___V f = n::incrementAndGet;
    Funcs.runnable(f).run();
    Once once = new Once();
    once.Do((Object) f);
    once.Do((Object) f);
    assertEquals(2, n.get());
    Runnable r = n::incrementAndGet;
    assertSame(r, Funcs.runnable(r));
  }

  @Test
  void testNilFunc_panicsWhenCalled() {
    Runnable r = Funcs.runnable(null);
    GoPanic p = assertThrows(GoPanic.class, r::run);
    assertSame(RuntimeError.NIL_DEREF, p.value);
  }

  @Test
  void testPanicInFunc_propagates() {
    F___V f = () -> {
      throw new GoPanic("inside");
    };
    assertEquals("inside", assertThrows(GoPanic.class, () -> Funcs.runnable(f).run()).value);
  }
}
