package gopl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/jdk.sh, which the gopl launcher, test.sh and .ci/run use to find a JDK (DESIGN.md §1):
 * $JAVA_HOME if it is a JDK >= 22, else the newest JDK >= 22 in the JVM directory, else an error
 * that says what to install. Tried on fake JDK directories (a release file plus java/javac).
 */
class JdkDiscoveryTest {
  @TempDir Path jvms;

  private Path fakeJdk(String dir, String version, boolean javac) throws Exception {
    Path home = jvms.resolve(dir);
    Files.createDirectories(home.resolve("bin"));
    for (String tool : javac ? List.of("java", "javac") : List.of("java")) {
      Path t = home.resolve("bin").resolve(tool);
      Files.writeString(t, "#!/bin/sh\nexit 0\n");
      Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  private Proc find(String javaHome) throws Exception {
    String script = "source \"$1\"; gopl_find_jdk && echo \"$JAVA_HOME\"";
    return Proc.run(Repo.root(), Map.of("JAVA_HOME", javaHome, "GOPL_JVM_DIR", jvms.toString()),
        List.of("bash", "-c", script, "find", Repo.root().resolve("scripts/jdk.sh").toString()));
  }

  @Test
  void testNewestJdkAtLeast22_isChosen() throws Exception {
    fakeJdk("java-17-openjdk", "17.0.15", true);
    fakeJdk("jdk-22", "22.0.2", true);
    Path newest = fakeJdk("temurin-25", "25.0.3", true);
    fakeJdk("jre-30", "30", false); // a JRE: no javac
    Proc p = find("");
    assertEquals(0, p.exit(), p.toString());
    assertEquals(newest + "\n", p.stdout());
  }

  @Test
  void testJavaHome_winsWhenItIsAJdk22OrNewer() throws Exception {
    Path chosen = fakeJdk("jdk-22", "22.0.2", true);
    fakeJdk("temurin-25", "25.0.3", true);
    Proc p = find(chosen.toString());
    assertEquals(chosen + "\n", p.stdout(), p.toString());
  }

  @Test
  void testOldJavaHome_isIgnored() throws Exception {
    Path old = fakeJdk("java-17", "17.0.15", true);
    Path jdk = fakeJdk("jdk-24", "24", true);
    Proc p = find(old.toString());
    assertEquals(jdk + "\n", p.stdout(), p.toString());
  }

  @Test
  void testNoJdk_saysWhatToInstall() throws Exception {
    fakeJdk("java-17", "17.0.15", true);
    Proc p = find("");
    assertEquals(1, p.exit(), p.toString());
    assertTrue(p.stderr().startsWith("gopl: no JDK 22 or newer found\n"), p.stderr());
    assertTrue(p.stderr().contains("install one"), p.stderr());
  }
}
