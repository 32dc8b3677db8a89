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
      assertEquals("gopl.launch.JarMain", attrs.getValue("Main-Class"));
      assertEquals("gopl.cli.fixture.Hello", attrs.getValue("GoPL-Main-Class"));
      assertNotNull(f.getEntry("gopl/launch/JarMain.class"));
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

  /**
   * Where the default java is older than the runtime needs (Debian's 17 on these machines), the
   * jar's entry class finds a JDK 22+ and re-runs the program there: same output, same status.
   */
  @Test
  void testJar_onAnOlderJava_reRunsOnANewJdk() throws Exception {
    Path old = null;
    try (var dirs = Files.list(Path.of("/usr/lib/jvm"))) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        Path release = d.resolve("release");
        if (Files.isExecutable(d.resolve("bin/java")) && Files.isReadable(release)
            && Files.readString(release).matches("(?s).*JAVA_VERSION=\"(11|17|21)[.\"].*")) old = d;
      }
    } catch (java.io.IOException e) {
      // no /usr/lib/jvm: nothing older to try
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(old != null, "no JDK 11/17/21 installed to play the old default java");
    Path jar = writeHello("old.jar");
    ProcessBuilder pb = new ProcessBuilder(List.of(old.resolve("bin/java").toString(), "-jar", jar.toString(), "a", "b"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(7, p.waitFor(), out);
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
