package gopl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code gopl build -aot}: records a JDK AOT cache for a built jar (JEPs 483/514/515: its classes
 * pre-parsed and pre-linked, plus the method profiles of a training run) by running the jar once
 * with {@code -XX:AOTCacheOutput}, output discarded. The cache ({@code NAME.aot} beside {@code
 * NAME.jar}) is used by {@code java -XX:AOTCache=NAME.aot -jar NAME.jar}; the JVM ignores one that
 * is missing or does not match the jar. Needs the JDK running the compiler to be 25 or newer.
 */
final class AotTraining {
  private AotTraining() {}

  /** The training run's time limit. */
  private static final long TIMEOUT_SECONDS = 300;

  /** Records jar's cache; returns the exit status for build (0, or 1 with a message on err). */
  static int record(Path jar, String trainingArgs, PrintStream err) {
    if (Runtime.version().feature() < 25) {
      err.println("gopl build: -aot needs Java 25 or newer (this is " + Runtime.version().feature() + ")");
      return 1;
    }
    Path cache = cachePath(jar);
    Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // no other options: the cache is only used by a JVM started with the same ones (native
        // access, for one, comes from the jar's manifest, so `java -jar` needs no flag)
        "-XX:AOTCacheOutput=" + tmp, "-Xlog:aot=off", "-Xlog:cds=off", "-jar", jar.toString()));
    if (trainingArgs != null && !trainingArgs.isBlank()) cmd.addAll(List.of(trainingArgs.trim().split("\\s+")));
    try {
      Process p = new ProcessBuilder(cmd)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        err.println("gopl build: -aot: the training run did not end within " + TIMEOUT_SECONDS + "s (give it -aot-args that make it short)");
        return 1;
      }
      if (!Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
        err.println("gopl build: -aot: the training run (exit status " + p.exitValue() + ") recorded no cache");
        return 1;
      }
      Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return 0;
    } catch (IOException e) {
      err.println("gopl build: -aot: " + Inputs.reason(e));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      try {
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".config"));
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  /** NAME.jar -> NAME.aot (any other name: NAME.aot appended). */
  static Path cachePath(Path jar) {
    String name = jar.getFileName().toString();
    if (name.endsWith(".jar")) name = name.substring(0, name.length() - ".jar".length());
    return jar.resolveSibling(name + ".aot");
  }
}
