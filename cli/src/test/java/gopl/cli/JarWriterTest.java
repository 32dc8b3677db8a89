package gopl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import gopl.cli.fixture.Hello;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarWriterTest {
  @TempDir Path dir;

  private Path writeHello(String name) throws Exception {
    Path jar = dir.resolve(name);
    JarWriter.write(
        jar,
        Map.of(TestClasses.internalName(Hello.class), TestClasses.bytes(Hello.class)),
        TestClasses.internalName(Hello.class),
        Map.of("gopl/runtime/Extra.txt", "x".getBytes(StandardCharsets.UTF_8)));
    return jar;
  }

  @Test
  void testJar_hasManifestProgramAndRuntimeEntries() throws Exception {
    Path jar = writeHello("app.jar");
    try (JarFile f = new JarFile(jar.toFile())) {
      var attrs = f.getManifest().getMainAttributes();
      assertEquals("gopl.cli.fixture.Hello", attrs.getValue("Main-Class"));
      assertEquals("ALL-UNNAMED", attrs.getValue("Enable-Native-Access"));
      assertNotNull(f.getEntry("gopl/cli/fixture/Hello.class"));
      assertNotNull(f.getEntry("gopl/runtime/Extra.txt"));
    }
  }

  @Test
  void testJar_runsWithJavaDashJarAlone() throws Exception {
    Path jar = writeHello("run.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "a", "b")).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(7, p.waitFor());
    assertEquals("hello from AppClassLoader 2\n", out);
  }

  @Test
  void testJar_isReproducible() throws Exception {
    assertArrayEquals(Files.readAllBytes(writeHello("a.jar")), Files.readAllBytes(writeHello("b.jar")));
  }

  @Test
  void testRuntimeFilter_skipsSourcesAndOtherPackages() {
    assertEquals(true, RuntimeClasses.wanted("gopl/runtime/Sys.class"));
    assertEquals(true, RuntimeClasses.wanted("gopl/stdlib/fmt/Natives.class"));
    assertEquals(false, RuntimeClasses.wanted("gopl/std/fmt/print.gop"));
    assertEquals(false, RuntimeClasses.wanted("gopl/cli/Main.class"));
    assertEquals(false, RuntimeClasses.wanted("gopl/stdlib/fmt/print.gop"));
  }
}
