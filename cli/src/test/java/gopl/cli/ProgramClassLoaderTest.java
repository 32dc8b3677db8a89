package gopl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import gopl.cli.fixture.Counter;
import gopl.cli.fixture.Hello;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramClassLoaderTest {
  private static final List<String> FIXTURES = List.of("gopl.cli.fixture.Counter");

  @Test
  void testChildFirstClasses_havePerLoaderStatics() throws Exception {
    ClassLoader parent = getClass().getClassLoader();
    var a = new ProgramClassLoader(Map.of(), parent, FIXTURES);
    var b = new ProgramClassLoader(Map.of(), parent, FIXTURES);
    Class<?> ca = a.loadClass(Counter.class.getName());
    Class<?> cb = b.loadClass(Counter.class.getName());
    assertNotSame(ca, cb);
    assertNotSame(Counter.class, ca);
    assertSame(a, ca.getClassLoader());
    ca.getMethod("next").invoke(null);
    ca.getMethod("next").invoke(null);
    assertEquals(2, ca.getField("count").get(null));
    assertEquals(0, cb.getField("count").get(null));
    assertEquals(0, Counter.count);
  }

  @Test
  void testProgramClasses_areDefinedFromMemory() throws Exception {
    var loader =
        new ProgramClassLoader(
            Map.of(TestClasses.internalName(Hello.class), TestClasses.bytes(Hello.class)), getClass().getClassLoader(), FIXTURES);
    Class<?> c = loader.loadClass(Hello.class.getName());
    assertSame(loader, c.getClassLoader());
    assertSame(c, loader.loadClass(Hello.class.getName()));
  }

  @Test
  void testOtherClasses_comeFromTheParent() throws Exception {
    var loader = new ProgramClassLoader(Map.of(), getClass().getClassLoader(), FIXTURES);
    assertSame(Hello.class, loader.loadClass(Hello.class.getName()));
    assertSame(String.class, loader.loadClass("java.lang.String"));
  }

  @Test
  void testRuntimePackages_areChildFirstByDefault() {
    assertEquals(List.of("gopl.runtime.", "gopl.stdlib."), ProgramClassLoader.RUNTIME_PACKAGES);
  }
}
