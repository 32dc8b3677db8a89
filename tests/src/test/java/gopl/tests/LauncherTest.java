package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gopl} launcher script as a user runs it: JDK discovery failure, and (when
 * cli/target/gopl.jar has been packaged, as {@code mvn verify} does before this module's tests)
 * version, usage errors, run, and build + {@code java -jar}. GOPL_SKIP_BUILD=1 keeps the launcher
 * from starting a nested Maven build here; building on first use is exercised by test.sh's
 * fresh-clone runs, not by this suite.
 */
class LauncherTest {
  @TempDir Path tmp;

  private Proc gopl(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", Repo.launcher().toString()));
    cmd.addAll(List.of(args));
    return Proc.run(Repo.root(), env, cmd);
  }

  private Proc gopl(String... args) throws Exception {
    assumeTrue(Repo.compilerJarBuilt(), "cli/target/gopl.jar is not built (run mvn package first)");
    return gopl(Map.of("GOPL_SKIP_BUILD", "1", "JAVA_HOME", System.getProperty("java.home")), args);
  }

  @Test
  void testNoJdk_isAClearErrorWithStatus2() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    Proc p = gopl(Map.of("JAVA_HOME", tmp.resolve("nojdk").toString(), "GOPL_JVM_DIR", tmp.resolve("empty").toString()), "version");
    assertEquals(2, p.exit(), p.toString());
    assertTrue(p.stderr().startsWith("gopl: no JDK 22 or newer found"), p.stderr());
  }

  @Test
  void testVersion() throws Exception {
    Proc p = gopl("version");
    assertEquals(0, p.exit(), p.toString());
    assertTrue(p.stdout().matches("gopl version \\S+ java\\d+ \\S+/\\S+\n"), p.stdout());
  }

  @Test
  void testUnknownCommand_oneLineStatus2() throws Exception {
    Proc p = gopl("frobnicate");
    assertEquals(2, p.exit(), p.toString());
    assertEquals("gopl frobnicate: unknown command (see 'gopl help')\n", p.stderr());
  }

  @Test
  void testRunHello() throws Exception {
    Proc p = gopl("run", "examples/hello.gop");
    assertEquals("Hello, GoPL!\n", p.stdout(), p.toString());
    assertEquals(0, p.exit());
  }

  @Test
  void testBuildHello_thenJavaDashJarAlone() throws Exception {
    Path jar = tmp.resolve("hello.jar");
    Proc b = gopl("build", "-o", jar.toString(), "examples/hello.gop");
    assertEquals(0, b.exit(), b.toString());
    Proc p = Proc.run(tmp, Map.of(), List.of(Repo.java(), "-jar", jar.toString()));
    assertEquals("Hello, GoPL!\n", p.stdout(), p.toString());
    assertEquals("", p.stderr());
    assertEquals(0, p.exit());
  }
}
