package gopl.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance corpus: every {@code .gop} file under {@code tests/programs} (system property
 * {@code gopl.programs}, set by the pom; {@code programs} relative to the module otherwise), in
 * sorted order, each with its {@link Expectation}.
 */
final class Programs {
  private Programs() {}

  /** A corpus file: its path, its name relative to the corpus root (the test's name), its trailer. */
  record Program(Path path, String name, Expectation expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Path root() {
    return Path.of(System.getProperty("gopl.programs", "programs")).toAbsolutePath().normalize();
  }

  static List<Program> all() {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".gop") && Files.isRegularFile(p))
          .sorted()
          .map(p -> new Program(p, root.relativize(p).toString().replace('\\', '/'), Expectation.parse(read(p))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
