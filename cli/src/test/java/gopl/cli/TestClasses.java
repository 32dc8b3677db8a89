package gopl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a test class's bytes from the test classpath, to hand them over as a "program" class. */
final class TestClasses {
  private TestClasses() {}

  static byte[] bytes(Class<?> c) {
    String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = c.getResourceAsStream(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String internalName(Class<?> c) {
    return c.getName().replace('.', '/');
  }
}
