package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gopl.cli.Main;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of the conformance corpus built by {@code gopl build} into jars and run as real
 * {@code java -jar} processes with nothing else on the classpath: proves the jars are
 * self-contained and that stdout bytes and exit statuses survive a real process. The sample: every
 * program under {@code basics/} and {@code exit/}, {@code fmt/quote_bytes.gop} (non-ASCII bytes)
 * and {@code arith/divide_by_zero.gop} (a panic: stderr and status 2).
 */
class JarSampleTest {
  @TempDir static Path jars;

  static boolean inSample(Programs.Program p) {
    return p.name().startsWith("basics/") || p.name().startsWith("exit/")
        || p.name().equals("fmt/quote_bytes.gop") || p.name().equals("arith/divide_by_zero.gop");
  }

  @TestFactory
  Stream<DynamicTest> jars() {
    List<Programs.Program> sample = Programs.all().stream().filter(p -> !p.expect().mustFailToCompile()).filter(JarSampleTest::inSample).toList();
    return sample.stream().map(p -> DynamicTest.dynamicTest(p.name(), p.path().toUri(), () -> buildAndRun(p)));
  }

  private static void buildAndRun(Programs.Program p) throws Exception {
    Path jar = jars.resolve(p.name().replace('/', '_').replace(".gop", ".jar"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int built = new Main(out, err).run("build", "-o", jar.toString(), p.path().toString());
    assertEquals(0, built, "gopl build failed:\n" + err.toString(StandardCharsets.UTF_8));
    Proc run = Proc.run(jars, Map.of(), List.of(Repo.java(), "-jar", jar.toString()));
    assertEquals(p.expect().expectedOutput(), Expectation.normalize(run.stdout()), run.toString());
    assertEquals(p.expect().exitCode(), run.exit(), run.toString());
    org.junit.jupiter.api.Assertions.assertTrue(p.expect().stderrMatches(run.stderr()), run.toString());
  }
}
