package gopl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where {@code gopl build -aot} puts a jar's AOT cache. */
class AotTrainingTest {
  @Test
  void testCachePath_besideTheJarWithAotSuffix() {
    assertEquals(Path.of("out/app.aot"), AotTraining.cachePath(Path.of("out/app.jar")));
    assertEquals(Path.of("hello.aot"), AotTraining.cachePath(Path.of("hello.jar")));
    assertEquals(Path.of("/tmp/prog.bin.aot"), AotTraining.cachePath(Path.of("/tmp/prog.bin")));
  }
}
