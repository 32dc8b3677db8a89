package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's build-on-first-use, against a fake {@code mvn} on PATH (a real nested Maven
 * build would take minutes): a copy of the launcher in a scratch "clone" builds when the jar is
 * missing or older than a source, shows one progress line per module, does not build when
 * up to date, and reports a failed build in a few lines with status 2.
 */
class LauncherBuildTest {
  @TempDir Path clone;
  @TempDir Path bin;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(Repo.compilerJarBuilt(), "cli/target/gopl.jar is not built (run mvn package first)");
    Files.copy(Repo.launcher(), clone.resolve("gopl"));
    Files.createDirectories(clone.resolve("scripts"));
    Files.copy(Repo.root().resolve("scripts/jdk.sh"), clone.resolve("scripts/jdk.sh"));
    Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(clone.resolve("cli/src/main/java"));
    Files.writeString(clone.resolve("cli/src/main/java/A.java"), "class A {}\n");
    Files.createDirectories(clone.resolve("examples"));
    Files.copy(Repo.root().resolve("examples/hello.gop"), clone.resolve("examples/hello.gop"));
    fakeMaven(true);
  }

  /** A mvn that logs its arguments and "builds" by copying the real compiler jar. */
  private void fakeMaven(boolean succeed) throws Exception {
    String script = succeed
        ? """
          #!/bin/sh
          echo "$*" >> "%s/mvn.calls"
          echo "[INFO] Building gopl-grammar 0.1.0-SNAPSHOT                 [1/2]"
          echo "[INFO] Building gopl-cli 0.1.0-SNAPSHOT                     [2/2]"
          mkdir -p cli/target && cp "%s" cli/target/gopl.jar
          echo "[INFO] BUILD SUCCESS"
          """.formatted(bin, Repo.compilerJar())
        : """
          #!/bin/sh
          echo "[INFO] Building gopl-cli 0.1.0-SNAPSHOT                     [1/1]"
          echo "[ERROR] /x/A.java:[1,1] cannot find symbol"
          echo "[INFO] BUILD FAILURE"
          exit 1
          """;
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, script);
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Proc gopl(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", clone.resolve("gopl").toString()));
    cmd.addAll(List.of(args));
    return Proc.run(clone, Map.of("PATH", bin + ":" + System.getenv("PATH"), "JAVA_HOME", System.getProperty("java.home"),
        "TMPDIR", bin.toString()), cmd);
  }

  private long mavenCalls() throws Exception {
    Path calls = bin.resolve("mvn.calls");
    return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
  }

  @Test
  void testFreshClone_buildsOnceWithProgress_thenRuns() throws Exception {
    Proc first = gopl("version");
    assertEquals(0, first.exit(), first.toString());
    assertTrue(first.stdout().startsWith("gopl version "), first.toString());
    assertTrue(first.stderr().startsWith("gopl: building the compiler with Maven"), first.stderr());
    assertTrue(first.stderr().contains("gopl:   [1/2] gopl-grammar\ngopl:   [2/2] gopl-cli\ngopl: build done\n"), first.stderr());
    assertEquals("-B -ntp -DskipTests -pl cli -am package", Files.readAllLines(bin.resolve("mvn.calls")).get(0));

    Proc second = gopl("version");
    assertEquals("", second.stderr(), "up to date: no build");
    assertEquals(1, mavenCalls());
  }

  @Test
  void testSourceNewerThanJar_rebuilds() throws Exception {
    assertEquals(0, gopl("version").exit());
    Path jar = clone.resolve("cli/target/gopl.jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    Proc p = gopl("version");
    assertEquals(0, p.exit(), p.toString());
    assertTrue(p.stderr().startsWith("gopl: building the compiler"), p.stderr());
    assertEquals(2, mavenCalls());
  }

  @Test
  void testFailedBuild_reportsMavensErrorsStatus2() throws Exception {
    fakeMaven(false);
    Proc p = gopl("version");
    assertEquals(2, p.exit(), p.toString());
    assertEquals("", p.stdout());
    assertTrue(p.stderr().contains("gopl: building the compiler failed"), p.stderr());
    assertTrue(p.stderr().contains("[ERROR] /x/A.java:[1,1] cannot find symbol"), p.stderr());
  }
}
