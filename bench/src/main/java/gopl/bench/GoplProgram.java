package gopl.bench;

import gopl.cli.Compilation;
import gopl.cli.Compiler;
import gopl.cli.ProgramClassLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GoPL program compiled at benchmark set-up by the project's own compiler ({@link Compiler})
 * from a {@code .gop} classpath resource and loaded in a fresh {@link ProgramClassLoader}, exactly
 * as {@code gopl run} does; its package-level functions are reachable as method handles.
 */
final class GoplProgram {
  private final Class<?> pkg;

  private GoplProgram(Class<?> pkg) {
    this.pkg = pkg;
  }

  /** Compiles the resource {@code gopl/bench/<name>} (failing loudly on any diagnostic). */
  static GoplProgram compile(String name) {
    try (InputStream in = GoplProgram.class.getResourceAsStream("/gopl/bench/" + name)) {
      if (in == null) throw new IllegalStateException("missing resource gopl/bench/" + name);
      Path dir = Files.createTempDirectory("gopl-bench");
      Path file = dir.resolve(name);
      Files.write(file, in.readAllBytes());
      Compilation c = new Compiler().compile(file);
      Files.delete(file);
      Files.delete(dir);
      if (!c.ok()) throw new IllegalStateException("GoPL compile failed: " + c.errors());
      ClassLoader loader = new ProgramClassLoader(c.classes(), GoplProgram.class.getClassLoader());
      return new GoplProgram(Class.forName(c.mainClass().replace('/', '.'), true, loader));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The package function {@code name} as a handle of type {@code type}. */
  MethodHandle function(String name, MethodType type) {
    try {
      return MethodHandles.publicLookup().findStatic(pkg, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
