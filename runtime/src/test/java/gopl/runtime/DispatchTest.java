package gopl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/**
 * The interface-call inline cache: each receiver type reaches its own method whether the site is
 * monomorphic, bimorphic or megamorphic, receivers keep being told apart after relinking, and a
 * nil receiver panics with Go's nil dereference.
 */
class DispatchTest {
  static long times10(Object raw) {
    return (Long) raw * 10;
  }

  static long plus1(Object raw) {
    return (Long) raw + 1;
  }

  static long negate(Object raw) {
    return -(Long) raw;
  }

  private static RType named(String name, String impl) throws ReflectiveOperationException {
    RType t = RType.named("main", "main." + name, 0).setUnderlying(RType.INT);
    MethodHandle mh = MethodHandles.lookup().findStatic(DispatchTest.class, impl, MethodType.methodType(long.class, Object.class));
    return t.addMethod("Get", mh);
  }

  private static MethodHandle site() {
    return Dispatch.bootstrap(MethodHandles.lookup(), "Get", MethodType.methodType(long.class, Object.class)).dynamicInvoker();
  }

  @Test
  void testMonoBiAndMegamorphicSites_callEachTypesMethod() throws Throwable {
    RType a = named("DispA", "times10");
    RType b = named("DispB", "plus1");
    RType c = named("DispC", "negate");
    MethodHandle mono = site();
    for (long i = 0; i < 3; i++) assertEquals(i * 10, (long) mono.invokeExact((Object) new Boxed(a, i)));
    MethodHandle bi = site();
    for (long i = 0; i < 4; i++) {
      assertEquals(i * 10, (long) bi.invokeExact((Object) new Boxed(a, i)));
      assertEquals(i + 1, (long) bi.invokeExact((Object) new Boxed(b, i)));
    }
    MethodHandle poly = site();
    for (long i = 0; i < 4; i++) {
      assertEquals(i * 10, (long) poly.invokeExact((Object) new Boxed(a, i)));
      assertEquals(i + 1, (long) poly.invokeExact((Object) new Boxed(b, i)));
      assertEquals(-i, (long) poly.invokeExact((Object) new Boxed(c, i)));
    }
    // more types than the inline cache links: the site turns megamorphic
    RType[] many = new RType[Dispatch.MAX_DEPTH + 3];
    for (int k = 0; k < many.length; k++) many[k] = named("DispM" + k, k % 2 == 0 ? "times10" : "negate");
    MethodHandle mega = site();
    for (long i = 1; i < 3; i++) {
      for (int k = 0; k < many.length; k++) {
        assertEquals(k % 2 == 0 ? i * 10 : -i, (long) mega.invokeExact((Object) new Boxed(many[k], i)));
      }
      assertEquals(i + 1, (long) mega.invokeExact((Object) new Boxed(b, i)));
    }
  }

  @Test
  void testNilReceiver_panicsNilDereference() {
    MethodHandle s = site();
    GoPanic p = assertThrows(GoPanic.class, () -> {
      long unused = (long) s.invokeExact((Object) null);
    });
    assertEquals("runtime error: invalid memory address or nil pointer dereference", PanicPrinter.text(p.value));
  }
}
