package gopl.repl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one REPL session's runtime: it defines, child-first, the session's own copy
 * of every runtime and standard-library class (packages {@code gopl.runtime} and
 * {@code gopl.stdlib}), so a session has its own {@code Sys.out}, goroutine scheduler and std
 * natives' state, shared by all its cells (COMMON.md contract 5); and the REPL's classes of
 * {@code gopl.repl.rt} (its side of the persistent heap, {@link HeapControl}), which must see the
 * session's runtime. Everything else, including {@link Interrupts}, comes from the parent. Cells are defined by {@link CellLoader}s below it.
 */
final class RuntimeLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  /** The REPL's own classes that work inside the session's runtime (its persistent heap). */
  static final String SESSION_SIDE = "gopl.repl.rt.";

  private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
  private static final byte[] ABSENT = new byte[0];
  private final ClassLoader source;

  RuntimeLoader(ClassLoader parent) {
    super("gopl-repl-runtime", parent);
    this.source = parent;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        byte[] bytes = name.startsWith("gopl.runtime.") || name.startsWith("gopl.stdlib.") || name.startsWith(SESSION_SIDE)
            ? bytes(name) : null;
        c = bytes != null ? defineClass(name, bytes, 0, bytes.length) : super.loadClass(name, false);
      }
      if (resolve) resolveClass(c);
      return c;
    }
  }

  private byte[] bytes(String name) {
    byte[] b = BYTES.computeIfAbsent(name, n -> {
      try (InputStream in = source.getResourceAsStream(n.replace('.', '/') + ".class")) {
        return in == null ? ABSENT : in.readAllBytes();
      } catch (IOException e) {
        return ABSENT;
      }
    });
    return b == ABSENT ? null : b;
  }
}
