package gopl.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (system property {@code gopl.root}, set by the pom; {@code ..} otherwise). */
final class Repo {
  private Repo() {}

  static Path root() {
    return Path.of(System.getProperty("gopl.root", "..")).toAbsolutePath().normalize();
  }

  static Path launcher() {
    return root().resolve("gopl");
  }

  static Path compilerJar() {
    return root().resolve("cli/target/gopl.jar");
  }

  static boolean compilerJarBuilt() {
    return Files.isRegularFile(compilerJar());
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
