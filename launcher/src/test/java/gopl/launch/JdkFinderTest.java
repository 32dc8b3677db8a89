package gopl.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkFinderTest {
  @TempDir Path root;

  private File jdk(String name, String version) throws IOException {
    Path d = root.resolve(name);
    Files.createDirectories(d.resolve("bin"));
    Path java = Files.createFile(d.resolve("bin/java"));
    java.toFile().setExecutable(true);
    Files.writeString(d.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    return d.toFile();
  }

  @Test
  void testFind_newestQualifyingJdkUnderRoot() throws IOException {
    jdk("java-17", "17.0.15");
    File jdk25 = jdk("temurin-25", "25.0.3");
    jdk("java-22", "22.0.1");
    jdk("java-8", "1.8.0_412");
    assertEquals(jdk25, JdkFinder.find(null, root.toFile(), 22));
  }

  @Test
  void testFind_javaHomeWinsWhenItQualifies() throws IOException {
    jdk("temurin-25", "25.0.3");
    File home = jdk("java-22", "22.0.1");
    assertEquals(home, JdkFinder.find(home.getPath(), root.toFile(), 22));
  }

  @Test
  void testFind_tooOldJavaHomeIsIgnored() throws IOException {
    File home = jdk("java-17", "17.0.15");
    File jdk25 = jdk("temurin-25", "25.0.3");
    assertEquals(jdk25, JdkFinder.find(home.getPath(), root.toFile(), 22));
  }

  @Test
  void testFind_nullWhenNothingQualifies() throws IOException {
    jdk("java-17", "17.0.15");
    Files.createDirectories(root.resolve("not-a-jdk"));
    assertNull(JdkFinder.find(null, root.toFile(), 22));
    assertNull(JdkFinder.find(null, root.resolve("missing").toFile(), 22));
  }

  @Test
  void testFeature_parsesOldAndNewVersionStrings() throws IOException {
    assertEquals(8, JdkFinder.feature(jdk("a", "1.8.0_412")));
    assertEquals(25, JdkFinder.feature(jdk("b", "25")));
    assertEquals(-1, JdkFinder.feature(root.toFile()));
  }
}
